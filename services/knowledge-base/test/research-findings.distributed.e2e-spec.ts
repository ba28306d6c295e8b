import 'reflect-metadata';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { contextTopics } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import { dropDatabases, httpClient, signIn, standaloneTestEnv, TopicRecorder } from '@sfp/testing';
import { knowledgeBaseService } from '../src/knowledge-base.service';
import { researchFindingsScenario } from './research-findings.scenario';

/**
 * Research's FindingsPublished in the knowledge base's library over the real
 * broker and MongoDB-protocol server, the knowledge base on its own: the event
 * is produced on sfp.innovation-research.events as research's outbox relay
 * encodes it; the knowledge base follows that topic with its consumer group
 * sfp-knowledge-base.research-findings. Each run uses its own project and
 * event ids and its own databases, so reruns do not collide. (Run it alone:
 * another knowledge base in the same consumer group would share the topic's
 * partitions with this one.)
 */
describe('research findings into the library (distributed e2e)', () => {
  const ADMIN_PASSWORD = 'research findings e2e secret phrase';
  let setup: ReturnType<typeof standaloneTestEnv> | undefined;
  let service: StandaloneService;
  let producer: Producer;
  let recorder: TopicRecorder;
  let auth: { authorization: string };

  beforeAll(async () => {
    setup = standaloneTestEnv({
      prefix: 'kb_research',
      adminPassword: ADMIN_PASSWORD,
      extra: { KAFKA_CLIENT_ID: 'sfp-knowledge-base-research-e2e' },
    });
    service = await startStandaloneService(knowledgeBaseService, setup.env);
    auth = await signIn(service.url, 'admin', ADMIN_PASSWORD);
    const kafka = new Kafka({
      clientId: 'knowledge-base-research-e2e',
      brokers: setup.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await TopicRecorder.start(
      kafka,
      [contextTopics('knowledge-base').dlq],
      'knowledge-base-research-e2e',
    );
  }, 120_000);

  afterAll(async () => {
    await recorder?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await service?.close();
    if (setup) await dropDatabases(setup.mongodbUri, setup.databases);
  });

  it('records an assessment per partner and a practice note, ignores redeliveries, revises on a correction, dead-letters a malformed one', async () => {
    const topic = contextTopics('innovation-research').events;
    await researchFindingsScenario({
      http: httpClient(`${service.url}/api/knowledge-base`, auth),
      publish: async ({ key, value, headers }) => {
        await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
      },
      deadLetters: () => recorder.messages,
    });
  }, 240_000);
});
