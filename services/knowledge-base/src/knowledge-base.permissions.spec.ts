import 'reflect-metadata';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { PERMISSION_METADATA, PUBLIC_METADATA } from '@sfp/auth';
import { knowledgeBaseService } from './knowledge-base.service';

/** Every route of the knowledge base declares its permission (the platform's guard denies the rest). */
describe('knowledge-base routes and permissions', () => {
  const controllers = knowledgeBaseService.mountedControllers as Array<
    new (...args: never[]) => object
  >;
  const routes = controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    return Object.getOwnPropertyNames(controller.prototype)
      .map((name) => ({ name, handler: (controller.prototype as Record<string, unknown>)[name] }))
      .filter(
        ({ name, handler }) =>
          name !== 'constructor' &&
          typeof handler === 'function' &&
          Reflect.getMetadata(PATH_METADATA, handler as object) !== undefined,
      )
      .map(({ handler }) => {
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler as object) as number];
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler as object))].filter((p) => p && p !== '/').join('/')}`;
        const permission =
          Reflect.getMetadata(PERMISSION_METADATA, handler as object) ??
          Reflect.getMetadata(PERMISSION_METADATA, controller);
        const isPublic =
          Reflect.getMetadata(PUBLIC_METADATA, handler as object) ??
          Reflect.getMetadata(PUBLIC_METADATA, controller);
        return { route: `${method} ${path}`, permission, isPublic };
      });
  });

  it('declares a permission on every route, and nothing is public', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !r.permission || r.isPublic)).toEqual([]);
  });

  it('commands write records; views, exports and search read reports; projections are for administrators', () => {
    const of = (route: string) => routes.find((r) => r.route === route)?.permission;
    expect(of('POST /institutions/:id/performance-reports')).toBe('records:write');
    expect(of('POST /performance-reports/:reportId/restatements')).toBe('records:write');
    expect(of('GET /performance-reports/:reportId')).toBe('records:read');
    expect(of('GET /benchmarks')).toBe('reports:read');
    expect(of('GET /outreach')).toBe('reports:read');
    expect(of('GET /search')).toBe('reports:read');
    expect(of('GET /institutions/:id/iris')).toBe('reports:read');
    expect(of('GET /institutions')).toBe('reports:read');
    expect(of('GET /institutions/:id')).toBe('records:read');
    expect(of('POST /projections/:name/rebuild')).toBe('platform:admin');
    for (const r of routes.filter(
      (x) => x.route.startsWith('POST ') && !x.route.includes('/projections'),
    )) {
      expect({ route: r.route, permission: r.permission }).toEqual({
        route: r.route,
        permission: 'records:write',
      });
    }
  });
});
