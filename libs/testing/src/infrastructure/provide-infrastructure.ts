import {
  HOW_TO_START_LOCAL_SERVERS,
  InfrastructureUnavailableError,
} from './infrastructure-unavailable.error';
import { probeKafka, probeMongo, type KafkaProbe, type MongoProbe } from './server-probes';

export interface IntegrationInfrastructure {
  kafkaBrokers: string[];
  mongodbUri: string;
  /** Where the addresses came from. */
  source: 'environment' | 'testcontainers';
  kafka: KafkaProbe;
  mongo: MongoProbe;
  /** Stops what the harness started itself (containers); a no-op for given addresses. */
  stop(): Promise<void>;
}

export interface ProvideOptions {
  env?: NodeJS.ProcessEnv;
  probeTimeoutMs?: number;
  /** Tells whether a container engine answers. Replaceable so the decision itself can be tested. */
  dockerAvailable?: () => Promise<boolean>;
}

/**
 * Gives integration tests their servers:
 *  1. KAFKA_BROKERS and MONGODB_URI when set (both must answer);
 *  2. otherwise, when a Docker engine answers, containers started with testcontainers;
 *  3. otherwise an InfrastructureUnavailableError that says how to start infra/local.
 * Never resolves without two servers that answered a real request.
 */
export async function provideInfrastructure(
  options: ProvideOptions = {},
): Promise<IntegrationInfrastructure> {
  const env = options.env ?? process.env;
  const timeout = options.probeTimeoutMs ?? 10_000;
  const brokersVar = env['KAFKA_BROKERS']?.trim();
  const mongoVar = env['MONGODB_URI']?.trim();

  if (brokersVar || mongoVar) {
    if (!brokersVar || !mongoVar) {
      const missing = brokersVar ? 'MONGODB_URI' : 'KAFKA_BROKERS';
      throw new InfrastructureUnavailableError(
        `${missing} is not set while ${missing === 'MONGODB_URI' ? 'KAFKA_BROKERS' : 'MONGODB_URI'} is.\n${HOW_TO_START_LOCAL_SERVERS}`,
      );
    }
    const kafkaBrokers = parseBrokers(brokersVar);
    const [kafka, mongo] = await Promise.all([
      probe(`Kafka at ${kafkaBrokers.join(',')} (KAFKA_BROKERS)`, () =>
        probeKafka(kafkaBrokers, timeout),
      ),
      probe(`MongoDB at ${mongoVar} (MONGODB_URI)`, () => probeMongo(mongoVar, timeout)),
    ]);
    return {
      kafkaBrokers,
      mongodbUri: mongoVar,
      source: 'environment',
      kafka,
      mongo,
      stop: async () => undefined,
    };
  }

  const dockerAvailable = options.dockerAvailable ?? isDockerAvailable;
  if (!(await dockerAvailable())) {
    throw new InfrastructureUnavailableError(
      `KAFKA_BROKERS and MONGODB_URI are not set and no Docker engine answers.\n${HOW_TO_START_LOCAL_SERVERS}`,
    );
  }
  return startContainers(timeout);
}

export function parseBrokers(value: string): string[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d+$/.test(broker)) {
      throw new InfrastructureUnavailableError(
        `KAFKA_BROKERS holds "${broker}", which is not host:port.\n${HOW_TO_START_LOCAL_SERVERS}`,
      );
    }
  }
  return brokers;
}

async function probe<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InfrastructureUnavailableError(
      `${what} does not answer: ${reason}\n${HOW_TO_START_LOCAL_SERVERS}`,
    );
  }
}

async function isDockerAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(timeout: number): Promise<IntegrationInfrastructure> {
  // The broker users get (docker-compose.yml, infra/local): apache/kafka, not Confluent's image.
  const { startApacheKafkaContainer } = await import('./apache-kafka-container');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [started, mongoContainer] = await Promise.all([
    startApacheKafkaContainer(),
    new MongoDBContainer('mongo:7').start(),
  ]);
  const kafkaContainer = started.container;
  const kafkaBrokers = started.brokers;
  const mongodbUri = `${mongoContainer.getConnectionString()}?directConnection=true`;
  const [kafka, mongo] = await Promise.all([
    probe('Kafka container', () => probeKafka(kafkaBrokers, timeout)),
    probe('MongoDB container', () => probeMongo(mongodbUri, timeout)),
  ]);
  return {
    kafkaBrokers,
    mongodbUri,
    source: 'testcontainers',
    kafka,
    mongo,
    stop: async () => {
      await Promise.all([kafkaContainer.stop(), mongoContainer.stop()]);
    },
  };
}
