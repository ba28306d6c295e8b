import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { COMMAND_HEADERS, contextTopics, DEAD_LETTER_HEADERS, EVENT_HEADERS } from '@sfp/messaging';
import { pseudonymizer, startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import { signCommand, SIGNATURE_HEADERS } from '@sfp/auth';
import {
  httpClient,
  signIn,
  startDepartmentSystem,
  startStandaloneUnderTest,
  type DepartmentSystem,
  type StandaloneUnderTest,
  type RecordedMessage,
} from '@sfp/testing';
import { helpDeskService } from '../src/help-desk.service';

type Json = Record<string, any>;

/**
 * The help desk as it runs in distributed mode (`npm run start:help-desk`):
 * booted in-process against the real Kafka broker and MongoDB-protocol server,
 * driven the way a department's system drives it (commands and outcomes on
 * Kafka) and the way an operator does (HTTP).
 *
 * The sfp.help-desk.* topics are shared with every other run on the broker:
 * each message this suite reads is found by its own message or stream id.
 */
describe('help desk standalone on Kafka and MongoDB (distributed e2e)', () => {
  const topics = contextTopics('help-desk');
  const SECRET = 'distributed-e2e-pseudonym-secret-0123456789';
  const SENDER = 'ro-africa-case-system';
  const DEPARTMENT = 'regional-office-africa';
  const GATEWAY_GROUP = 'sfp.help-desk.command-gateway';
  const run = randomBytes(4).toString('hex');
  const ADMIN_PASSWORD = 'distributed e2e secret phrase';

  let service: StandaloneService;
  /** The department's system: its producer of commands and its recorder of outcomes, events and dead letters. */
  let department: DepartmentSystem;
  let http: ReturnType<typeof httpClient>;
  let host: StandaloneUnderTest<StandaloneService> | undefined;
  /** The department system's integration client, its API key, and the operator's user id. */
  let clientId: string;
  let apiKey: string;
  let operatorId: string;
  let admin: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    host = await startStandaloneUnderTest({
      prefix: 'hd_e2e',
      adminPassword: ADMIN_PASSWORD,
      extra: {
        SFP_PSEUDONYM_SECRET: SECRET,
        SLA_CHECK_INTERVAL_MS: '0',
        KAFKA_CLIENT_ID: 'sfp-help-desk-e2e',
      },
      start: (env) => startStandaloneService(helpDeskService, env),
    });
    ({ service, admin } = host);
    const operator = await admin.post<{ user: { id: string } }>('/auth/users', {
      username: 'operator-1',
      displayName: 'Jane Kamau',
      roles: ['operator'],
      password: 'operator one secret',
    });
    operatorId = operator.body.user.id;
    http = httpClient(
      `${service.url}/api/help-desk`,
      await signIn(service.url, 'operator-1', 'operator one secret'),
    );
    ({ clientId, apiKey } = await host.apiClient(SENDER, DEPARTMENT));
    department = await startDepartmentSystem({
      brokers: host.setup.kafkaBrokers,
      clientId: `${SENDER}-e2e`,
      topics: [topics.outcomes, topics.events, topics.dlq],
      recorderGroup: 'help-desk-e2e',
    });
  });

  afterAll(async () => {
    await host?.stop(department);
  });

  const submission = (title: string, overrides: Json = {}): Json => ({
    requester: {
      name: 'Kwame Mensah',
      email: `kwame.mensah.${run}@example.org`,
      origin: 'regional-office',
      organisation: 'Regional Office for Africa',
    },
    title: `${title} (${run})`,
    description: 'Which microinsurance providers can the programme refer informal workers to?',
    kind: 'referral',
    themes: ['informal-economy', 'microinsurance'],
    region: 'africa',
    country: 'GH',
    priority: 'normal',
    ...overrides,
  });

  /** Publishes a command as a department's system does; returns its message id. */
  const sendCommand = async (
    commandType: string,
    payload: unknown,
    options: {
      messageId?: string;
      correlationId?: string;
      times?: number;
      headers?: Record<string, string>;
      /** Leave the signature off (an unattributed command). */
      unsigned?: boolean;
    } = {},
  ): Promise<string> => {
    const messageId = options.messageId ?? randomUUID();
    const headers: Record<string, string> = {
      [COMMAND_HEADERS.messageId]: messageId,
      [COMMAND_HEADERS.commandType]: commandType,
      [COMMAND_HEADERS.sender]: SENDER,
      [COMMAND_HEADERS.department]: DEPARTMENT,
      ...(options.correlationId ? { [COMMAND_HEADERS.correlationId]: options.correlationId } : {}),
      ...options.headers,
    };
    for (const name of Object.keys(headers)) if (headers[name] === '') delete headers[name];
    const value = typeof payload === 'string' ? payload : JSON.stringify(payload);
    if (!options.unsigned) {
      Object.assign(
        headers,
        signCommand({
          apiKey,
          topic: topics.commands,
          messageId: headers[COMMAND_HEADERS.messageId] ?? '',
          commandType: headers[COMMAND_HEADERS.commandType] ?? '',
          value,
        }),
      );
    }
    const message = { key: messageId, value, headers };
    await department.send(
      topics.commands,
      Array.from({ length: options.times ?? 1 }, () => message),
    );
    return messageId;
  };

  const outcomesOf = async (
    messageId: string,
    count = 1,
  ): Promise<Array<{ message: RecordedMessage; outcome: Json }>> => {
    const found = await department.recorder.waitFor(
      `outcome of ${messageId}`,
      (m) => m.topic === topics.outcomes && m.headers[COMMAND_HEADERS.messageId] === messageId,
      { count },
    );
    return found.map((message) => ({
      message,
      outcome: JSON.parse(message.value ?? 'null') as Json,
    }));
  };

  const requestIdOf = (outcome: Json): string =>
    String(outcome['streamId']).replace(/^service-request-/, '');

  it('files a request through sfp.help-desk.commands: accepted outcome, in the queue, public event with encrypted personal data', async () => {
    const correlationId = randomUUID();
    const payload = submission('Referral of informal workers to microinsurance');
    const messageId = await sendCommand('SubmitServiceRequest', payload, { correlationId });

    const [{ message: outcomeMessage, outcome }] = await outcomesOf(messageId);
    expect(outcomeMessage.key).toBe(messageId);
    expect(outcomeMessage.headers).toMatchObject({
      status: 'accepted',
      [COMMAND_HEADERS.commandType]: 'SubmitServiceRequest',
    });
    expect(outcome).toMatchObject({
      messageId,
      commandType: 'SubmitServiceRequest',
      status: 'accepted',
      streamId: expect.stringMatching(
        /^service-request-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      streamVersion: 1,
      position: expect.any(Number),
      handledAt: expect.any(String),
    });
    const requestId = requestIdOf(outcome);

    // The queue read model (MongoDB), read after the command's position.
    const queue = await http.get<{ items: Json[] }>(
      `/queue?minPosition=${outcome['position']}&region=africa`,
    );
    expect(queue.status).toBe(200);
    const queued = queue.body.items.find((item) => item['requestId'] === requestId);
    expect(queued).toMatchObject({
      title: payload['title'],
      status: 'submitted',
      kind: 'referral',
      priority: 'normal',
      slaStatus: 'on-track',
      origin: 'regional-office',
      organisation: 'Regional Office for Africa',
    });

    // The public event, relayed from the outbox to sfp.help-desk.events with its envelope in headers.
    const [event] = await department.recorder.waitFor(
      `ServiceRequestSubmitted of ${requestId}`,
      (m) => m.topic === topics.events && m.headers[EVENT_HEADERS.streamId] === outcome['streamId'],
    );
    expect(event.key).toBe(outcome['streamId']);
    expect(event.headers).toMatchObject({
      [EVENT_HEADERS.type]: 'help-desk.ServiceRequestSubmitted',
      [EVENT_HEADERS.schemaVersion]: '1',
      [EVENT_HEADERS.eventId]: expect.stringMatching(/^[0-9a-f-]{36}$/),
      [EVENT_HEADERS.streamId]: outcome['streamId'],
      [EVENT_HEADERS.position]: String(outcome['position']),
      [EVENT_HEADERS.correlationId]: correlationId,
      [EVENT_HEADERS.causationId]: messageId,
      [EVENT_HEADERS.contentType]: 'application/json',
    });
    const envelope = JSON.parse(event.value!) as Json;
    expect(envelope).toMatchObject({
      eventId: event.headers[EVENT_HEADERS.eventId],
      type: 'help-desk.ServiceRequestSubmitted',
      schemaVersion: 1,
      streamId: outcome['streamId'],
      streamVersion: 1,
      position: outcome['position'],
      correlationId,
      causationId: messageId,
      occurredAt: expect.any(String),
      recordedAt: expect.any(String),
      actor: { kind: 'integration-client', id: clientId, department: DEPARTMENT },
      data: {
        requestId,
        title: payload['title'],
        kind: 'referral',
        region: 'africa',
        requester: {
          // The same secret in every service gives the same pseudonymous id.
          personId: pseudonymizer(SECRET)(payload['requester'].email),
          origin: 'regional-office',
          organisation: 'Regional Office for Africa',
        },
      },
    });
    // Name and e-mail leave the context encrypted (erasable by crypto-shredding), never in clear.
    expect(event.value).not.toContain('Kwame');
    expect(event.value).not.toContain('Mensah');
    expect(event.value).not.toContain(payload['requester'].email);
    expect(envelope['data'].requester.name).toHaveProperty(['sfp:personal-data']);
    expect(envelope['data'].requester.email).toHaveProperty(['sfp:personal-data']);

    // The operator reads them in clear (decrypted with the key kept in the help desk's database).
    const detail = await http.get<Json>(`/service-requests/${requestId}`);
    expect(detail.status).toBe(200);
    expect(detail.body['requester']).toMatchObject({
      name: 'Kwame Mensah',
      email: payload['requester'].email,
    });
    expect(detail.body['history'][0]).toMatchObject({
      event: 'ServiceRequestSubmitted',
      actor: { kind: 'integration-client', id: clientId, department: DEPARTMENT },
      correlationId,
    });
  });

  it('answers the same message sent twice with two identical outcomes and files one request', async () => {
    const payload = submission('Coordination with the Microcredit Summit Campaign', {
      kind: 'global-initiative-coordination',
      globalInitiative: 'microcredit-summit-campaign',
    });
    const messageId = await sendCommand('SubmitServiceRequest', payload, { times: 2 });

    const outcomes = await outcomesOf(messageId, 2);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0].outcome['status']).toBe('accepted');
    expect(outcomes[1].outcome).toEqual(outcomes[0].outcome);
    const requestId = requestIdOf(outcomes[0].outcome);

    const list = await http.get<{ items: Json[] }>(
      `/service-requests?minPosition=${outcomes[0].outcome['position']}&kind=global-initiative-coordination&limit=100`,
    );
    expect(
      list.body.items
        .filter((item) => item['title'] === payload['title'])
        .map((item) => item['requestId']),
    ).toEqual([requestId]);
    const detail = await http.get<Json>(`/service-requests/${requestId}`);
    expect(detail.body['history']).toHaveLength(1);
    await department.recorder.waitFor(
      `event of ${requestId}`,
      (m) =>
        m.topic === topics.events &&
        m.headers[EVENT_HEADERS.streamId] === outcomes[0].outcome['streamId'],
    );
    expect(
      department.recorder.messages.filter(
        (m) =>
          m.topic === topics.events &&
          m.headers[EVENT_HEADERS.streamId] === outcomes[0].outcome['streamId'],
      ),
    ).toHaveLength(1);
  });

  it('dead-letters invalid commands with the reason and field errors, and tells the sender they were rejected', async () => {
    const invalid = submission('Invalid', {
      kind: 'loan',
      priority: 'asap',
      requester: { ...submission('x')['requester'], email: 'not-an-email' },
    });
    const cases: Array<{
      name: string;
      send: () => Promise<string>;
      reason: string;
      code: string;
      fields: string[];
    }> = [
      {
        name: 'unknown enum values and a bad e-mail',
        send: () => sendCommand('SubmitServiceRequest', invalid),
        reason: 'schema-invalid',
        code: 'SCHEMA_INVALID',
        fields: ['kind', 'priority', 'requester.email'],
      },
      {
        name: 'a Mongo operator where a string belongs, and an unknown property',
        send: () =>
          sendCommand('SubmitServiceRequest', {
            ...submission('Injection'),
            title: { $gt: '' },
            $where: 'sleep(100)',
          }),
        reason: 'schema-invalid',
        code: 'SCHEMA_INVALID',
        fields: ['title', '$where'],
      },
      {
        name: 'a payload nested 5,000 levels deep',
        send: () =>
          sendCommand('SubmitServiceRequest', `{"title":${'['.repeat(5_000)}${']'.repeat(5_000)}}`),
        reason: 'schema-invalid',
        code: 'SCHEMA_INVALID',
        fields: ['(body)'],
      },
      {
        name: 'an object under a reserved property name',
        send: () =>
          sendCommand('SubmitServiceRequest', {
            ...submission('Pollution'),
            requester: {
              ...submission('x')['requester'],
              constructor: { prototype: { polluted: true } },
            },
          }),
        reason: 'schema-invalid',
        code: 'SCHEMA_INVALID',
        fields: ['requester.constructor'],
      },
      {
        name: 'an unknown command type',
        send: () => sendCommand('DeleteEverything', {}),
        reason: 'schema-invalid',
        code: 'SCHEMA_INVALID',
        fields: [`headers.${COMMAND_HEADERS.commandType}`],
      },
      {
        name: 'no signature',
        send: () =>
          sendCommand('SubmitServiceRequest', submission('Anonymous'), { unsigned: true }),
        reason: 'unauthorised',
        code: 'UNAUTHORISED',
        fields: [`headers.${SIGNATURE_HEADERS.signature}`],
      },
      {
        name: 'a payload altered after signing',
        send: () =>
          sendCommand('SubmitServiceRequest', submission('Altered'), {
            unsigned: true,
            headers: signCommand({
              apiKey,
              topic: topics.commands,
              messageId: 'other',
              commandType: 'SubmitServiceRequest',
              value: '{}',
            }),
          }),
        reason: 'unauthorised',
        code: 'UNAUTHORISED',
        fields: [`headers.${SIGNATURE_HEADERS.signature}`],
      },
      {
        name: 'a payload that is not JSON',
        send: () => sendCommand('SubmitServiceRequest', '{"title": '),
        reason: 'undecodable',
        code: 'UNDECODABLE',
        fields: [],
      },
    ];
    const sent = await Promise.all(cases.map(async (c) => ({ ...c, messageId: await c.send() })));

    for (const c of sent) {
      const [deadLetter] = await department.recorder.waitFor(
        `dead letter of ${c.name}`,
        (m) => m.topic === topics.dlq && m.headers[COMMAND_HEADERS.messageId] === c.messageId,
      );
      expect({ case: c.name, headers: deadLetter.headers }).toMatchObject({
        case: c.name,
        headers: {
          [DEAD_LETTER_HEADERS.reason]: c.reason,
          [DEAD_LETTER_HEADERS.originalTopic]: topics.commands,
          [DEAD_LETTER_HEADERS.consumerGroup]: GATEWAY_GROUP,
          [DEAD_LETTER_HEADERS.error]: expect.any(String),
          [COMMAND_HEADERS.messageId]: c.messageId,
        },
      });
      const fieldErrors = JSON.parse(
        deadLetter.headers[DEAD_LETTER_HEADERS.fieldErrors] ?? '[]',
      ) as Array<{ field: string; messages: string[] }>;
      expect({ case: c.name, fields: fieldErrors.map((f) => f.field).sort() }).toEqual({
        case: c.name,
        fields: [...c.fields].sort(),
      });

      const [{ outcome }] = await outcomesOf(c.messageId);
      expect({ case: c.name, outcome }).toMatchObject({
        case: c.name,
        outcome: {
          messageId: c.messageId,
          status: 'rejected',
          rejection: { code: c.code, message: expect.any(String) },
        },
      });
      expect(
        ((outcome['rejection'].fieldErrors ?? []) as Array<{ field: string }>)
          .map((f) => f.field)
          .sort(),
      ).toEqual([...c.fields].sort());
    }
    // Nothing was filed.
    const list = await http.get<{ items: Json[] }>('/service-requests?limit=100');
    expect(list.body.items.map((item) => item['title'])).not.toContain(invalid['title']);

    // The operators see each of them, indexed from the dead-letter topic, and re-drive one once.
    const indexed = new Map<string, Json>();
    for (let i = 0; i < 150 && indexed.size < sent.length; i++) {
      let cursor: string | undefined;
      do {
        const page = await admin.get<{ items: Json[]; nextCursor?: string }>(
          `/dead-letters?topic=${topics.dlq}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        );
        for (const item of page.body.items) {
          const id = item['headers']['message-id'];
          if (sent.some((c) => c.messageId === id)) indexed.set(id, item);
        }
        cursor = page.body.nextCursor;
      } while (cursor);
      if (indexed.size < sent.length) await new Promise((r) => setTimeout(r, 200));
    }
    for (const c of sent) {
      expect({ case: c.name, entry: indexed.get(c.messageId) }).toMatchObject({
        case: c.name,
        entry: {
          reason: c.reason,
          originalTopic: topics.commands,
          consumerGroup: GATEWAY_GROUP,
          status: 'pending',
        },
      });
    }
    const unsigned = indexed.get(sent.find((c) => c.name === 'no signature')!.messageId)!;
    const redriven = await admin.post<Json>(
      `/dead-letters/${encodeURIComponent(unsigned['id'])}/redrive`,
      {},
    );
    expect(redriven.status).toBe(200);
    expect(redriven.body['status']).toBe('redriven');
    expect(
      (await admin.post(`/dead-letters/${encodeURIComponent(unsigned['id'])}/redrive`, {})).status,
    ).toBe(409);
    // Still unsigned, so the gateway dead-letters it again: a second entry, with redriven-from.
    const [again] = await department.recorder.waitFor(
      'the re-driven command dead-lettered again',
      (m) =>
        m.topic === topics.dlq &&
        m.headers[COMMAND_HEADERS.messageId] === unsigned['headers']['message-id'] &&
        !!m.headers['redriven-from'],
    );
    expect(again.headers[DEAD_LETTER_HEADERS.reason]).toBe('unauthorised');
  });

  it('drives a request filed by message through its lifecycle over HTTP; its history shows who did what', async () => {
    const submitId = await sendCommand(
      'SubmitServiceRequest',
      submission('Guidance on a savings-led programme', {
        kind: 'programme-guidance',
        priority: 'high',
      }),
    );
    const [{ outcome: submitted }] = await outcomesOf(submitId);
    expect(submitted['status']).toBe('accepted');
    const requestId = requestIdOf(submitted);
    const path = `/service-requests/${requestId}`;

    const step = async (action: string, body: unknown, version: number) => {
      const result = await http.post<Json>(`${path}/${action}`, body, {
        'if-match': `"${version - 1}"`,
      });
      expect({ action, status: result.status }).toEqual({
        action,
        status: action === 'comments' ? 201 : 200,
      });
      expect(result.headers.get('etag')).toBe(`"${version}"`);
      return result.body;
    };
    await step(
      'triage',
      {
        kind: 'programme-guidance',
        themes: ['poverty'],
        priority: 'urgent',
        note: 'Donor review next week',
      },
      2,
    );
    // A stale version is refused by the store's (streamId, streamVersion) unique index: 409, never a lost update.
    const stale = await http.post<Json>(
      `${path}/assign`,
      { assignee: 'operator-1' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'WRONG_EXPECTED_VERSION' });
    await step('assign', { assignee: 'operator-1' }, 3);
    await step('start', {}, 4);

    // The department follows up by message in the middle of the work.
    const commentId = await sendCommand('CommentOnServiceRequest', {
      requestId,
      text: 'The programme starts in March',
    });
    const [{ outcome: commented }] = await outcomesOf(commentId);
    expect(commented).toMatchObject({ status: 'accepted', streamVersion: 5 });

    await step(
      'resolve',
      { answer: 'Guidance note sent', outputs: ['Savings-led programme guidance (PDF)'] },
      6,
    );
    const closed = await step('close', {}, 7);

    // A refusal of the domain is an outcome for the sender, not a dead letter.
    const cancelId = await sendCommand('CancelServiceRequest', {
      requestId,
      cancelledBy: 'requester',
      reason: 'Too late',
    });
    const [{ outcome: cancelled }] = await outcomesOf(cancelId);
    expect(cancelled).toMatchObject({
      status: 'rejected',
      rejection: { code: 'ILLEGAL_TRANSITION' },
    });
    expect(
      department.recorder.messages.some(
        (m) => m.topic === topics.dlq && m.headers[COMMAND_HEADERS.messageId] === cancelId,
      ),
    ).toBe(false);

    const detail = await http.get<Json>(path);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe('"7"');
    expect(detail.body).toMatchObject({
      requestId,
      status: 'closed',
      priority: 'urgent',
      assignee: 'operator-1',
      resolution: {
        answer: 'Guidance note sent',
        outputs: ['Savings-led programme guidance (PDF)'],
      },
      comments: [
        expect.objectContaining({ text: 'The programme starts in March', author: clientId }),
      ],
    });
    const history = detail.body['history'] as Json[];
    expect(history.map((h) => h['event'])).toEqual([
      'ServiceRequestSubmitted',
      'ServiceRequestTriaged',
      'ServiceRequestAssigned',
      'ServiceRequestWorkStarted',
      'ServiceRequestCommented',
      'ServiceRequestResolved',
      'ServiceRequestClosed',
    ]);
    expect(history.map((h) => h['streamVersion'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const integrationClient = { kind: 'integration-client', id: clientId, department: DEPARTMENT };
    const operator = { kind: 'person', id: operatorId };
    expect(history.map((h) => h['actor'])).toEqual([
      integrationClient,
      operator,
      operator,
      operator,
      integrationClient,
      operator,
      operator,
    ]);

    // Closed: out of the open queue; every step was published, in order, on the events topic.
    const queue = await http.get<{ items: Json[] }>(
      `/queue?minPosition=${closed['position']}&region=africa&limit=100`,
    );
    expect(queue.body.items.map((item) => item['requestId'])).not.toContain(requestId);
    const events = await department.recorder.waitFor(
      `7 events of ${requestId}`,
      (m) =>
        m.topic === topics.events && m.headers[EVENT_HEADERS.streamId] === submitted['streamId'],
      { count: 7 },
    );
    expect(events.map((m) => m.headers[EVENT_HEADERS.type])).toEqual(
      history.map((h) => `help-desk.${h['event']}`),
    );
  });

  it('reports MongoDB and Kafka up on readiness, and exposes its metrics and OpenAPI document', async () => {
    const root = httpClient(service.url);
    const ready = await root.get<Json>('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body['info']).toMatchObject({
      'help-desk.mongodb': { status: 'up' },
      'help-desk.kafka': { status: 'up' },
    });
    expect((await root.get('/api/metrics')).status).toBe(401);
    const metrics = await admin.get('/metrics');
    expect(metrics.text).toContain(
      'sfp_commands_total{context="help-desk",command="SubmitServiceRequest",outcome="accepted"}',
    );
    expect(metrics.text).toMatch(
      /sfp_consumer_lag_messages\{context="help-desk",group="sfp\.help-desk\.command-gateway"\} \d+/,
    );
    const docs = await root.get<{ paths: Json; components: Json }>('/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/help-desk/service-requests', '/api/help-desk/queue']),
    );
    expect(Object.keys(docs.body.components['securitySchemes'])).toEqual(['bearer', 'apiKey']);
    expect(docs.body.paths['/api/help-desk/service-requests']['post']).toMatchObject({
      'x-permissions': ['records:write'],
      security: [{ bearer: [] }, { apiKey: [] }],
    });
  });

  it('on MongoDB too: refuses a wrong password like an unknown user, and ends a signed-out session at once', async () => {
    const root = httpClient(`${service.url}/api`);
    const wrong = await root.post<Json>('/auth/sign-in', {
      username: 'operator-1',
      password: 'not the secret',
    });
    const unknown = await root.post<Json>('/auth/sign-in', {
      username: 'nobody-here',
      password: 'not the secret',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(Object.keys(wrong.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect([wrong.body['code'], unknown.body['code']]).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
    ]);

    const session = await root.post<Json>('/auth/sign-in', {
      username: 'operator-1',
      password: 'operator one secret',
    });
    expect(session.status).toBe(200);
    const bearer = { authorization: `Bearer ${session.body['accessToken']}` };
    expect((await root.get('/help-desk/queue', bearer)).status).toBe(200);
    expect(
      (await root.post('/auth/sign-out', { refreshToken: session.body['refreshToken'] })).status,
    ).toBeLessThan(300);
    expect((await root.get('/help-desk/queue', bearer)).status).toBe(401);
  });

  it('answers hostile and careless bodies with problem documents, as the embedded platform does', async () => {
    const post = (body: string) => http.post<Json>('/service-requests', body);
    const deep = await post(`{"title":${'['.repeat(5_000)}${']'.repeat(5_000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(deep.body).toMatchObject({
      type: 'urn:sfp:problem:body-too-deep',
      code: 'BODY_TOO_DEEP',
    });

    const wrongTypes = await post(
      JSON.stringify({ ...submission('Typed'), title: 7, themes: 'cooperatives' }),
    );
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body['fieldErrors']).toEqual(
      expect.arrayContaining([
        { field: 'title', pointer: '/title', messages: ['expected a string, got a number'] },
        { field: 'themes', pointer: '/themes', messages: ['expected an array, got a string'] },
      ]),
    );
    expect((await fetch(`${service.url}/api/health/ready`)).status).toBe(200);
  });
});
