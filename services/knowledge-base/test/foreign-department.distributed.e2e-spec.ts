import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { signCommand } from '@sfp/auth';
import { COMMAND_HEADERS, contextTopics } from '@sfp/messaging';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import {
  httpClient,
  startDepartmentSystem,
  startStandaloneUnderTest,
  type DepartmentSystem,
  type StandaloneUnderTest,
} from '@sfp/testing';
import { workedExampleA } from '../src/performance-report/domain/testing/worked-example';
import { knowledgeBaseService } from '../src/knowledge-base.service';
import { institutionRegistration } from '../src/testing/knowledge-base-requests';

type Json = Record<string, any>;

/**
 * Another department's record is, for an integration client, one that does
 * not exist: filing on another department's institution and restating
 * another department's report get exactly the answers of an unknown id, on
 * Kafka (outcome) as over HTTP (problem). Against the real broker and
 * MongoDB-protocol server.
 */
describe('knowledge base: another department is an unknown one (distributed e2e)', () => {
  const topics = contextTopics('knowledge-base');
  const ADMIN_PASSWORD = 'foreign department e2e secret phrase';
  let host: StandaloneUnderTest<StandaloneService> | undefined;
  let service: StandaloneService;
  let department: DepartmentSystem;
  let api: ReturnType<typeof httpClient>;
  const keys: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    host = await startStandaloneUnderTest({
      prefix: 'kb_foreign',
      adminPassword: ADMIN_PASSWORD,
      extra: { KAFKA_CLIENT_ID: 'sfp-knowledge-base-foreign-e2e' },
      start: (env) => startStandaloneService(knowledgeBaseService, env),
    });
    service = host.service;
    api = httpClient(`${service.url}/api/knowledge-base`);
    for (const [side, name] of [
      ['a', 'ro-asia'],
      ['b', 'ro-africa'],
    ] as const) {
      keys[side] = (await host.apiClient(`kb-foreign-${side}`, name)).apiKey;
    }
    department = await startDepartmentSystem({
      brokers: host.setup.kafkaBrokers,
      clientId: 'kb-foreign-e2e',
      topics: [topics.outcomes],
      recorderGroup: 'kb-foreign-e2e',
    });
  });

  afterAll(async () => {
    await host?.stop(department);
  });

  const send = async (side: 'a' | 'b', commandType: string, payload: unknown) => {
    const messageId = randomUUID();
    const value = JSON.stringify(payload);
    await department.send(topics.commands, [
      {
        key: messageId,
        value,
        headers: {
          [COMMAND_HEADERS.messageId]: messageId,
          [COMMAND_HEADERS.commandType]: commandType,
          ...signCommand({
            apiKey: keys[side],
            topic: topics.commands,
            messageId,
            commandType,
            value,
          }),
        },
      },
    ]);
    const [found] = await department.recorder.waitFor(
      `the outcome of ${messageId}`,
      (m) => m.headers[COMMAND_HEADERS.messageId] === messageId,
    );
    const { messageId: id, handledAt, ...outcome } = JSON.parse(found!.value!) as Json;
    expect({ id, handledAt }).toEqual({ id: messageId, handledAt: expect.any(String) });
    return outcome;
  };
  /** The outcome or problem with the ids asked for replaced, and no correlation id. */
  const same = (answer: unknown, ...ids: string[]): Json =>
    JSON.parse(
      ids.reduce((text, id) => text.split(id).join('<id>'), JSON.stringify(answer)),
      (name, value) => (name === 'correlationId' ? '<correlation-id>' : value),
    ) as Json;

  it("answers filing on another department's institution, and restating its report, as for unknown ids", async () => {
    // Department B's institution, active, with a report.
    const registered = await send(
      'b',
      'RegisterInstitution',
      institutionRegistration({
        name: `Kumasi Savings ${randomUUID()}`,
        reportingDepartment: 'ro-africa',
        programmes: [],
      }),
    );
    expect(registered['status']).toBe('accepted');
    const foreignInstitution = String(registered['streamId']).replace(/^institution-/, '');
    const activate = await api.post(
      `/institutions/${foreignInstitution}/activate`,
      {},
      {
        'x-api-key': keys.b,
      },
    );
    expect(activate.status).toBe(200);
    const filed = await send('b', 'FilePerformanceReport', {
      institutionId: foreignInstitution,
      ...workedExampleA(),
    });
    expect(filed['status']).toBe('accepted');
    const foreignReport = String(filed['streamId']).replace(/^performance-report-/, '');
    const unknownInstitution = randomUUID();
    const unknownReport = `${randomUUID()}_2025-01-01_2025-12-31`;

    // Kafka, from department A.
    const file = (institutionId: string) =>
      send('a', 'FilePerformanceReport', { institutionId, ...workedExampleA() });
    const { period: _period, ...figures } = workedExampleA();
    const restate = (reportId: string) =>
      send('a', 'RestatePerformanceReport', { reportId, ...figures, reason: 'Audited statements' });
    const fileForeign = await file(foreignInstitution);
    expect(fileForeign).toMatchObject({
      status: 'rejected',
      rejection: { code: 'INSTITUTION_NOT_FOUND' },
    });
    expect(same(fileForeign, foreignInstitution)).toEqual(
      same(await file(unknownInstitution), unknownInstitution),
    );
    const restateForeign = await restate(foreignReport);
    expect(restateForeign).toMatchObject({
      status: 'rejected',
      rejection: { code: 'PERFORMANCE_REPORT_NOT_FOUND' },
    });
    expect(same(restateForeign, foreignReport)).toEqual(
      same(await restate(unknownReport), unknownReport),
    );

    // HTTP, department A's key.
    const asA = { 'x-api-key': keys.a };
    const fileOverHttp = async (institutionId: string) => {
      const answer = await api.post(
        `/institutions/${institutionId}/performance-reports`,
        workedExampleA(),
        asA,
      );
      return same({ status: answer.status, body: answer.body }, institutionId);
    };
    const httpForeign = await fileOverHttp(foreignInstitution);
    expect(httpForeign).toMatchObject({ status: 404, body: { code: 'INSTITUTION_NOT_FOUND' } });
    expect(httpForeign).toEqual(await fileOverHttp(unknownInstitution));
  });
});
