import { listRouteAccess } from '@sfp/auth';
import { httpClient as client, signIn, type HttpResult } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { SERVICE_REQUEST, startTestPlatform } from './support/test-platform';

const SOME_ID = '0b6b1c3e-3f5e-4e8a-9d3c-1f2a3b4c5d6e';

/**
 * Who may do what on the embedded platform as `npm start` boots it: the first
 * start, every route refusing anonymous callers, each role against each kind
 * of endpoint, departments kept apart, bad credentials refused, and the audit
 * trail naming the actor.
 */
describe('access control on the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  const as: Record<
    'admin' | 'operator' | 'analyst' | 'finance' | 'employment',
    Record<string, string>
  > = {} as never;
  let financeClientId: string;

  beforeAll(async () => {
    // No SFP_ADMIN_PASSWORD: the first start makes a one-time password.
    platform = await startTestPlatform('sfp-access-');
  });

  afterAll(async () => {
    await platform?.close();
  });

  const api = (headers: Record<string, string> = {}) => client(`${platform.url}/api`, headers);

  it('creates the first administrator with a one-time password that must be changed before anything else', async () => {
    const first = platform.firstAdministrator!;
    expect(first.username).toBe('admin');
    expect(first.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const oneTime = await signIn(platform.url, 'admin', first.oneTimePassword!);
    const blocked = await api(oneTime).get('/auth/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body['code']).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await api(oneTime).get<Record<string, unknown>>('/auth/me')).body).toMatchObject({
      name: 'admin',
      passwordChangeRequired: true,
    });
    const weak = await api(oneTime).post('/auth/me/password', {
      currentPassword: first.oneTimePassword,
      newPassword: 'aaaaaaaaaaaa',
    });
    expect(weak.status).toBe(400);
    expect(weak.body['fieldErrors']).toEqual([
      { field: 'newPassword', messages: [expect.stringMatching(/different characters/)] },
    ]);
    const changed = await api(oneTime).post<{ accessToken: string }>('/auth/me/password', {
      currentPassword: first.oneTimePassword,
      newPassword: 'the chief passphrase 2026',
    });
    expect(changed.status).toBe(200);
    // The one-time session ended with the change.
    expect((await api(oneTime).get('/auth/me')).status).toBe(401);
    as.admin = { authorization: `Bearer ${changed.body.accessToken}` };
    expect((await api(as.admin).get('/auth/users')).status).toBe(200);

    // A restart does not make another administrator.
    expect(
      (await api(as.admin).get<Array<{ username: string }>>('/auth/users')).body.map(
        (u) => u.username,
      ),
    ).toEqual(['admin']);
  });

  it('sets up the people and the department systems', async () => {
    const admin = api(as.admin);
    for (const [username, roles] of [
      ['olga.operator', ['operator']],
      ['ana.analyst', ['analyst']],
    ] as const) {
      const created = await admin.post('/auth/users', {
        username,
        displayName: username,
        roles,
        department: 'SFP',
        password: `pw of ${username.split('.')[0]} 2026`,
      });
      expect(created.status).toBe(201);
    }
    as.operator = await signIn(platform.url, 'olga.operator', 'pw of olga 2026');
    as.analyst = await signIn(platform.url, 'ana.analyst', 'pw of ana 2026');
    const invalid = await admin.post('/auth/users', {
      username: 'x',
      displayName: '',
      roles: ['root'],
    });
    expect(invalid.status).toBe(400);
    expect(
      (invalid.body['fieldErrors'] as Array<{ field: string }>).map((f) => f.field).sort(),
    ).toEqual(['displayName', 'roles', 'username']);
    expect(
      (
        await admin.post('/auth/users', {
          username: 'olga.operator',
          displayName: 'Again',
          roles: ['analyst'],
        })
      ).status,
    ).toBe(409);

    for (const [name, department] of [
      ['finance-erp', 'FINANCE'],
      ['employment-crm', 'EMPLOYMENT'],
    ] as const) {
      const clientRecord = await admin.post<{ id: string }>('/auth/clients', { name, department });
      expect(clientRecord.status).toBe(201);
      const issued = await admin.post<{ apiKey: string; key: Record<string, unknown> }>(
        `/auth/clients/${clientRecord.body.id}/keys`,
        { label: 'prod' },
      );
      expect(issued.status).toBe(201);
      expect(issued.body.key).not.toHaveProperty('secretHash');
      const keys = await admin.get<Array<Record<string, unknown>>>(
        `/auth/clients/${clientRecord.body.id}/keys`,
      );
      expect(JSON.stringify(keys.body)).not.toContain(issued.body.apiKey.slice(-43));
      if (department === 'FINANCE') {
        as.finance = { 'x-api-key': issued.body.apiKey };
        financeClientId = clientRecord.body.id;
      } else as.employment = { authorization: `ApiKey ${issued.body.apiKey}` };
    }
  });

  it('declares an access on every route, and nothing but health, sign-in, the certificate check and the requester’s signed link answers without credentials', async () => {
    const routes = listRouteAccess(platform.app);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.access === undefined)).toEqual([]);
    const open = routes
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open).toEqual(
      [
        'GET /api/health/live',
        'GET /api/health/ready',
        'POST /api/auth/refresh',
        'POST /api/auth/sign-in',
        'POST /api/auth/sign-out',
        // Anyone a certificate is shown to checks it by its code (holder's name, course, dates, status).
        'GET /api/training/certificates/:verificationCode',
        // A requester holds their signed link (401 forged, 410 expired): their one request, its public thread.
        'GET /api/help-desk/requester/:token',
        'POST /api/help-desk/requester/:token/replies',
        'POST /api/help-desk/requester/:token/satisfaction',
      ].sort(),
    );
    // Every context is there: the help desk, reporting, operations, auth.
    for (const prefix of [
      '/api/help-desk/',
      '/api/knowledge-base/',
      '/api/reporting/',
      '/api/training/',
      '/api/dead-letters',
      '/api/auth/users',
    ]) {
      expect(routes.some((r) => r.path.startsWith(prefix))).toBe(true);
    }
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const path = route.path.replace(/:[A-Za-z]+/g, SOME_ID);
      const response = await fetch(`${platform.url}${path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json' },
        ...(route.method === 'GET' ? {} : { body: '{}' }),
      });
      expect({ route: `${route.method} ${path}`, status: response.status }).toEqual({
        route: `${route.method} ${path}`,
        status: 401,
      });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    // The console's static files (no data in them) load without credentials; its data does not.
    const page = await fetch(`${platform.url}/help-desk/queue`, {
      headers: { accept: 'text/html' },
    });
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('gives each role exactly its permissions (401 without credentials, 403 without the permission)', async () => {
    const cases: Array<{
      kind: string;
      call: (h: Record<string, string>) => Promise<{ status: number }>;
      allowed: Array<keyof typeof as>;
    }> = [
      {
        kind: 'records:read',
        call: (h) => api(h).get('/help-desk/queue'),
        allowed: ['admin', 'operator', 'finance', 'employment'],
      },
      {
        kind: 'records:write',
        call: (h) => api(h).post('/help-desk/service-requests', SERVICE_REQUEST),
        allowed: ['admin', 'operator', 'finance', 'employment'],
      },
      {
        kind: 'reports:read',
        call: (h) => api(h).get('/help-desk/statistics'),
        allowed: ['admin', 'operator', 'analyst'],
      },
      {
        kind: 'reports:read (reporting views)',
        call: (h) => api(h).get('/reporting/views'),
        allowed: ['admin', 'operator', 'analyst'],
      },
      {
        kind: 'reports:read (progress report)',
        call: (h) => api(h).get('/reporting/reports/progress?period=2026'),
        allowed: ['admin', 'operator', 'analyst'],
      },
      {
        kind: 'platform:admin (platform projections)',
        call: (h) => api(h).get('/reporting/projections'),
        allowed: ['admin'],
      },
      {
        kind: 'platform:admin (projections)',
        call: (h) => api(h).get('/help-desk/projections'),
        allowed: ['admin'],
      },
      {
        kind: 'platform:admin (users)',
        call: (h) => api(h).get('/auth/users'),
        allowed: ['admin'],
      },
      {
        kind: 'platform:admin (keys)',
        call: (h) => api(h).get(`/auth/clients/${financeClientId}/keys`),
        allowed: ['admin'],
      },
      { kind: 'platform:admin (metrics)', call: (h) => api(h).get('/metrics'), allowed: ['admin'] },
      {
        kind: 'platform:admin (dead letters)',
        call: (h) => api(h).get('/dead-letters'),
        allowed: ['admin'],
      },
      {
        kind: 'platform:admin (erasure)',
        call: (h) =>
          api(h).post('/help-desk/personal-data/erasures', { email: 'nobody@example.org' }),
        allowed: ['admin'],
      },
      {
        kind: 'authenticated (me)',
        call: (h) => api(h).get('/auth/me'),
        allowed: ['admin', 'operator', 'analyst', 'finance', 'employment'],
      },
    ];
    const seen: string[] = [];
    for (const c of cases) {
      expect({ kind: c.kind, status: (await c.call({})).status }).toEqual({
        kind: c.kind,
        status: 401,
      });
      for (const role of Object.keys(as) as Array<keyof typeof as>) {
        const { status } = await c.call(as[role]);
        const allowed = c.allowed.includes(role);
        seen.push(`${c.kind} ${role} ${status}`);
        expect({ kind: c.kind, role, allowed: status < 400 }).toEqual({
          kind: c.kind,
          role,
          allowed,
        });
        if (!allowed)
          expect({ kind: c.kind, role, status }).toEqual({ kind: c.kind, role, status: 403 });
      }
    }
    expect(seen).toHaveLength(cases.length * 5);
  });

  it("keeps a department's requests from another department's system, and names the actor in the audit trail", async () => {
    const filed = await api(as.finance).post<{ requestId: string; position: number }>(
      '/help-desk/service-requests',
      {
        ...SERVICE_REQUEST,
        title: 'Remittance-linked savings',
        description: 'Options for migrant workers',
        kind: 'programme-guidance',
        themes: ['migration-and-remittances'],
        priority: 'low',
      },
    );
    expect(filed.status).toBe(201);
    const id = filed.body.requestId;
    const listOf = async (h: Record<string, string>) =>
      (
        await api(h).get<{ items: Array<{ requestId: string; department?: string }> }>(
          `/help-desk/service-requests?minPosition=${filed.body.position}&limit=200`,
        )
      ).body.items;

    const financeSees = await listOf(as.finance);
    expect(financeSees.map((r) => r.requestId)).toContain(id);
    expect(new Set(financeSees.map((r) => r.department))).toEqual(new Set(['FINANCE']));
    const employmentSees = await listOf(as.employment);
    expect(employmentSees.map((r) => r.requestId)).not.toContain(id);
    expect(employmentSees.every((r) => r.department === 'EMPLOYMENT')).toBe(true);
    expect((await listOf(as.operator)).map((r) => r.requestId)).toContain(id);

    expect((await api(as.employment).get(`/help-desk/service-requests/${id}`)).status).toBe(404);
    expect(
      (
        await api(as.employment).post(`/help-desk/service-requests/${id}/comments`, {
          text: 'Not ours',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api(as.finance).post(`/help-desk/service-requests/${id}/comments`, {
          text: 'Any news?',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api(as.operator).post(`/help-desk/service-requests/${id}/triage`, {
          kind: 'programme-guidance',
          themes: [],
          priority: 'normal',
        })
      ).status,
    ).toBe(200);

    const detail = await api(as.finance).get<{ history: Array<{ event: string; actor: unknown }> }>(
      `/help-desk/service-requests/${id}`,
    );
    expect(detail.status).toBe(200);
    const olga = (
      await api(as.admin).get<Array<{ id: string; username: string }>>('/auth/users')
    ).body.find((u) => u.username === 'olga.operator')!;
    expect(detail.body.history.map((h) => [h.event, h.actor])).toEqual([
      [
        'ServiceRequestSubmitted',
        { kind: 'integration-client', id: financeClientId, department: 'FINANCE' },
      ],
      [
        'ServiceRequestCommented',
        { kind: 'integration-client', id: financeClientId, department: 'FINANCE' },
      ],
      ['ServiceRequestTriaged', { kind: 'person', id: olga.id, department: 'SFP' }],
    ]);
  });

  it('refuses tampered tokens, revoked keys, disabled users and signed-out sessions', async () => {
    const token = as.operator['authorization']!.slice('Bearer '.length);
    const [h, b, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(b!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['administrator'] })).toString('base64url')}.${s}`;
    const refused = await api({ authorization: `Bearer ${tampered}` }).get('/auth/users');
    expect(refused.status).toBe(401);
    expect(refused.body['code']).toBe('TOKEN_REJECTED');
    expect(
      (await api({ authorization: 'Bearer not-a-token' }).get('/help-desk/queue')).status,
    ).toBe(401);
    expect(
      (
        await api({ 'x-api-key': 'sfpk_0123456789abcdef_' + 'A'.repeat(43) }).get(
          '/help-desk/queue',
        )
      ).status,
    ).toBe(401);

    const keys = await api(as.admin).get<Array<{ id: string }>>(
      `/auth/clients/${financeClientId}/keys`,
    );
    expect(
      (await api(as.admin).post(`/auth/clients/${financeClientId}/keys/${keys.body[0]!.id}/revoke`))
        .status,
    ).toBe(200);
    const revoked = await api(as.finance).get('/help-desk/queue');
    expect(revoked.status).toBe(401);
    expect(revoked.body['detail']).toMatch(/revoked/);

    const analyst = (
      await api(as.admin).get<Array<{ id: string; username: string }>>('/auth/users')
    ).body.find((u) => u.username === 'ana.analyst')!;
    expect(
      (await api(as.admin).patch(`/auth/users/${analyst.id}`, { disabled: true })).status,
    ).toBe(200);
    expect((await api(as.analyst).get('/help-desk/statistics')).status).toBe(401);
    expect(
      (await api({}).post('/auth/sign-in', { username: 'ana.analyst', password: 'pw of ana 2026' }))
        .status,
    ).toBe(401);

    const session = await api({}).post<{ accessToken: string; refreshToken: string }>(
      '/auth/sign-in',
      { username: 'olga.operator', password: 'pw of olga 2026' },
    );
    const refreshed = await api({}).post<{ refreshToken: string }>('/auth/refresh', {
      refreshToken: session.body.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect(
      (await api({}).post('/auth/sign-out', { refreshToken: refreshed.body.refreshToken })).status,
    ).toBe(204);
    expect(
      (await api({}).post('/auth/refresh', { refreshToken: refreshed.body.refreshToken })).status,
    ).toBe(401);
  });

  it('never locks an account: failed sign-ins answer 401, a flood from one address 429 with Retry-After', async () => {
    const anonymous = api({});
    for (let i = 0; i < 6; i++) {
      const answer = await anonymous.post('/auth/sign-in', {
        username: 'olga.operator',
        password: `wrong password ${i}`,
      });
      // 401 for the failure (the same for an unknown user), or 429 once this address floods; never 423.
      expect({ status: answer.status, code: answer.body['code'] }).toEqual(
        answer.status === 429
          ? { status: 429, code: 'RATE_LIMITED' }
          : { status: 401, code: 'INVALID_CREDENTIALS' },
      );
    }
    // 10 attempts a minute per address: the next ones are refused before any password check.
    let flood: HttpResult | undefined;
    for (let i = 0; i < 12 && !flood; i++) {
      const answer = await anonymous.post('/auth/sign-in', { username: `u${i}`, password: 'x' });
      if (answer.status === 429) flood = answer;
      else expect(answer.status).toBe(401);
    }
    expect(flood?.body['code']).toBe('RATE_LIMITED');
    expect(Number(flood?.headers.get('retry-after'))).toBeGreaterThan(0);
    const olga = (
      await api(as.admin).get<Array<{ id: string; username: string }>>('/auth/users')
    ).body.find((u) => u.username === 'olga.operator')!;
    expect(
      (await api(as.admin).post<{ locked: boolean }>(`/auth/users/${olga.id}/unlock`)).body.locked,
    ).toBe(false);
  });
});
