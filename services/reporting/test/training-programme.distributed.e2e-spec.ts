import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { encodeEventMessage } from '@sfp/messaging';
import { loadConfig } from '@sfp/service-kit';
import {
  createTestDatabase,
  createTestTopics,
  httpClient,
  integrationEnv,
  signIn,
  type TestDatabase,
  type TestTopics,
} from '@sfp/testing';
import { Partitioners, type Producer } from 'kafkajs';
import { ReportingServiceConfig } from '../src/standalone/reporting-service.config';
import {
  startReportingService,
  type ReportingService,
} from '../src/standalone/start-reporting-service';
import {
  CAPACITY_BUILDING_FIGURES_2026_Q1,
  PROGRAMME_TARGET_FIGURES_2026_Q1,
  scriptedProgrammeHistory,
} from '../src/training/training-history.fixture';
import { eventually } from './support/reporting-test-app';
import { figuresByName } from './support/report-figures';

type Json = Record<string, any>;

const CONTEXTS = ['help-desk', 'knowledge-base', 'training'] as const;

/**
 * From a programme's targets to its indicators across contexts: the training
 * context's public events (courses, offerings, participations, a programme and
 * its targets) published on a Kafka topic as training publishes them on
 * sfp.training.events, reporting (standalone, its own MongoDB database)
 * consuming them, and the progress report's capacity-building section setting
 * the programme's results against its targets. The same messages delivered
 * again change nothing.
 */
describe('programme targets as indicators: training events over Kafka into reporting (distributed e2e)', () => {
  let topics: TestTopics;
  let database: TestDatabase;
  let service: ReportingService;
  let producer: Producer;
  let http: ReturnType<typeof httpClient>;
  const groupPrefix = `sfp-reporting-programme-e2e-${randomBytes(4).toString('hex')}`;
  const history = scriptedProgrammeHistory();
  const topicOf = (context: string) =>
    topics.names[CONTEXTS.indexOf(context as (typeof CONTEXTS)[number])] as string;
  const publish = (events: readonly RecordedEvent[]) =>
    producer.send({
      topic: topicOf('training'),
      acks: -1,
      messages: events.map(encodeEventMessage),
    });

  beforeAll(async () => {
    const env = integrationEnv();
    topics = await createTestTopics(
      CONTEXTS.map((c) => `${c}.events`),
      { prefix: 'reporting-programme-e2e', partitions: 2 },
    );
    database = await createTestDatabase('rep_pg_e2e');
    const config = loadConfig(ReportingServiceConfig, {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      MONGODB_URI: env.mongodbUri,
      MONGODB_DATABASE: `${database.name}_svc`.slice(0, 63),
      PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_CLIENT_ID: 'sfp-reporting-programme-e2e',
      REPORTING_CONSUMER_GROUP_PREFIX: groupPrefix,
      SFP_AUTH_TOKEN_SECRET: 'reporting-programme-e2e-token-secret-0123456789',
      SFP_AUTH_DATABASE: `${database.name}_auth`.slice(0, 63),
      SFP_ADMIN_PASSWORD: 'reporting programme e2e phrase',
    });
    service = await startReportingService(config, { eventTopicOf: topicOf });
    const admin = httpClient(
      `${service.url}/api`,
      await signIn(service.url, 'admin', 'reporting programme e2e phrase'),
    );
    await admin.post('/auth/users', {
      username: 'ana.analyst',
      displayName: 'Ana',
      roles: ['analyst'],
      password: 'analyst programme e2e phrase',
    });
    http = httpClient(
      `${service.url}/api/reporting`,
      await signIn(service.url, 'ana.analyst', 'analyst programme e2e phrase'),
    );
    producer = topics.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await publish(history.events);
  });

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await service?.close();
    const admin = topics?.kafka.admin();
    if (admin) {
      await admin.connect();
      await admin.deleteGroups(CONTEXTS.map((c) => `${groupPrefix}.${c}`)).catch(() => undefined);
      await admin.disconnect();
    }
    await topics?.cleanup().catch(() => undefined);
    if (database) {
      for (const name of [`${database.name}_svc`, `${database.name}_auth`]) {
        await database.connection
          .useDb(name.slice(0, 63))
          .dropDatabase()
          .catch(() => undefined);
      }
      await database.cleanup();
    }
  });

  const capacityBuilding = async (): Promise<Json> => {
    const answer = await http.get<Json>('/reports/progress?period=2026-Q1');
    expect(answer.status).toBe(200);
    return (answer.body['functions'] as Json[]).find(
      (f) => f['function'] === 'capacity-building',
    ) as Json;
  };

  const programme = async (): Promise<Json | undefined> => {
    const answer = await http.post<Json>('/views/training-programmes/query', {
      filter: { programmeId: 'pg1' },
    });
    expect(answer.status).toBe(200);
    return (answer.body['rows'] as Json[])[0];
  };

  it('computes the programme’s indicators and their status from the events consumed over Kafka', async () => {
    const section = await eventually(async () => {
      const s = await capacityBuilding();
      // Each view is its own projection: wait until every figure below is in.
      expect(figuresByName(s['figures'])).toEqual({
        ...CAPACITY_BUILDING_FIGURES_2026_Q1,
        ...PROGRAMME_TARGET_FIGURES_2026_Q1,
      });
      return s;
    }, 90_000);
    expect(section['notes']).toContainEqual(
      'Social finance in West Africa — Constituents trained (people), Female: 1 against a target of 5 (due 2026-12-31, 1.2 expected by the end of the period): At risk.',
    );
    expect(await programme()).toMatchObject({
      title: 'Social finance in West Africa',
      scopeKind: 'region',
      region: 'africa',
      status: 'active',
      offeringIds: ['o1', 'o5'],
      targetCount: 5,
    });
  });

  it('changes nothing when the same messages are delivered again', async () => {
    const before = await capacityBuilding();
    const programmeBefore = await programme();
    // The whole programme stream and the completions it counts, delivered again.
    await publish(
      history.events.filter(
        (e) =>
          e.streamId === 'programme-pg1' ||
          e.type === 'training.ParticipantCompleted' ||
          e.type === 'training.ParticipantFailed',
      ),
    );
    // A new event after them, on the same stream (same partition, so consumed after them):
    // once it shows, the redelivered messages have been consumed.
    const h = scriptedProgrammeHistory();
    const closed = h.closeProgramme('pg1', '2026-04-02T09:00:00.000Z');
    await publish([{ ...closed, streamVersion: 5, position: history.events.length + 1 }]);
    await eventually(
      async () => expect(await programme()).toMatchObject({ status: 'closed' }),
      60_000,
    );

    const after = await capacityBuilding();
    expect(after['figures']).toEqual(before['figures']);
    expect(after['notes']).toEqual(before['notes']);
    expect(await programme()).toEqual({
      ...programmeBefore,
      status: 'closed',
      closedAt: '2026-04-02T09:00:00.000Z',
    });
  });
});
