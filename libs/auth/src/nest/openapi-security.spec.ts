import 'reflect-metadata';
import { Controller, Get, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import {
  ApiForbiddenResponse,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { Authenticated, Public, RequirePermission } from './access.decorators';
import {
  applyRouteSecurity,
  openApiPath,
  rolesHolding,
  RouteSecurityDriftError,
  type RouteSecurityDrift,
} from './openapi-security';
import { listRouteAccess } from './route-access';

/** Controller-wide: one response object that swagger shares between the operations. */
@ApiForbiddenResponse({ description: 'Another department (OUT_OF_DEPARTMENT_SCOPE)' })
@Controller('things')
class ThingsController {
  @Get('health')
  @Public()
  health() {
    return { ok: true };
  }

  @Get('me')
  @Authenticated()
  me() {
    return { ok: true };
  }

  @Post(':thingId/comments')
  @RequirePermission('records:write')
  comment(@Param('thingId') thingId: string) {
    return { thingId };
  }

  @Get('statistics')
  @RequirePermission('reports:read')
  statistics() {
    return {};
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']> & Record<string, unknown>;

/** The way configureHttpApp builds the document: the module under /api/things-context with RouterModule. */
async function appAndDocument(
  options: { globalPrefix?: string } = {},
): Promise<{ app: INestApplication; document: OpenAPIObject }> {
  const module = await Test.createTestingModule({
    imports: [
      ThingsModule,
      RouterModule.register([{ path: 'api/things-context', module: ThingsModule }]),
    ],
  }).compile();
  const app = module.createNestApplication({ logger: false });
  if (options.globalPrefix) app.setGlobalPrefix(options.globalPrefix);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('test').setVersion('1').build(),
  );
  return { app, document };
}

describe('applyRouteSecurity', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  const op = (method: 'get' | 'post', path: string) => document.paths[path]![method] as Operation;

  beforeAll(async () => {
    ({ app, document } = await appAndDocument());
    // No AuthModule (so no DiscoveryModule): listRouteAccess still lists the routes.
    applyRouteSecurity(document, listRouteAccess(app));
  });
  afterAll(() => app.close());

  it('declares the bearer JWT and API key schemes and the problem document', () => {
    expect(document.components!.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
    });
    expect(document.components!.schemas!['Problem']).toMatchObject({
      type: 'object',
      properties: { type: {}, title: {}, status: {}, detail: {}, code: {} },
    });
  });

  it('marks a public route as public, without 401 or 403', () => {
    const health = op('get', '/api/things-context/things/health');
    expect(health.security).toEqual([]);
    expect(health['x-public']).toBe(true);
    expect(health['x-permissions']).toEqual([]);
    expect(health.description).toBe('Public: answers without credentials.');
    expect(health.responses['401']).toBeUndefined();
    expect(health.responses['403']).toEqual({
      description: 'Another department (OUT_OF_DEPARTMENT_SCOPE)',
    });
  });

  it('lets any authenticated caller, person or integration client, call an @Authenticated route', () => {
    const me = op('get', '/api/things-context/things/me');
    expect(me.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(me['x-public']).toBe(false);
    expect(me['x-permissions']).toEqual([]);
    expect(me.description).toMatch(/authenticated caller, any role/);
    expect(me.responses['401']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(me.responses['403']).toMatchObject({
      description: expect.stringContaining('PASSWORD_CHANGE_REQUIRED'),
    });
  });

  it('names the permission and the roles holding it, and offers API keys only where an integration client can hold it', () => {
    // `:thingId` in Nest, `{thingId}` in OpenAPI.
    const comment = op('post', '/api/things-context/things/{thingId}/comments');
    expect(comment.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(comment['x-permissions']).toEqual(['records:write']);
    expect(comment.description).toBe(
      'Requires permission `records:write` (administrator, operator, integration client of its own department).',
    );
    // The controller's own 403 is kept, with the permission added.
    expect(comment.responses['403']).toMatchObject({
      description: expect.stringMatching(
        /^Another department \(OUT_OF_DEPARTMENT_SCOPE\)\. Forbidden: .*`records:write`/,
      ),
      content: { 'application/problem+json': {} },
    });

    const statistics = op('get', '/api/things-context/things/statistics');
    expect(statistics.security).toEqual([{ bearer: [] }]);
    expect(statistics['x-permissions']).toEqual(['reports:read']);
    expect(statistics.description).toBe(
      'Requires permission `reports:read` (administrator, operator, analyst).',
    );
    expect(Object.keys(statistics.responses).sort()).toEqual(['200', '401', '403']);
    // Each operation its own 403: the shared one is not written into.
    expect(statistics.responses['403']).toMatchObject({
      description: expect.stringContaining('`reports:read`'),
    });
    expect(statistics.responses['403']).not.toMatchObject({
      description: expect.stringContaining('records:write'),
    });
  });

  it('changes nothing more when applied twice', () => {
    const before = JSON.stringify(document);
    applyRouteSecurity(document, listRouteAccess(app));
    expect(JSON.stringify(document)).toBe(before);
  });

  it('marks a route that declares nothing as refused to everyone (default deny)', async () => {
    const { app: other, document: doc } = await appAndDocument();
    const routes = listRouteAccess(other).map((r) =>
      r.handler === 'statistics' ? { ...r, access: undefined } : r,
    );
    applyRouteSecurity(doc, routes);
    const statistics = doc.paths['/api/things-context/things/statistics']!.get as Operation;
    expect(statistics['x-default-deny']).toBe(true);
    expect(statistics['x-permissions']).toEqual([]);
    expect(statistics.description).toMatch(/Refused to everyone.*default deny/);
    await other.close();
  });

  it('throws when a route has no operation or an operation no route, or reports it to onDrift', async () => {
    const { app: other, document: doc } = await appAndDocument();
    const routes = listRouteAccess(other);
    delete doc.paths['/api/things-context/things/me'];
    doc.paths['/api/things-context/things/ghost'] = { get: { responses: {} } };
    expect(() => applyRouteSecurity(doc, routes)).toThrow(RouteSecurityDriftError);
    let drift: RouteSecurityDrift | undefined;
    applyRouteSecurity(doc, routes, { onDrift: (d) => (drift = d) });
    expect(drift).toEqual({
      routesWithoutOperation: ['GET /api/things-context/things/me'],
      operationsWithoutRoute: ['GET /api/things-context/things/ghost'],
    });
    await other.close();
  });

  it('takes a global prefix into account', async () => {
    const { app: other, document: doc } = await appAndDocument({ globalPrefix: 'v2' });
    expect(Object.keys(doc.paths)).toContain('/v2/api/things-context/things/me');
    expect(() => applyRouteSecurity(doc, listRouteAccess(other))).toThrow(RouteSecurityDriftError);
    applyRouteSecurity(doc, listRouteAccess(other), { globalPrefix: 'v2' });
    expect((doc.paths['/v2/api/things-context/things/me']!.get as Operation).security).toEqual([
      { bearer: [] },
      { apiKey: [] },
    ]);
    await other.close();
  });

  it('converts Nest paths to OpenAPI paths and reads the roles from the role table', () => {
    expect(openApiPath('/api/help-desk/service-requests/:id/comments/:commentId')).toBe(
      '/api/help-desk/service-requests/{id}/comments/{commentId}',
    );
    expect(openApiPath('files/*path', '/v1/')).toBe('/v1/files/{path}');
    expect(openApiPath('/')).toBe('/');
    expect(rolesHolding('records:read')).toEqual(['administrator', 'operator', 'integration']);
    expect(rolesHolding('platform:admin')).toEqual(['administrator']);
  });
});
