import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './send-problem';

/** A route as the router knows it: its method (`GET`, or `ALL`) and its Nest path (`/api/x/:id`). */
export interface KnownRoute {
  method: string;
  path: string;
}

interface Resource {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/api/x/:id` → a pattern of the whole path, a parameter standing for one segment. */
function patternOf(path: string): RegExp {
  const source = path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) =>
      segment.startsWith(':') || segment.startsWith('*')
        ? '[^/]+'
        : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

function resourcesOf(routes: readonly KnownRoute[]): Resource[] {
  const byPath = new Map<string, Resource>();
  for (const route of routes) {
    const resource = byPath.get(route.path) ?? {
      pattern: patternOf(route.path),
      methods: new Set<string>(),
    };
    resource.methods.add(route.method.toUpperCase());
    byPath.set(route.path, resource);
  }
  return [...byPath.values()];
}

/**
 * Answers 405 with an `Allow` header (RFC 9110) when an API path exists but not
 * for the request's method, instead of the router's 404. The routes are read
 * on the first request, once the application has registered them all.
 * HEAD and OPTIONS are left to the router, which answers them for every path.
 */
export function methodNotAllowedMiddleware(listRoutes: () => readonly KnownRoute[]) {
  let resources: Resource[] | undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith('/api/') || req.method === 'HEAD' || req.method === 'OPTIONS')
      return next();
    resources ??= resourcesOf(listRoutes());
    const matching = resources.filter((r) => r.pattern.test(req.path));
    if (!matching.length) return next();
    const allowed = new Set(matching.flatMap((r) => [...r.methods]));
    if (allowed.has(req.method) || allowed.has('ALL')) return next();
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].sort().join(', ');
    res.setHeader('Allow', allow);
    sendProblem(req, res, {
      statusCode: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: `${req.method} is not a method of ${req.path}; it allows ${allow}`,
      correlationId: res.locals['correlationId'] as string | undefined,
    });
  };
}
