import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { signCommand } from '@sfp/auth';
import { COMMAND_HEADERS, contextTopics, EVENT_HEADERS } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import {
  httpClient,
  signIn,
  startDepartmentSystem,
  startStandaloneUnderTest,
  type DepartmentSystem,
  type StandaloneUnderTest,
} from '@sfp/testing';
import { workedExampleA } from '../src/performance-report/domain/testing/worked-example';
import { knowledgeBaseService } from '../src/knowledge-base.service';
import { institutionRegistration, institutionTarget } from '../src/testing/knowledge-base-requests';

type Json = Record<string, any>;

/**
 * The knowledge base as it runs in distributed mode: booted in-process against
 * the real Kafka broker and MongoDB-protocol server (FerretDB here), with the
 * platform's auth. A regional office's system files reports by signed message;
 * operators and analysts use HTTP. The read models (MongoDB) serve the
 * figures, the search (token index, no $text) and the benchmarks.
 */
describe('knowledge base standalone on Kafka and MongoDB (distributed e2e)', () => {
  const topics = contextTopics('knowledge-base');
  const DEPARTMENT = 'ro-africa';
  const ADMIN_PASSWORD = 'distributed e2e secret phrase';

  let service: StandaloneService;
  let department: DepartmentSystem;
  let operator: ReturnType<typeof httpClient>;
  let analyst: ReturnType<typeof httpClient>;
  let host: StandaloneUnderTest<StandaloneService> | undefined;
  let clientId: string;
  let apiKey: string;

  beforeAll(async () => {
    host = await startStandaloneUnderTest({
      prefix: 'kb_e2e',
      adminPassword: ADMIN_PASSWORD,
      extra: { KAFKA_CLIENT_ID: 'sfp-knowledge-base-e2e' },
      start: (env) => startStandaloneService(knowledgeBaseService, env),
    });
    service = host.service;
    const { admin } = host;
    for (const [username, role] of [
      ['operator-1', 'operator'],
      ['analyst-1', 'analyst'],
    ] as const) {
      const created = await admin.post('/auth/users', {
        username,
        displayName: username,
        roles: [role],
        password: `${role} has a long secret phrase`,
      });
      if (created.status !== 201)
        throw new Error(`Creating ${username}: ${created.status} ${created.text}`);
    }
    operator = httpClient(
      `${service.url}/api/knowledge-base`,
      await signIn(service.url, 'operator-1', 'operator has a long secret phrase'),
    );
    analyst = httpClient(
      `${service.url}/api/knowledge-base`,
      await signIn(service.url, 'analyst-1', 'analyst has a long secret phrase'),
    );
    ({ clientId, apiKey } = await host.apiClient('ro-africa-reporting', DEPARTMENT));
    department = await startDepartmentSystem({
      brokers: host.setup.kafkaBrokers,
      clientId: 'kb-e2e',
      topics: [topics.outcomes, topics.events],
      recorderGroup: 'knowledge-base-e2e',
    });
  });

  afterAll(async () => {
    await host?.stop(department);
  });

  const send = async (commandType: string, payload: unknown): Promise<string> => {
    const messageId = randomUUID();
    const value = JSON.stringify(payload);
    await department.send(topics.commands, [
      {
        key: messageId,
        value,
        headers: {
          [COMMAND_HEADERS.messageId]: messageId,
          [COMMAND_HEADERS.commandType]: commandType,
          [COMMAND_HEADERS.sender]: 'ro-africa-reporting',
          [COMMAND_HEADERS.department]: DEPARTMENT,
          ...signCommand({ apiKey, topic: topics.commands, messageId, commandType, value }),
        },
      },
    ]);
    return messageId;
  };
  const outcomeOf = async (messageId: string): Promise<Json> => {
    const [message] = await department.recorder.waitFor(
      `outcome of ${messageId}`,
      (m) => m.topic === topics.outcomes && m.key === messageId,
    );
    return JSON.parse(message?.value ?? 'null') as Json;
  };
  const eventOf = async (type: string, streamId: string): Promise<Json> => {
    const [message] = await department.recorder.waitFor(
      `${type} of ${streamId}`,
      (m) =>
        m.topic === topics.events &&
        m.headers[EVENT_HEADERS.streamId] === streamId &&
        m.headers[EVENT_HEADERS.type] === type,
    );
    return JSON.parse(message?.value ?? 'null') as Json;
  };

  it('files a report by signed message, publishes the events, re-evaluates the target on a restatement', async () => {
    const registered = await operator.post<Json>(
      '/institutions',
      institutionRegistration({
        name: 'Umoja Microfinance (distributed)',
        reportingDepartment: DEPARTMENT,
      }),
    );
    expect(registered.status).toBe(201);
    const institutionId = registered.body['id'];
    expect((await operator.post(`/institutions/${institutionId}/activate`, {})).status).toBe(200);
    const target = await operator.post<Json>(
      '/targets',
      institutionTarget(institutionId, {
        indicator: 'oss',
        comparator: 'at-least',
        threshold: 1.25,
        tolerance: 0.05,
      }),
    );
    expect(target.status).toBe(201);

    const figures = workedExampleA();
    const messageId = await send('FilePerformanceReport', { institutionId, ...figures });
    const outcome = await outcomeOf(messageId);
    const reportId = `${institutionId}_2025-01-01_2025-12-31`;
    expect(outcome).toMatchObject({
      status: 'accepted',
      streamId: `performance-report-${reportId}`,
      streamVersion: 1,
    });

    const filed = await eventOf(
      'knowledge-base.PerformanceReportFiled',
      `performance-report-${reportId}`,
    );
    expect(filed).toMatchObject({
      causationId: messageId,
      actor: { kind: 'integration-client', id: clientId, department: DEPARTMENT },
      data: {
        reportId,
        version: 1,
        filingDepartment: DEPARTMENT,
        ratios: { par30: { value: 0.04 } },
      },
    });
    // OSS 1.2264 misses 1.25 by 0.024, within the 0.05 band
    const atRisk = await eventOf(
      'knowledge-base.TargetStatusChanged',
      `target-${target.body['id']}`,
    );
    expect(atRisk['data']).toMatchObject({
      previousStatus: 'no-data',
      status: 'at-risk',
      basis: { reportIds: [reportId], versions: [1] },
    });

    // Restated: operating expense 200 000 → OSS 260 / 252 = 1.03, off track (income 8 000 before taxes, 6 000 after)
    const restated = await operator.post<Json>(
      `/performance-reports/${reportId}/restatements`,
      {
        currency: 'USD',
        fx: figures.fx,
        inputs: {
          ...figures.inputs,
          operatingExpense: 200_000,
          netOperatingIncomeAfterTaxes: 6_000,
        },
        reason: 'Audited operating expense',
      },
      { 'if-match': '"1"' },
    );
    expect(restated.status).toBe(200);
    const profile = await analyst.get<Json>(
      `/institutions/${institutionId}/profile?minPosition=${restated.body['position']}`,
    );
    expect(profile.status).toBe(200);
    expect(profile.body['series'][0]).toMatchObject({ version: 2, restated: true });
    expect(profile.body['series'][0].ratios.oss.value).toBeCloseTo(260_000 / 252_000, 10);
    expect(profile.body['targets'][0]).toMatchObject({ status: 'off-track' });
    await eventOf('knowledge-base.PerformanceReportRestated', `performance-report-${reportId}`);

    const bench = await analyst.get<Json>('/benchmarks?region=africa&legalType=nbfi&year=2025');
    expect(bench.body['groups'][0]).toMatchObject({
      region: 'africa',
      legalType: 'nbfi',
      year: 2025,
      institutions: 1,
    });
    expect(bench.body['groups'][0].ratios.oss.median).toBeCloseTo(260_000 / 252_000, 10);
  });

  it('refuses a client outside its department, and an analyst who tries to write', async () => {
    const registered = await operator.post<Json>(
      '/institutions',
      institutionRegistration({
        name: 'Andes Microfinance (distributed)',
        legalType: 'ngo',
        country: 'PE',
        region: 'americas',
        programmes: [],
        reportingDepartment: 'ro-americas',
      }),
    );
    const institutionId = registered.body['id'];
    await operator.post(`/institutions/${institutionId}/activate`, {});
    const outcome = await outcomeOf(
      await send('FilePerformanceReport', { institutionId, ...workedExampleA() }),
    );
    // Another department's institution is, for the client, one that does not exist.
    expect(outcome).toMatchObject({
      status: 'rejected',
      rejection: { code: 'INSTITUTION_NOT_FOUND' },
    });
    expect((await analyst.post('/institutions', { name: 'x' })).status).toBe(403);
  });

  it('searches the library on the MongoDB-protocol server without a text index', async () => {
    const note = await operator.post<Json>('/practice-notes', {
      title: 'Revolving funds inside social projects',
      summary: 'They lost their capital within three years.',
      practiceKind: 'bad-practice',
      themes: ['client-protection'],
      tags: ['direct lending'],
      institutionIds: [],
      assessmentIds: [],
    });
    expect(note.status).toBe(201);
    const found = await analyst.get<Json>(
      `/search?q=revolving%20lend&minPosition=${note.body['position']}`,
    );
    expect(found.body['items']).toEqual([
      expect.objectContaining({
        kind: 'practice-note',
        title: 'Revolving funds inside social projects',
        score: 5,
      }),
    ]);
  });
});
