import { addBusinessHours, businessHoursBetween, OFFICE_HOURS, SlaChecks } from '@sfp/help-desk';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { startTestPlatform } from './support/test-platform';
import { httpClient as client, signIn } from '@sfp/testing';

/** The embedded platform, booted as `npm start` boots it, driven over HTTP. */
describe('help desk on the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  let http: ReturnType<typeof client>;
  let operatorId: string;
  /** Erasure, projection operations and metrics are the administrator's. */
  let adminHttp: ReturnType<typeof client>;
  let adminRoot: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-platform-', {
      SFP_ADMIN_PASSWORD: 'an e2e secret phrase',
    });
    const adminAuth = await signIn(platform.url, 'admin', 'an e2e secret phrase');
    const admin = client(`${platform.url}/api/auth`, adminAuth);
    adminHttp = client(`${platform.url}/api/help-desk`, adminAuth);
    adminRoot = client(platform.url, adminAuth);
    const created = await admin.post<{ user: { id: string } }>('/users', {
      username: 'operator-1',
      displayName: 'Jane Kamau',
      roles: ['operator'],
      department: 'SFP',
      password: 'operator one password',
    });
    operatorId = created.body.user.id;
    await admin.post('/users', {
      username: 'analyst-1',
      displayName: 'Ravi Analyst',
      roles: ['analyst'],
      password: 'analyst one password',
    });
    http = client(
      `${platform.url}/api/help-desk`,
      await signIn(platform.url, 'operator-1', 'operator one password'),
    );
  });

  afterAll(async () => {
    await platform?.close();
  });

  const validRequest = {
    requester: {
      name: 'Amina Diallo',
      email: 'amina.diallo@example.org',
      origin: 'regional-office',
      organisation: 'Regional Office for Africa',
    },
    title: 'Guidelines for a youth guarantee fund',
    description: 'How should the fund be managed and monitored?',
    kind: 'fund-instrument-guidelines',
    themes: ['youth', 'poverty'],
    region: 'africa',
    country: 'SN',
    priority: 'high',
  };

  it('drives a request through its whole lifecycle, and its detail shows who did what', async () => {
    const submitted = await http.post<{
      requestId: string;
      streamVersion: number;
      position: number;
    }>('/service-requests', validRequest);
    expect(submitted.status).toBe(201);
    expect(submitted.headers.get('etag')).toBe('"1"');
    const id = submitted.body.requestId;
    expect(submitted.headers.get('location')).toBe(`/api/help-desk/service-requests/${id}`);
    expect(submitted.body.position).toBeGreaterThan(0);

    const steps: Array<[string, unknown, number]> = [
      [
        'triage',
        {
          kind: 'fund-instrument-guidelines',
          themes: ['youth'],
          priority: 'urgent',
          note: 'Board meets next week',
        },
        2,
      ],
      ['assign', { assignee: 'operator-1' }, 3],
      ['start', {}, 4],
      ['refer', { target: 'external-body', referredTo: 'CGAP', reason: 'Holds the toolkit' }, 5],
      ['resolve', { answer: 'Guidelines sent', outputs: ['Guarantee fund guidelines (PDF)'] }, 6],
      ['reopen', { reason: 'The youth component was missing' }, 7],
      ['comments', { text: 'Working on the youth annex' }, 8],
      ['resolve', { answer: 'Annex sent', outputs: ['Youth annex'] }, 9],
      ['close', {}, 10],
    ];
    for (const [action, body, version] of steps) {
      const result = await http.post(`/service-requests/${id}/${action}`, body, {
        'if-match': `"${version - 1}"`,
      });
      expect({ action, status: result.status }).toEqual({
        action,
        status: action === 'comments' ? 201 : 200,
      });
      expect(result.headers.get('etag')).toBe(`"${version}"`);
    }

    const detail = await http.get<Record<string, any>>(`/service-requests/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe('"10"');
    expect(detail.body).toMatchObject({
      requestId: id,
      status: 'closed',
      priority: 'urgent',
      assignee: 'operator-1',
      requester: { name: 'Amina Diallo', email: 'amina.diallo@example.org' },
      resolution: { answer: 'Annex sent', outputs: ['Youth annex'] },
      comments: [
        expect.objectContaining({ text: 'Working on the youth annex', author: operatorId }),
      ],
    });
    expect(detail.body['history'].map((h: { event: string }) => h.event)).toEqual([
      'ServiceRequestSubmitted',
      'ServiceRequestTriaged',
      'ServiceRequestAssigned',
      'ServiceRequestWorkStarted',
      'ServiceRequestReferred',
      'ServiceRequestResolved',
      'ServiceRequestReopened',
      'ServiceRequestCommented',
      'ServiceRequestResolved',
      'ServiceRequestClosed',
    ]);
    expect(detail.body['history'][1].actor).toEqual({
      kind: 'person',
      id: operatorId,
      department: 'SFP',
    });
  });

  it('answers an illegal transition with 409 and the reason, a stale If-Match with 409, an unknown id with 404', async () => {
    const { body } = await http.post<{ requestId: string }>('/service-requests', validRequest);
    const id = body.requestId;
    const illegal = await http.post(`/service-requests/${id}/close`);
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      detail: expect.stringContaining('while the request is submitted'),
    });

    const stale = await http.post(
      `/service-requests/${id}/assign`,
      { assignee: 'operator-1' },
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
      details: { actualVersion: 1 },
    });

    const missing = await http.post(
      '/service-requests/6f1c1a8e-2b7d-4c59-9d3e-0a1b2c3d4e5f/triage',
      {
        kind: 'referral',
        themes: [],
        priority: 'low',
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body['code']).toBe('SERVICE_REQUEST_NOT_FOUND');
    expect((await http.get('/service-requests/6f1c1a8e-2b7d-4c59-9d3e-0a1b2c3d4e5f')).status).toBe(
      404,
    );
  });

  describe('bad input gets a 400 with field messages', () => {
    const cases: Array<[string, unknown, string[]]> = [
      ['wrong types', { ...validRequest, title: 42, themes: 'youth' }, ['title', 'themes']],
      [
        'unknown enum values',
        { ...validRequest, kind: 'loan', region: 'mars', priority: 'asap' },
        ['kind', 'region', 'priority'],
      ],
      [
        'oversized fields',
        { ...validRequest, title: 'x'.repeat(201), description: 'y'.repeat(10_001) },
        ['title', 'description'],
      ],
      ['a Mongo operator as a value', { ...validRequest, title: { $gt: '' } }, ['title']],
      ['a Mongo operator as a key', { ...validRequest, $where: 'sleep(100)' }, ['$where']],
      [
        'a nested invalid e-mail',
        { ...validRequest, requester: { ...validRequest.requester, email: 'not-an-email' } },
        ['requester.email'],
      ],
      ['a bad country code', { ...validRequest, country: 'Senegal' }, ['country']],
      [
        'a missing body',
        {},
        ['requester', 'title', 'description', 'kind', 'themes', 'region', 'country', 'priority'],
      ],
    ];
    it.each(cases)('%s', async (_name, body, fields) => {
      const result = await http.post<{ code: string; fieldErrors: Array<{ field: string }> }>(
        '/service-requests',
        body,
      );
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
      expect(result.body.fieldErrors.map((f) => f.field).sort()).toEqual(
        expect.arrayContaining([...fields].sort()),
      );
    });

    it('malformed JSON', async () => {
      const result = await http.post('/service-requests', '{"title": ');
      expect(result.status).toBe(400);
      expect(result.body['code']).toBe('MALFORMED_JSON');
    });

    it('a body over the size limit', async () => {
      const result = await http.post('/service-requests', {
        ...validRequest,
        description: 'z'.repeat(1_100_000),
      });
      expect(result.status).toBe(413);
    });

    it('a malformed id or If-Match', async () => {
      expect((await http.get('/service-requests/not-a-uuid')).status).toBe(400);
      const { body } = await http.post<{ requestId: string }>('/service-requests', validRequest);
      const badIfMatch = await http.post(
        `/service-requests/${body.requestId}/assign`,
        { assignee: 'operator-1' },
        { 'if-match': 'banana' },
      );
      expect(badIfMatch.status).toBe(400);
      expect(badIfMatch.body['code']).toBe('INVALID_IF_MATCH');
    });
  });

  it('lists requests in the queue by assignee, priority and SLA status, reads its writes, exports CSV and counts statistics', async () => {
    const region = 'europe-central-asia';
    const submit = async (priority: string, kind: string) =>
      (
        await http.post<{ requestId: string; position: number }>('/service-requests', {
          ...validRequest,
          priority,
          kind,
          region,
          country: 'AL',
        })
      ).body;
    const a = await submit('low', 'referral');
    const b = await submit('urgent', 'tool-development');
    const c = await submit('normal', 'referral');
    await http.post(`/service-requests/${b.requestId}/triage`, {
      kind: 'tool-development',
      themes: ['gender'],
      priority: 'urgent',
    });
    const assigned = await http.post<{ position: number }>(
      `/service-requests/${b.requestId}/assign`,
      { assignee: 'operator-1' },
    );
    await http.post(`/service-requests/${c.requestId}/cancel`, {
      cancelledBy: 'requester',
      reason: 'Solved locally',
    });

    const mine = await http.get<{ items: Array<Record<string, unknown>> }>(
      `/queue?assignee=operator-1&minPosition=${assigned.body.position}`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i) => i['requestId'])).toEqual([b.requestId]);
    expect(mine.body.items[0]).toMatchObject({
      status: 'assigned',
      priority: 'urgent',
      slaStatus: 'on-track',
      themes: ['gender'],
    });

    const queue = await http.get<{ items: Array<Record<string, unknown>> }>(
      `/queue?region=${region}&sort=-priority`,
    );
    expect(queue.body.items.map((i) => i['requestId'])).toEqual([b.requestId, a.requestId]);

    const csv = await http.get(`/service-requests?region=${region}&format=csv&sort=submittedAt`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^requestId,title,status,slaStatus,priority/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('cancelled');

    const stats = await http.get<Record<string, any>>(`/statistics?region=${region}`);
    expect(stats.body).toMatchObject({
      total: 3,
      byKind: { referral: 2, 'tool-development': 1 },
      byStatus: { submitted: 1, assigned: 1, cancelled: 1 },
      firstResponse: { count: 1 },
    });

    const page1 = await http.get<{ items: unknown[]; nextCursor?: string }>(
      `/service-requests?region=${region}&limit=2&sort=submittedAt`,
    );
    expect(page1.body.items).toHaveLength(2);
    const page2 = await http.get<{ items: Array<Record<string, unknown>>; nextCursor?: string }>(
      `/service-requests?region=${region}&limit=2&sort=submittedAt&cursor=${encodeURIComponent(page1.body.nextCursor!)}`,
    );
    expect(page2.body.items.map((i) => i['requestId'])).toEqual([c.requestId]);
    expect(page2.body.nextCursor).toBeUndefined();
  });

  it('refuses query parameters it does not know, operator injection, and out-of-range pages with 400', async () => {
    for (const query of [
      'status[$ne]=closed',
      'sort=title',
      'limit=100000',
      'sla=late',
      'assignee[$gt]=',
      'theme=astrology',
      'from=yesterday',
    ]) {
      const result = await http.get(`/service-requests?${query}`);
      expect({ query, status: result.status }).toEqual({ query, status: 400 });
    }
    const badCursor = await http.get('/service-requests?cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
  });

  it('records an SLA breach once when the scheduled check finds an open request past due', async () => {
    const { body } = await http.post<{ requestId: string }>('/service-requests', {
      ...validRequest,
      region: 'arab-states',
      country: 'JO',
    });
    const workers = platform.app.get(SlaChecks, { strict: false });
    const later = new Date(Date.now() + 30 * 86_400_000);
    expect(await workers.checkSlas(later)).toBeGreaterThanOrEqual(1);
    expect(await workers.checkSlas(later)).toBe(0);
    const detail = await http.get<Record<string, any>>(`/service-requests/${body.requestId}`);
    expect(detail.body['slaBreached']).toBe(true);
    expect(
      detail.body['history'].filter(
        (h: { event: string }) => h.event === 'ServiceRequestSlaBreached',
      ),
    ).toHaveLength(1);
    const breached = await http.get<{ items: Array<Record<string, unknown>> }>(
      `/queue?sla=breached&region=arab-states&minPosition=${detail.body['history'].at(-1).position}`,
    );
    expect(breached.body.items.map((i) => i['requestId'])).toContain(body.requestId);
  });

  it('escalates a breached request to the team lead once, and shows it on the detail and the queue', async () => {
    const { body } = await http.post<{ requestId: string }>('/service-requests', {
      ...validRequest,
      region: 'asia-pacific',
      country: 'NP',
    });
    const workers = platform.app.get(SlaChecks, { strict: false });
    await workers.checkSlas(new Date(Date.now() + 30 * 86_400_000));
    const detail = await http.get<Record<string, any>>(`/service-requests/${body.requestId}`);
    expect(detail.body['escalation']).toMatchObject({ reason: 'breached', teamLead: 'admin' });
    expect(
      detail.body['history'].filter(
        (h: { event: string }) => h.event === 'ServiceRequestEscalated',
      ),
    ).toHaveLength(1);
    const queue = await http.get<{ items: Array<Record<string, unknown>> }>(
      `/queue?region=asia-pacific&minPosition=${detail.body['history'].at(-1).position}`,
    );
    expect(queue.body.items.find((i) => i['requestId'] === body.requestId)).toMatchObject({
      escalation: 'breached',
      escalatedTo: 'admin',
    });
    const escalated = await http.get<{ items: Array<Record<string, unknown>> }>(
      '/queue?region=asia-pacific&escalation=breached',
    );
    expect(escalated.body.items.map((i) => i['requestId'])).toEqual([body.requestId]);
    const approaching = await http.get<{ items: unknown[] }>(
      '/queue?region=asia-pacific&escalation=approaching',
    );
    expect(approaching.body.items).toEqual([]);
  });

  it('escalates as approaching once 80 % of the SLA is used in business hours, before the breach', async () => {
    const { body } = await http.post<{ requestId: string }>('/service-requests', {
      ...validRequest,
      region: 'americas',
      country: 'PE',
    });
    const filed = await http.get<Record<string, any>>(`/service-requests/${body.requestId}`);
    const { submittedAt, dueAt } = filed.body as { submittedAt: string; dueAt: string };
    // The default calendar: Monday to Friday, 09:00–17:00 UTC; high priority = 5 business days.
    expect(businessHoursBetween(submittedAt, dueAt, OFFICE_HOURS)).toBe(40);
    const at = (share: number) => new Date(addBusinessHours(submittedAt, 40 * share, OFFICE_HOURS));
    const workers = platform.app.get(SlaChecks, { strict: false });
    await workers.checkSlas(at(0.75));
    expect(
      (await http.get<Record<string, any>>(`/service-requests/${body.requestId}`)).body[
        'escalation'
      ],
    ).toBeUndefined();
    await workers.checkSlas(at(0.85));
    const warned = await http.get<Record<string, any>>(`/service-requests/${body.requestId}`);
    expect(warned.body['escalation']).toMatchObject({ reason: 'approaching', teamLead: 'admin' });
    expect(warned.body['slaBreached']).toBe(false);
  });

  it('offers the platform users with a help-desk role as assignees with their workload, and refuses anyone else', async () => {
    const { body } = await http.post<{ requestId: string }>('/service-requests', validRequest);
    const assignees = await http.get<Array<Record<string, unknown>>>(
      `/assignees?requestId=${body.requestId}`,
    );
    expect(assignees.status).toBe(200);
    const operator = assignees.body.find((a) => a['username'] === 'operator-1');
    expect(operator).toMatchObject({ displayName: 'Jane Kamau', team: 'sfp' });
    const before = operator?.['openRequests'] as number;
    await http.post(`/service-requests/${body.requestId}/triage`, {
      kind: 'referral',
      themes: ['youth'],
      priority: 'normal',
    });
    const assigned = await http.post(`/service-requests/${body.requestId}/assign`, {
      assignee: 'Operator-1',
    });
    expect(assigned.status).toBe(200);
    // The workload comes from the request list, which follows the events.
    let workload = before;
    for (let i = 0; i < 50 && workload === before; i++) {
      const after = await http.get<Array<Record<string, unknown>>>('/assignees?theme=youth');
      workload = after.body.find((a) => a['username'] === 'operator-1')?.['openRequests'] as number;
      if (workload === before) await new Promise((r) => setTimeout(r, 100));
    }
    expect(workload).toBe(before + 1);
    for (const assignee of ['nobody-here', 'analyst-1']) {
      const refused = await http.post(`/service-requests/${body.requestId}/assign`, { assignee });
      expect({ assignee, status: refused.status, code: refused.body['code'] }).toEqual({
        assignee,
        status: 400,
        code: 'RULE_VIOLATED',
      });
    }
  });

  it('keeps saved replies per theme, written by leads only, and applies one to a request as its comment', async () => {
    const draft = {
      title: 'Youth toolkit sent',
      text: 'Please find attached the youth-employment finance toolkit.',
      visibility: 'public',
    };
    expect((await http.post('/macros/youth', draft)).status).toBe(403);
    const created = await adminHttp.post<Record<string, string>>('/macros/youth', draft);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...draft, theme: 'youth', updatedBy: 'admin' });
    const macroId = created.body['macroId'];
    const edited = await adminHttp.put<Record<string, string>>(`/macros/youth/${macroId}`, {
      ...draft,
      text: 'The youth-employment finance toolkit is attached.',
    });
    expect(edited.status).toBe(200);
    const listed = await http.get<Array<Record<string, string>>>('/macros?theme=youth');
    expect(listed.body.map((m) => m['text'])).toEqual([
      'The youth-employment finance toolkit is attached.',
    ]);
    expect((await http.get<unknown[]>('/macros?theme=gender')).body).toEqual([]);

    const { body } = await http.post<{ requestId: string }>('/service-requests', validRequest);
    const applied = await http.post(`/service-requests/${body.requestId}/macro-replies`, {
      theme: 'youth',
      macroId,
    });
    expect(applied.status).toBe(201);
    const detail = await http.get<Record<string, any>>(`/service-requests/${body.requestId}`);
    expect(detail.body['comments']).toEqual([
      expect.objectContaining({
        text: 'The youth-employment finance toolkit is attached.',
        author: operatorId,
      }),
    ]);
    const unknown = await http.post(`/service-requests/${body.requestId}/macro-replies`, {
      theme: 'gender',
      macroId,
    });
    expect(unknown.status).toBe(404);
    expect((await adminHttp.delete(`/macros/youth/${macroId}`)).status).toBe(204);
    expect((await http.get<unknown[]>('/macros?theme=youth')).body).toEqual([]);
  });

  it("erases a requester's name and e-mail on request, leaving the request and its history intact", async () => {
    const email = 'leila.haddad@example.org';
    const { body } = await http.post<{ requestId: string }>('/service-requests', {
      ...validRequest,
      requester: { ...validRequest.requester, name: 'Leila Haddad', email },
    });
    await http.post(`/service-requests/${body.requestId}/triage`, {
      kind: 'referral',
      themes: [],
      priority: 'low',
    });
    const erased = await adminHttp.post<{ erased: boolean; personId: string }>(
      '/personal-data/erasures',
      { email },
    );
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toBe(true);
    expect(erased.body.personId).toMatch(/^person-[0-9a-f]{32}$/);
    const detail = await http.get<Record<string, any>>(`/service-requests/${body.requestId}`);
    expect(detail.body['requester']).toMatchObject({
      name: '[erased]',
      email: '[erased]',
      organisation: 'Regional Office for Africa',
    });
    expect(detail.body['history']).toHaveLength(2);
    expect(detail.body['history'][0].data.requester.name).toBe('[erased]');
    // the untouched requester of another request still reads in clear
    const other = await http.post<{ requestId: string }>('/service-requests', validRequest);
    expect(
      (await http.get<Record<string, any>>(`/service-requests/${other.body.requestId}`)).body[
        'requester'
      ].name,
    ).toBe('Amina Diallo');
    expect(
      (await adminHttp.post('/personal-data/erasures', { email: 'not-an-email' })).status,
    ).toBe(400);
  });

  it('rebuilds the request list from zero while queries keep being answered, and swaps when caught up', async () => {
    const before = await http.get<{ total: number }>('/statistics');
    const started = await adminHttp.post<{ generation: number }>(
      '/projections/help-desk-requests/rebuild',
    );
    expect(started.status).toBe(202);
    const during = await http.get<{ total: number }>('/statistics');
    expect(during.status).toBe(200);
    expect(during.body.total).toBe(before.body.total);
    const deadline = Date.now() + 20_000;
    let status = (await adminHttp.get<Record<string, any>>('/projections/help-desk-requests')).body;
    while (status['generation'] !== started.body.generation && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await adminHttp.get<Record<string, any>>('/projections/help-desk-requests')).body;
    }
    expect(status).toMatchObject({
      generation: started.body.generation,
      lagEvents: 0,
      state: 'running',
      rebuild: null,
    });
    expect((await http.get<{ total: number }>('/statistics')).body.total).toBe(before.body.total);
    expect((await adminHttp.post('/projections/no-such-projection/rebuild')).status).toBe(404);
    const list = await adminHttp.get<Array<{ name: string }>>('/projections');
    expect(list.body.map((p) => p.name)).toEqual([
      'help-desk-requester-mail-outbox',
      'help-desk-requester-notification-queue',
      'help-desk-requests',
    ]);
  });

  it('serves the OpenAPI document and the health endpoints', async () => {
    const root = client(platform.url);
    const docs = await root.get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/help-desk/service-requests',
        '/api/help-desk/service-requests/{id}/triage',
      ]),
    );
    expect((await root.get('/api/health/live')).status).toBe(200);
    expect((await root.get('/api/health/ready')).body).toMatchObject({ status: 'ok' });
    expect((await root.get('/api/metrics')).status).toBe(401);
    const metrics = await adminRoot.get('/api/metrics');
    expect(metrics.text).toContain('sfp_commands_total');
    expect(metrics.text).toMatch(
      /sfp_projection_lag_events\{context="help-desk",projection="help-desk-requests"\} \d+/,
    );
    expect(metrics.text).toMatch(
      /sfp_projection_stalled\{context="help-desk",projection="help-desk-requests"\} 0/,
    );
    expect(metrics.text).toMatch(/sfp_events_appended_total\{context="help-desk"\} \d+/);
  });

  it('indexes a dead-lettered command for the operators, who re-drive it once', async () => {
    // A department's system forgets to sign its command: it is dead-lettered as unauthorised.
    await platform.bus.publish('sfp.help-desk.commands', [
      {
        key: 'unsigned-1',
        value: JSON.stringify(validRequest),
        headers: { 'message-id': 'unsigned-1', 'command-type': 'SubmitServiceRequest' },
      },
    ]);
    type Entry = {
      id: string;
      reason: string;
      originalTopic: string;
      payload: string;
      fieldErrors: Array<{ field: string }>;
      status: string;
      headers: Record<string, string>;
    };
    let entry: Entry | undefined;
    for (let i = 0; i < 100 && !entry; i++) {
      const page = await adminRoot.get<{ items: Entry[] }>(
        '/api/dead-letters?topic=sfp.help-desk.dlq&status=pending',
      );
      entry = page.body.items.find((e) => e.headers['message-id'] === 'unsigned-1');
      if (!entry) await new Promise((r) => setTimeout(r, 100));
    }
    expect(entry).toMatchObject({
      reason: 'unauthorised',
      originalTopic: 'sfp.help-desk.commands',
      payload: JSON.stringify(validRequest),
      status: 'pending',
      fieldErrors: [{ field: 'headers.sfp-signature' }],
    });
    expect((await http.get('/../dead-letters')).status).toBe(403);
    const summary = await adminRoot.get<Array<{ dlqTopic: string; pending: number }>>(
      '/api/dead-letters/summary',
    );
    expect(
      summary.body.find((s) => s.dlqTopic === 'sfp.help-desk.dlq')!.pending,
    ).toBeGreaterThanOrEqual(1);
    const redriven = await adminRoot.post<{ status: string; redrivenBy: string }>(
      `/api/dead-letters/${encodeURIComponent(entry!.id)}/redrive`,
      {},
    );
    expect(redriven.status).toBe(200);
    expect(redriven.body.status).toBe('redriven');
    expect(
      (await adminRoot.post(`/api/dead-letters/${encodeURIComponent(entry!.id)}/redrive`, {}))
        .status,
    ).toBe(409);
    expect(
      (await adminRoot.get(`/api/dead-letters/${encodeURIComponent('sfp.help-desk.dlq@0:999999')}`))
        .status,
    ).toBe(404);
  });
});
