import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { contextTopics, encodeEventMessage, EVENT_HEADERS } from '@sfp/messaging';
import { loadConfig } from '@sfp/service-kit';
import {
  createTestDatabase,
  createTestTopics,
  dropDatabases,
  httpClient,
  integrationEnv,
  signIn,
  standaloneTestEnv,
  TopicRecorder,
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
import { besidePrevious, previousFiguresByName } from './support/report-previous';

type Json = Record<string, any>;

const CONTEXTS = [
  'help-desk',
  'knowledge-base',
  'training',
  'innovation-research',
  'quality-monitoring',
] as const;

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
      const constituents = besidePrevious(CAPACITY_BUILDING_FIGURES_2026_Q1);
      expect(figuresByName(s['figures'])).toMatchObject({
        ...constituents.current,
        ...PROGRAMME_TARGET_FIGURES_2026_Q1,
      });
      expect(previousFiguresByName(s['figures'])).toMatchObject(constituents.previous);
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

const REPO = join(__dirname, '..', '..', '..');
/** Training, run as `npm run start:training` runs it (a process of its own). */
const TRAINING_MAIN = join(REPO, 'services/training/src/main.ts');

/** Starts training as a separate process; resolves with its URL once it listens. */
function startTrainingProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', TRAINING_MAIN],
    {
      cwd: REPO,
      env: { ...process.env, ...env, TS_NODE_PROJECT: 'tsconfig.base.json', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`training did not start:\n${output}`)),
      170_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const match = /"url":"(http:[^"]+)"/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve({ child, url: match[1] });
          return;
        }
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`training exited (${String(code)}):\n${output}`));
    });
  });
}

/** The calendar date `days` from now (YYYY-MM-DD). */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The report period (quarter) of now, e.g. 2026-Q4. */
const currentQuarter = () => {
  const now = new Date();
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
};

/**
 * Across contexts as they run in distributed mode: the training service (its
 * own process, its own MongoDB database) publishing its events on
 * sfp.training.events, reporting consuming that topic, an operator running an
 * offering and a programme with targets over training's HTTP API, and the
 * programme's indicators read from reporting's progress report. The topic is
 * shared with other runs: only this run's programme (its title has the run's
 * id) is looked at. Then every message of this run's streams is delivered
 * again, and nothing changes.
 */
describe('programme targets from the training service to reporting indicators (distributed e2e, two processes)', () => {
  const run = randomBytes(4).toString('hex');
  const title = `Social finance for Kenyan trade unions (run ${run})`;
  const ADMIN_PASSWORD = 'training process e2e phrase';
  const trainingEnv = standaloneTestEnv({
    prefix: 'tr_pg_e2e',
    adminPassword: ADMIN_PASSWORD,
    extra: {
      SFP_PSEUDONYM_SECRET: 'programme-e2e-pseudonym-secret-0123456789',
      KAFKA_CLIENT_ID: 'sfp-training-programme-e2e',
    },
  });
  const groupPrefix = `sfp-reporting-programme-x-${run}`;
  let training: ChildProcess | undefined;
  let trainingHttp: ReturnType<typeof httpClient>;
  let topics: TestTopics;
  let database: TestDatabase;
  let service: ReportingService;
  let http: ReturnType<typeof httpClient>;
  let recorder: TopicRecorder | undefined;

  beforeAll(async () => {
    const env = integrationEnv();
    const started = await startTrainingProcess(trainingEnv.env);
    training = started.child;
    const admin = httpClient(
      `${started.url}/api`,
      await signIn(started.url, 'admin', ADMIN_PASSWORD),
    );
    await admin.post('/auth/users', {
      username: 'training-officer',
      displayName: 'Njeri Kamau',
      roles: ['operator'],
      password: 'training officer phrase',
    });
    trainingHttp = httpClient(
      `${started.url}/api/training`,
      await signIn(started.url, 'training-officer', 'training officer phrase'),
    );

    // Reporting reads training's real topic; the other contexts from empty topics of this run.
    topics = await createTestTopics(['help-desk.events', 'knowledge-base.events'], {
      prefix: 'reporting-programme-x-e2e',
      partitions: 2,
    });
    database = await createTestDatabase('rep_pgx_e2e');
    const config = loadConfig(ReportingServiceConfig, {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      MONGODB_URI: env.mongodbUri,
      MONGODB_DATABASE: `${database.name}_svc`.slice(0, 63),
      PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_CLIENT_ID: 'sfp-reporting-programme-x-e2e',
      REPORTING_CONSUMER_GROUP_PREFIX: groupPrefix,
      SFP_AUTH_TOKEN_SECRET: 'reporting-programme-x-e2e-token-secret-01234567',
      SFP_AUTH_DATABASE: `${database.name}_auth`.slice(0, 63),
      SFP_ADMIN_PASSWORD: 'reporting programme x phrase',
    });
    service = await startReportingService(config, {
      eventTopicOf: (context) =>
        context === 'training'
          ? contextTopics('training').events
          : (topics.names[context === 'help-desk' ? 0 : 1] as string),
    });
    http = httpClient(
      `${service.url}/api/reporting`,
      await signIn(service.url, 'admin', 'reporting programme x phrase'),
    );
  }, 240_000);

  afterAll(async () => {
    await recorder?.stop().catch(() => undefined);
    await service?.close();
    if (training?.pid !== undefined && training.exitCode === null) {
      const exited = new Promise((resolve) => training?.once('exit', resolve));
      process.kill(training.pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
    }
    const admin = topics?.kafka.admin();
    if (admin) {
      await admin.connect();
      await admin.deleteGroups(CONTEXTS.map((c) => `${groupPrefix}.${c}`)).catch(() => undefined);
      await admin.disconnect();
    }
    await topics?.cleanup().catch(() => undefined);
    await dropDatabases(trainingEnv.mongodbUri, trainingEnv.databases).catch(() => undefined);
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

  let programmeId: string;
  let offeringId: string;
  let certificateId: string;

  /** This run's results against targets, from the report of the current quarter. */
  const ownTargets = async (): Promise<{
    figures: Record<string, number | null>;
    notes: string[];
  }> => {
    const answer = await http.get<Json>(`/reports/progress?period=${currentQuarter()}`);
    expect(answer.status).toBe(200);
    const section = (answer.body['functions'] as Json[]).find(
      (f) => f['function'] === 'capacity-building',
    ) as Json;
    const figures = Object.fromEntries(
      Object.entries(figuresByName(section['figures'])).filter(([name]) => name.includes(title)),
    );
    const notes = (section['notes'] as string[]).filter((n) => n.includes(title));
    return { figures, notes };
  };

  const viewRow = async (view: string, filter: Json): Promise<Json | undefined> => {
    const answer = await http.post<Json>(`/views/${view}/query`, { filter });
    expect(answer.status).toBe(200);
    return (answer.body['rows'] as Json[])[0];
  };

  it('sets the programme’s results against its targets from the events training published', async () => {
    const t = trainingHttp;
    const course = await t.post<Json>('/courses', {
      course: {
        code: `SFP-PG-${run}`.toUpperCase(),
        title: 'Microfinance for decent work: an introduction',
        kind: 'regional-course',
        learningObjectives: ['Explain how microfinance institutions measure social performance'],
        themes: ['informal-economy'],
        audiences: ['government', 'workers-organisation'],
        durationHours: 24,
        priorityArea: 'financial-inclusion',
        languages: ['en'],
        owner: 'staff-mrossi',
        supervisorApprovalRequired: false,
        completionRule: { minAttendancePercent: 80, minPostTestScore: 70 },
      },
    });
    expect(course.status).toBe(201);
    const courseId = course.body['courseId'] as string;
    expect((await t.post(`/courses/${courseId}/publish`, {})).status).toBe(200);
    const planned = await t.post<Json>('/offerings', {
      courseId,
      plan: {
        schedule: { startsOn: '2026-11-16', endsOn: '2026-11-18', timeZone: 'Africa/Nairobi' },
        delivery: { mode: 'in-person', venue: 'KCB Leadership Centre, Karen, Nairobi' },
        region: 'africa',
        country: 'KE',
        language: 'en',
        capacity: 3,
        trainers: ['staff-mrossi'],
        funding: { kind: 'sponsored', sponsor: 'Mastercard Foundation' },
      },
    });
    expect(planned.status).toBe(201);
    offeringId = planned.body['offeringId'] as string;
    expect((await t.post(`/offerings/${offeringId}/open`, {})).status).toBe(200);
    const enrolmentIds: string[] = [];
    for (const [name, sex, constituentGroup] of [
      ['Amina Wanjiru', 'female', 'workers-organisation'],
      ['Baraka Odhiambo', 'male', 'government'],
      ['Chebet Kiprop', 'female', 'workers-organisation'],
    ] as const) {
      const enrolled = await t.post<Json>(`/offerings/${offeringId}/enrolments`, {
        participant: {
          name,
          email: `${name.toLowerCase().replace(/ /g, '.')}.${run}@example.org`,
          organisation: 'Central Organisation of Trade Unions (Kenya)',
          constituentGroup,
          country: 'KE',
          sex,
          staff: false,
        },
      });
      expect(enrolled.status).toBe(201);
      enrolmentIds.push(enrolled.body['enrolmentId'] as string);
    }
    expect((await t.post(`/offerings/${offeringId}/start`, {})).status).toBe(200);
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-18'])
      expect(
        (await t.post(`/offerings/${offeringId}/attendance`, { day, present: enrolmentIds }))
          .status,
      ).toBe(200);
    // Gains 40, 30 and -10 points (mean 20); Chebet fails the post-test.
    for (const [i, [preTest, postTest]] of [
      [40, 80],
      [50, 80],
      [60, 50],
    ].entries())
      expect(
        (
          await t.post(`/offerings/${offeringId}/scores`, {
            enrolmentId: enrolmentIds[i],
            preTest,
            postTest,
          })
        ).status,
      ).toBe(200);
    expect((await t.post(`/offerings/${offeringId}/complete`, {})).status).toBe(200);

    // The programme: a year from 30 days ago, its targets due on its last day.
    const endsOn = dayFromNow(335);
    const launched = await t.post<Json>('/programmes', {
      title,
      scope: {
        kind: 'organisation',
        organisation: 'Central Organisation of Trade Unions (Kenya)',
        constituentGroup: 'workers-organisation',
        country: 'KE',
      },
      startsOn: dayFromNow(-30),
      endsOn,
    });
    expect(launched.status).toBe(201);
    programmeId = launched.body['programmeId'] as string;
    const targets = await t.post<Json>(`/programmes/${programmeId}/targets`, {
      targets: [
        { indicator: 'people-trained', value: 2, dueOn: endsOn },
        { indicator: 'people-trained', value: 1000, sex: 'female', dueOn: endsOn },
        { indicator: 'completion-rate', value: 60, dueOn: endsOn },
        { indicator: 'knowledge-gain', value: 24, dueOn: endsOn },
      ],
    });
    expect(targets.status).toBe(200);
    expect((await t.post(`/programmes/${programmeId}/offerings`, { offeringId })).status).toBe(200);

    // At the end of this quarter (before the due date, at least 30 of 365 days elapsed):
    //  - people trained 2 (Amina, Baraka): at or above 2 × the share elapsed: On track;
    //  - women trained 1 (Amina): far below 1000 × the share (at least 82): Off track;
    //  - completion rate 66.7 (2 of 3) against 60: On track;
    //  - knowledge gain 20 against 24: below, but at least 80 % of it (19.2): At risk.
    const key = (label: string, value: number, status: string) =>
      `resultsAgainstTargetsByTarget.${title} — ${label} (target ${value}, due ${endsOn}): ${status}`;
    const expected = {
      [key('Constituents trained (people)', 2, 'On track')]: 2,
      [key('Constituents trained (people), Female', 1000, 'Off track')]: 1,
      [key('Completion rate (%)', 60, 'On track')]: 66.7,
      [key('Knowledge gain, mean (post-test minus pre-test, points)', 24, 'At risk')]: 20,
    };
    const seen = await eventually(async () => {
      const own = await ownTargets();
      expect(own.figures).toEqual(expected);
      return own;
    }, 180_000);
    expect(seen.notes).toContainEqual(
      `${title} — Knowledge gain, mean (post-test minus pre-test, points): 20 against a target of 24 (due ${endsOn}, 24 expected by the end of the period): At risk.`,
    );
    expect(await viewRow('training-programmes', { programmeId })).toMatchObject({
      title,
      scopeKind: 'organisation',
      constituentGroup: 'workers-organisation',
      offeringIds: [offeringId],
      targetCount: 4,
      status: 'active',
    });
  }, 240_000);

  it('changes nothing when training’s messages are delivered again', async () => {
    const before = await ownTargets();
    const programmeRow = await viewRow('training-programmes', { programmeId });
    // Every message of this run's programme and offering, as the broker holds it, sent again.
    recorder = await TopicRecorder.start(
      topics.kafka,
      [contextTopics('training').events],
      `sfp-test-recorder-programme-${run}`,
    );
    const own = new Set([`programme-${programmeId}`, `offering-${offeringId}`]);
    const ofThisRun = (m: { headers: Record<string, string> }) =>
      own.has(m.headers[EVENT_HEADERS.streamId] ?? '');
    // The last event of each stream: a stream is on one partition, in order, so all of it is in.
    await recorder.waitFor(
      'the last events of this run’s programme and offering',
      (m) =>
        ofThisRun(m) &&
        ['training.OfferingAddedToProgramme', 'training.OfferingCompleted'].includes(
          m.headers[EVENT_HEADERS.type] ?? '',
        ),
      { count: 2, timeoutMs: 120_000 },
    );
    const messages = recorder.messages.filter(ofThisRun);
    expect(messages.length).toBeGreaterThan(20);
    const certificate = messages
      .map((m) => JSON.parse(m.value ?? '{}') as Json)
      .find((e) => e['type'] === 'training.CertificateIssued');
    certificateId = certificate?.['data']['certificateId'] as string;
    const producer = topics.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      await producer.send({
        topic: contextTopics('training').events,
        acks: -1,
        messages: messages.map((m) => ({
          key: m.bytes.key,
          value: m.bytes.value,
          headers: Object.fromEntries(Object.entries(m.bytes.headers).map(([k, v]) => [k, v])),
        })),
      });
    } finally {
      await producer.disconnect();
    }

    // A new event after them on each stream (same key, same partition, consumed after them).
    expect(
      (
        await trainingHttp.post(`/offerings/${offeringId}/certificates/${certificateId}/revoke`, {
          reason: 'Issued in error',
        })
      ).status,
    ).toBe(200);
    expect(
      (await trainingHttp.post(`/programmes/${programmeId}/close`, { reason: 'Merged' })).status,
    ).toBe(200);
    await eventually(async () => {
      expect(await viewRow('training-programmes', { programmeId })).toMatchObject({
        status: 'closed',
      });
      expect(await viewRow('training-offerings', { offeringId })).toMatchObject({
        certificatesRevoked: 1,
      });
    }, 120_000);

    expect(await ownTargets()).toEqual(before);
    const after = await viewRow('training-programmes', { programmeId });
    expect(after).toEqual({ ...programmeRow, status: 'closed', closedAt: expect.any(String) });
  }, 240_000);
});
