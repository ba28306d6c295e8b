import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import {
  applyRouteSecurity,
  grants,
  listRouteAccess,
  openApiPath,
  rolesHolding,
  type Permission,
  type RouteAccess,
} from '@sfp/auth';
import { httpClient as client, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { startTestPlatform } from './support/test-platform';

const SOME_ID = '0b6b1c3e-3f5e-4e8a-9d3c-1f2a3b4c5d6e';
const ADMIN_PASSWORD = 'the chief passphrase 2026';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']> & Record<string, unknown>;

/**
 * The OpenAPI document of the embedded platform says what the guard enforces:
 * for every route (`listRouteAccess`, the decorators the guard reads) the
 * operation exists, with the security schemes, `x-permissions`, `x-public`,
 * description line and 401/403 answers its declaration implies; and calling
 * the routes shows the guard behaving as the document says.
 */
describe('the OpenAPI document and the guard agree (e2e)', () => {
  let platform: EmbeddedPlatform;
  let routes: RouteAccess[];
  const as: Record<'analyst' | 'finance', Record<string, string>> = {} as never;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-openapi-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    routes = listRouteAccess(platform.app);

    const admin = client(
      `${platform.url}/api`,
      await signIn(platform.url, 'admin', ADMIN_PASSWORD),
    );
    const created = await admin.post('/auth/users', {
      username: 'ana.analyst',
      displayName: 'Ana',
      roles: ['analyst'],
      department: 'SFP',
      password: 'pw of ana 2026',
    });
    expect(created.status).toBe(201);
    as.analyst = await signIn(platform.url, 'ana.analyst', 'pw of ana 2026');
    const finance = await admin.post<{ id: string }>('/auth/clients', {
      name: 'finance-erp',
      department: 'FINANCE',
    });
    const issued = await admin.post<{ apiKey: string }>(`/auth/clients/${finance.body.id}/keys`, {
      label: 'prod',
    });
    expect(issued.status).toBe(201);
    as.finance = { 'x-api-key': issued.body.apiKey };
  });

  afterAll(async () => {
    await platform?.close();
  });

  const operationOf = (document: OpenAPIObject, route: RouteAccess) =>
    document.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'get'] as
      | Operation
      | undefined;

  /** What the decorator of a route implies for its operation, checked route by route. */
  function expectAgreement(document: OpenAPIObject): void {
    expect(document.components?.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(routes.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const operation = operationOf(document, route);
      expect({ route: name, documented: operation !== undefined }).toEqual({
        route: name,
        documented: true,
      });
      if (!operation) continue;
      seen.add(`${route.method.toLowerCase()} ${openApiPath(route.path)}`);
      // There is no route without a declaration (access-control e2e), so never x-default-deny here.
      expect({ route: name, access: route.access }).not.toEqual({ route: name, access: undefined });
      const permission =
        route.access === 'public' || route.access === 'authenticated'
          ? undefined
          : (route.access as Permission);
      const expected = {
        security:
          route.access === 'public'
            ? []
            : permission && !grants(['integration'], permission)
              ? [{ bearer: [] }]
              : [{ bearer: [] }, { apiKey: [] }],
        'x-permissions': permission ? [permission] : [],
        'x-public': route.access === 'public',
      };
      expect({
        route: name,
        security: operation.security,
        'x-permissions': operation['x-permissions'],
        'x-public': operation['x-public'],
      }).toEqual({
        route: name,
        ...expected,
      });
      expect(operation['x-default-deny']).toBeUndefined();
      if (permission) {
        expect(operation.description).toContain(`Requires permission \`${permission}\``);
        for (const role of rolesHolding(permission)) expect(operation.description).toContain(role);
      }
      if (route.access === 'public') {
        // No credentials needed: no "not authenticated" answer (sign-in's own 401 is wrong credentials).
        const signIn401 = operation.responses['401'] as { description?: string } | undefined;
        expect(signIn401?.description ?? '').not.toMatch(/Not authenticated/);
      } else {
        for (const status of ['401', '403']) {
          expect({
            route: name,
            status,
            content: Object.keys(
              (operation.responses[status] as { content?: object } | undefined)?.content ?? {},
            ),
          }).toEqual({
            route: name,
            status,
            content: ['application/problem+json'],
          });
        }
      }
    }
    // And no operation without a route.
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      (['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const)
        .filter((m) => item[m])
        .map((m) => `${m} ${path}`),
    );
    expect(documented.filter((o) => !seen.has(o))).toEqual([]);
  }

  it('is built without drift from the app the way configureHttpApp builds it (independent of the wiring)', () => {
    const document = SwaggerModule.createDocument(
      platform.app,
      new DocumentBuilder().setTitle('SFP Platform').setVersion('1').build(),
    );
    expectAgreement(applyRouteSecurity(document, routes));
  });

  it('serves at /api/docs-json a document whose security matches the decorators the guard enforces', async () => {
    const response = await fetch(`${platform.url}/api/docs-json`);
    expect(response.status).toBe(200);
    expectAgreement((await response.json()) as OpenAPIObject);
  });

  it('behaves as the document says: 401 without credentials, 403 where the roles do not give the permission', async () => {
    const call = async (route: RouteAccess, headers: Record<string, string>) =>
      (
        await fetch(`${platform.url}${route.path.replace(/:[A-Za-z]+/g, SOME_ID)}`, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...headers },
          ...(route.method === 'GET' ? {} : { body: '{}' }),
        })
      ).status;
    // A sample across the declarations: the first GET (else the first route) of each.
    const sample = new Map<string, RouteAccess>();
    for (const route of routes) {
      const current = sample.get(route.access!);
      if (!current || (current.method !== 'GET' && route.method === 'GET'))
        sample.set(route.access!, route);
    }
    expect([...sample.keys()].sort()).toEqual([
      'authenticated',
      'platform:admin',
      'public',
      'records:read',
      'records:write',
      'reports:read',
    ]);
    for (const route of sample.values()) {
      const status = await call(route, {});
      const name = `${route.method} ${route.path} (${route.access})`;
      if (route.access === 'public') expect({ name, status }).not.toEqual({ name, status: 401 });
      else expect({ name, status }).toEqual({ name, status: 401 });
    }
    // The analyst (reports:read) on every route needing a permission analysts lack, and the
    // integration client's key on every route the document offers no apiKey for: the guard
    // refuses before the handler, so these calls change nothing.
    const refused = (route: RouteAccess, role: 'analyst' | 'integration') =>
      route.access !== 'public' &&
      route.access !== 'authenticated' &&
      !grants([role], route.access as Permission);
    const analystRefused = routes.filter((r) => refused(r, 'analyst'));
    expect(analystRefused.some((r) => r.access === 'records:write')).toBe(true);
    for (const route of analystRefused) {
      const name = `${route.method} ${route.path} (${route.access})`;
      expect({ name, status: await call(route, as.analyst) }).toEqual({ name, status: 403 });
    }
    for (const route of routes.filter((r) => refused(r, 'integration'))) {
      const name = `${route.method} ${route.path} (${route.access})`;
      expect({ name, status: await call(route, as.finance) }).toEqual({ name, status: 403 });
    }
    // And where the document lets them in, they get in: reads for each.
    const firstGet = (access: string) =>
      routes.find((r) => r.access === access && r.method === 'GET' && !r.path.includes(':'))!;
    for (const [who, access] of [
      ['analyst', 'reports:read'],
      ['analyst', 'authenticated'],
      ['finance', 'records:read'],
      ['finance', 'authenticated'],
    ] as const) {
      const route = firstGet(access);
      const status = await call(route, as[who]);
      expect({ who, route: `${route.method} ${route.path}`, allowed: status < 400 }).toEqual({
        who,
        route: `${route.method} ${route.path}`,
        allowed: true,
      });
    }
  });
});
