import 'reflect-metadata';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { contextTopics } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import { integrationEnv, TopicRecorder, uniqueName } from '@sfp/testing';
import { noticeBoardService } from './fixtures/notice-board/notice-board.service';
import { describeTemplateScenario } from './fixtures/notice-board/notice-board.scenario';

const ADMIN_PASSWORD = 'a template distributed secret phrase';

/**
 * The service template in distributed mode: the same throwaway declaration,
 * started on its own by startStandaloneService against the real Kafka broker
 * and MongoDB-protocol server, with no start, config, main or workers file.
 */
describe('a context declared with defineService, on its own on Kafka and MongoDB (distributed e2e)', () => {
  const topics = contextTopics('notice-board');
  const database = uniqueName('nb_e2e').replace(/-/g, '_').slice(0, 60);
  const authDatabase = `${database.slice(0, 50)}_auth`;
  let service: StandaloneService;
  let producer: Producer;
  let recorder: TopicRecorder;
  let mongodbUri = '';

  beforeAll(async () => {
    const env = integrationEnv();
    mongodbUri = env.mongodbUri;
    service = await startStandaloneService(noticeBoardService, {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      MONGODB_URI: env.mongodbUri,
      MONGODB_DATABASE: database,
      PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_TOPIC_PARTITIONS: '2',
      SFP_AUTH_TOKEN_SECRET: 'template-e2e-token-secret-0123456789abcdef',
      SFP_AUTH_DATABASE: authDatabase,
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    const kafka = new Kafka({
      clientId: 'template-e2e',
      brokers: env.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await TopicRecorder.start(
      kafka,
      [topics.outcomes, topics.events, topics.dlq],
      'template-e2e',
    );
  });

  afterAll(async () => {
    await Promise.all([
      recorder?.stop().catch(() => undefined),
      producer?.disconnect().catch(() => undefined),
      service?.close(),
    ]);
    for (const dbName of mongodbUri ? [database, authDatabase] : []) {
      const connection = await mongoose.createConnection(mongodbUri, { dbName }).asPromise();
      await connection.dropDatabase().finally(() => connection.close());
    }
  });

  describeTemplateScenario(() => ({
    url: service.url,
    adminPassword: ADMIN_PASSWORD,
    publish: async (topic, message) => {
      await producer.send({ topic, acks: -1, messages: [message] });
    },
    waitFor: async (label, predicate) => (await recorder.waitFor(label, predicate))[0]!,
  }));

  it('reports MongoDB, Kafka and its command gateway ready', async () => {
    const ready = await fetch(`${service.url}/api/health/ready`);
    expect(ready.status).toBe(200);
  });
});
