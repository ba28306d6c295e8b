import 'reflect-metadata';
import { contextTopics } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import {
  dropDatabases,
  integrationEnv,
  startDepartmentSystem,
  uniqueName,
  type DepartmentSystem,
} from '@sfp/testing';
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
  let department: DepartmentSystem;
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
    department = await startDepartmentSystem({
      brokers: env.kafkaBrokers,
      clientId: 'template-e2e',
      topics: [topics.outcomes, topics.events, topics.dlq],
      recorderGroup: 'template-e2e',
    });
  });

  afterAll(async () => {
    await Promise.all([department?.stop(), service?.close()]);
    await dropDatabases(mongodbUri, [database, authDatabase]);
  });

  describeTemplateScenario(() => ({
    url: service.url,
    adminPassword: ADMIN_PASSWORD,
    publish: (topic, message) => department.send(topic, [message]),
    waitFor: async (label, predicate) => (await department.recorder.waitFor(label, predicate))[0]!,
  }));

  it('reports MongoDB, Kafka and its command gateway ready', async () => {
    const ready = await fetch(`${service.url}/api/health/ready`);
    expect(ready.status).toBe(200);
  });
});
