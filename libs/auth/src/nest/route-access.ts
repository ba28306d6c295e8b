import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_PATH, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { AUTHENTICATED_METADATA, PERMISSION_METADATA, PUBLIC_METADATA } from './access.decorators';

export interface RouteAccess {
  controller: string;
  handler: string;
  method: string;
  /** The full path, with the module's RouterModule prefix (e.g. /api/help-desk/queue). */
  path: string;
  /** `public`, `authenticated`, a permission, or undefined when the route declares none. */
  access: string | undefined;
  /** The controller class: its handler's parameter metadata describes the route's input. */
  controllerType: Type;
}

/** `@Get(['a', 'b'])` declares two paths; `@Get()` none (the controller's path). */
function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.length ? value.map(String) : [''];
  return [value === undefined ? '' : String(value)];
}

/**
 * Every HTTP route of an application with the access it declares: the proof
 * that no route lacks one (the guard refuses those anyway). Works before
 * `app.init()` and on hosts without `AuthModule` (the OpenAPI document is
 * built from it in `configureHttpApp`).
 */
export function listRouteAccess(app: INestApplication): RouteAccess[] {
  const modules = app.get(ModulesContainer, { strict: false });
  // Made here, not asked of the app: they hold no state, and an app made by
  // NestFactory exits the process when asked for a provider no module registered.
  const discovery = new DiscoveryService(modules);
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const moduleKey = MODULE_PATH + modules.applicationId;
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as Type | undefined;
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!type || !instance) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const host = wrapper.host?.metatype;
    // The prefix RouterModule gave the controller's module (e.g. api/help-desk).
    const modulePath = host
      ? ((Reflect.getMetadata(moduleKey, host) ?? Reflect.getMetadata(MODULE_PATH, host)) as
          | string
          | undefined)
      : undefined;
    const bases = pathsOf(Reflect.getMetadata(PATH_METADATA, type));
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as (
        ...args: unknown[]
      ) => unknown;
      const declared = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (declared === undefined) continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const targets = [handler, type];
      const access = reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)
        ? 'public'
        : (reflector.getAllAndOverride<string>(PERMISSION_METADATA, targets) ??
          (reflector.getAllAndOverride<boolean>(AUTHENTICATED_METADATA, targets)
            ? 'authenticated'
            : undefined));
      for (const base of bases) {
        for (const path of pathsOf(declared)) {
          routes.push({
            controller: type.name,
            controllerType: type,
            handler: name,
            method: RequestMethod[method],
            path: `/${[modulePath, base, path].filter((p) => p && p !== '/').join('/')}`.replace(
              /\/+/g,
              '/',
            ),
            access,
          });
        }
      }
    }
  }
  return routes;
}
