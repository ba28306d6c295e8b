import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { encodeEventMessage } from '@sfp/messaging';
import { loadConfig } from '@sfp/service-kit';
import {
  createTestDatabase,
  createTestTopics,
  httpClient,
  signIn,
  integrationEnv,
  type TestDatabase,
  type TestTopics,
} from '@sfp/testing';
import { Partitioners, type Producer } from 'kafkajs';
import { ReportingServiceConfig } from '../src/standalone/reporting-service.config';
import {
  startReportingService,
  type ReportingService,
} from '../src/standalone/start-reporting-service';
import { scriptedHistory } from './support/help-desk-history';
import { scriptedKnowledgeBaseHistory } from './support/knowledge-base-history';
import { eventually } from './support/reporting-test-app';
import {
  figuresByName,
  HELP_DESK_FIGURES_2026_Q1,
  HELP_DESK_FIGURES_EMPTY,
  KNOWLEDGE_MANAGEMENT_FIGURES_2026_Q1,
} from './support/report-figures';

type Json = Record<string, any>;

/**
 * Reporting as it runs in distributed mode: booted in-process against the
 * real Kafka broker (one consumer group per context) and the MongoDB-protocol
 * server (its log and read models in its own database). The contexts' public
 * events are published on topics of this run, in the envelope and shape the
 * help desk and the knowledge base publish.
 */
describe('reporting standalone on Kafka and MongoDB (distributed e2e)', () => {
  let topics: TestTopics;
  let database: TestDatabase;
  let service: ReportingService;
  let producer: Producer;
  let http: ReturnType<typeof httpClient>;
  /** Projection operations are the administrator's; the analyst reads the views and the report. */
  let adminHttp: ReturnType<typeof httpClient>;
  const groupPrefix = `sfp-reporting-e2e-${randomBytes(4).toString('hex')}`;
  const script = scriptedHistory();

  beforeAll(async () => {
    const env = integrationEnv();
    topics = await createTestTopics(['help-desk.events', 'knowledge-base.events'], {
      prefix: 'reporting-e2e',
      partitions: 2,
    });
    database = await createTestDatabase('rep_e2e');
    const topicOf = (context: string) => topics.names[context === 'help-desk' ? 0 : 1] as string;
    const config = loadConfig(ReportingServiceConfig, {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      MONGODB_URI: env.mongodbUri,
      MONGODB_DATABASE: `${database.name}_svc`.slice(0, 63),
      PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_CLIENT_ID: 'sfp-reporting-e2e',
      REPORTING_CONSUMER_GROUP_PREFIX: groupPrefix,
      SFP_AUTH_TOKEN_SECRET: 'reporting-e2e-token-secret-0123456789abcdef',
      SFP_AUTH_DATABASE: `${database.name}_auth`.slice(0, 63),
      SFP_ADMIN_PASSWORD: 'reporting e2e phrase',
    });
    service = await startReportingService(config, { eventTopicOf: topicOf });
    expect((await httpClient(`${service.url}/api/reporting`).get('/views')).status).toBe(401);
    const adminAuth = await signIn(service.url, 'admin', 'reporting e2e phrase');
    const admin = httpClient(`${service.url}/api`, adminAuth);
    adminHttp = httpClient(`${service.url}/api/reporting`, adminAuth);
    await admin.post('/auth/users', {
      username: 'ana.analyst',
      displayName: 'Ana',
      roles: ['analyst'],
      password: 'analyst e2e phrase',
    });
    http = httpClient(
      `${service.url}/api/reporting`,
      await signIn(service.url, 'ana.analyst', 'analyst e2e phrase'),
    );
    producer = topics.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({
      topic: topicOf('help-desk'),
      acks: -1,
      messages: script.history.events.map(encodeEventMessage),
    });
    await producer.send({
      topic: topicOf('knowledge-base'),
      acks: -1,
      messages: scriptedKnowledgeBaseHistory().events.map(encodeEventMessage),
    });
  });

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await service?.close();
    const admin = topics?.kafka.admin();
    if (admin) {
      await admin.connect();
      await admin
        .deleteGroups([`${groupPrefix}.help-desk`, `${groupPrefix}.knowledge-base`])
        .catch(() => undefined);
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

  const figuresOf = (section: Json) => figuresByName(section['figures']);

  it('consumes both contexts from Kafka into MongoDB and serves the 2026-Q1 report, figures by hand', async () => {
    const report = await eventually(async () => {
      const answer = await http.get<Json>('/reports/progress?period=2026-Q1');
      expect(answer.status).toBe(200);
      const [helpDesk, , knowledge] = answer.body['functions'] as Json[];
      // Each view is its own projection: wait until every figure checked below is in.
      expect(figuresOf(helpDesk!)).toMatchObject({
        requestsReceived: 4,
        requestsResolved: 3,
        requestsCancelled: 1,
        slaBreaches: 2,
      });
      expect(figuresOf(knowledge!)).toMatchObject({
        performanceReportsFiled: 3,
        targetStatusChanges: 3,
        institutionsRegistered: 2,
        institutionsReporting: 2,
        targetsDue: 2,
      });
      return answer.body;
    }, 90_000);
    const [helpDesk, innovation, knowledge] = report['functions'] as Json[];
    expect(figuresOf(helpDesk!)).toMatchObject(HELP_DESK_FIGURES_2026_Q1);
    expect(figuresOf(knowledge!)).toMatchObject(KNOWLEDGE_MANAGEMENT_FIGURES_2026_Q1);
    // No research event on this run's topics: the section is reported, with zeros.
    expect(innovation).toMatchObject({ status: 'reported', context: 'innovation-research' });
    expect(figuresOf(innovation!)).toMatchObject({ researchProjects: 0, findingsPublished: 0 });
    const empty = await http.get<Json>('/reports/progress?period=2030');
    expect(figuresOf((empty.body['functions'] as Json[])[0]!)).toEqual(HELP_DESK_FIGURES_EMPTY);
  });

  it('answers analyst queries on MongoDB, refuses injection with 400, and replays "as of"', async () => {
    const byKind = await http.post<Json>('/views/service-requests/query', {
      filter: {
        submittedAt: { gte: '2026-01-01', lt: '2026-04-01' },
        priority: { in: ['high', 'normal', 'urgent'] },
      },
      groupBy: ['kind'],
      aggregates: ['count', 'median:hoursToFirstResolution'],
      sort: ['kind'],
    });
    expect(byKind.body['rows']).toEqual([
      { kind: 'programme-guidance', count: 1, median_hoursToFirstResolution: 360 },
      { kind: 'referral', count: 3, median_hoursToFirstResolution: 180 },
    ]);
    for (const body of [
      { filter: { kind: { $gt: '' } } },
      { filter: { $where: 'sleep(1000)' } },
      { filter: { 'status.$ne': 1, priority: { $in: ['high'] } } },
    ]) {
      const refused = await http.post<Json>('/views/service-requests/query', body);
      expect({ body, status: refused.status, code: refused.body['code'] }).toEqual({
        body,
        status: 400,
        code: 'INVALID_QUERY',
      });
      expect(refused.body['fieldErrors'].length).toBeGreaterThan(0);
    }
    const asOf = await http.get<Json>('/reports/progress?period=2026-Q1&asOf=2026-02-01T00:00:00Z');
    expect(figuresOf((asOf.body['functions'] as Json[])[0]!)).toMatchObject({
      requestsReceived: 1,
      requestsResolved: 2,
      medianHoursToResolution: 180,
    });
  });

  it('lists its projections with position and lag', async () => {
    expect((await http.get('/projections')).status).toBe(403);
    const list = await adminHttp.get<{ projections: Json[] }>('/projections');
    expect(list.body.projections.map((p) => p['name']).sort()).toEqual([
      'reporting-impact-assessments',
      'reporting-institutions',
      'reporting-performance-reports',
      'reporting-quality-decisions',
      'reporting-quality-linkages',
      'reporting-quality-portfolio',
      'reporting-quality-proposals',
      'reporting-research-cost-benefit-record',
      'reporting-research-milestone-record',
      'reporting-research-portfolio',
      'reporting-research-publications',
      'reporting-service-requests',
      'reporting-targets',
      'reporting-training-courses',
      'reporting-training-offerings',
      'reporting-training-participations',
      'reporting-training-programmes',
    ]);
    expect(list.body.projections[0]).toMatchObject({
      context: 'reporting',
      position: expect.any(Number),
      lagEvents: expect.any(Number),
      lastError: null,
    });
  });
});
