// Kafka for the tests when they start their own servers (testcontainers): the
// apache/kafka image and version docker-compose.yml runs and infra/local/up
// downloads (KRaft, one combined broker and controller). testcontainers'
// KafkaContainer drives Confluent's image (/etc/confluent/docker/run), so this
// is a GenericContainer with the same two-step start: the container waits for
// a start script, which is written once the host port is known, so the broker
// advertises the address a test on the host can reach.
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';

/** The broker image of the tests, compose and infra/local (KAFKA_VERSION): keep the three equal. */
export const KAFKA_IMAGE = 'apache/kafka:4.4.0';

const CLIENT_PORT = 9092;
const BROKER_PORT = 9093;
const CONTROLLER_PORT = 9094;
const START_SCRIPT = '/tmp/sfp-start-kafka.sh';
const WAITING = 'Waiting for the start script';

export interface StartedKafka {
  container: StartedTestContainer;
  brokers: string[];
}

export async function startApacheKafkaContainer(image = KAFKA_IMAGE): Promise<StartedKafka> {
  const container = await new GenericContainer(image)
    .withExposedPorts(CLIENT_PORT)
    .withEnvironment({
      CLUSTER_ID: 'sfpTestsKraftClusterA',
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_CONTROLLER_QUORUM_VOTERS: `1@localhost:${CONTROLLER_PORT}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENERS: `HOST://0.0.0.0:${CLIENT_PORT},BROKER://0.0.0.0:${BROKER_PORT},CONTROLLER://0.0.0.0:${CONTROLLER_PORT}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'HOST:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
      // As in compose: topics are created on purpose, never by a producer's typo.
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_NUM_PARTITIONS: '1',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withEntrypoint(['sh'])
    .withCommand([
      '-c',
      `echo '${WAITING}'; while [ ! -f ${START_SCRIPT} ]; do sleep 0.1; done; exec ${START_SCRIPT}`,
    ])
    .withWaitStrategy(Wait.forLogMessage(WAITING))
    .withStartupTimeout(180_000)
    .start();
  const host = container.getHost();
  const port = container.getMappedPort(CLIENT_PORT);
  await container.copyContentToContainer([
    {
      content: [
        '#!/bin/bash',
        `export KAFKA_ADVERTISED_LISTENERS=HOST://${host}:${port},BROKER://localhost:${BROKER_PORT}`,
        // The image's own start: writes server.properties from the KAFKA_* variables, formats the storage, runs the broker.
        'exec /etc/kafka/docker/run',
        '',
      ].join('\n'),
      target: START_SCRIPT,
      mode: 0o755,
    },
  ]);
  return { container, brokers: [`${host}:${port}`] };
}
