import 'reflect-metadata';
import { contextTopics } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import {
  dropDatabases,
  standaloneTestEnv,
  startDepartmentSystem,
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
  let service: StandaloneService;
  let department: DepartmentSystem;
  let setup: ReturnType<typeof standaloneTestEnv> | undefined;

  beforeAll(async () => {
    setup = standaloneTestEnv({ prefix: 'nb_e2e', adminPassword: ADMIN_PASSWORD });
    service = await startStandaloneService(noticeBoardService, setup.env);
    department = await startDepartmentSystem({
      brokers: setup.kafkaBrokers,
      clientId: 'template-e2e',
      topics: [topics.outcomes, topics.events, topics.dlq],
      recorderGroup: 'template-e2e',
    });
  });

  afterAll(async () => {
    await Promise.all([department?.stop(), service?.close()]);
    if (setup) await dropDatabases(setup.mongodbUri, setup.databases);
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
