// Serves the built admin console (services/admin-console/dist) from the
// platform's own HTTP server: the files at `/`, and index.html for any other
// non-API path so a shared link (/help-desk/requests/<id>) opens the right page.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface ConsoleStaticOptions {
  /** Paths left to the API (default ['/api']): never answered here, not even with the fallback. */
  apiPrefixes?: string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The console's own policy: scripts and styles from this origin only (React's
 * style attributes need 'unsafe-inline' for styles), API calls to this origin,
 * never framed.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The dist folder next to this file's project: services/admin-console/dist. */
export function consoleDistDir(): string {
  return resolve(__dirname, '..', 'dist');
}

/**
 * An Express middleware serving the built console from `distDir`:
 * - GET/HEAD of a file under it: the file; `/assets/*` (names carry a content
 *   hash) cached for a year as immutable, anything else revalidated (ETag);
 * - any other GET/HEAD that is not under an API prefix and asks for HTML (a
 *   page of the app): index.html, never cached, with the console's CSP;
 * - everything else (API paths, other methods, missing assets): `next()`.
 * When the console has not been built, pages answer 503 saying how to build it.
 */
export function consoleStatic(distDir: string, options: ConsoleStaticOptions = {}): RequestHandler {
  const root = resolve(distDir);
  const apiPrefixes = options.apiPrefixes ?? ['/api'];
  const isApi = (path: string) =>
    apiPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (isApi(path) || path.includes('\0')) return next();

    const file = resolve(root, `.${path}`);
    const inside = file === root || file.startsWith(root + sep);
    const stats = inside ? statOf(file) : undefined;
    if (stats?.isFile() && !path.endsWith('/index.html')) {
      const immutable = path.startsWith('/assets/');
      return sendFile(
        req,
        res,
        file,
        stats,
        immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
    }
    // A missing file with an extension (/assets/old-hash.js) is a 404, not the app.
    if (extname(path) !== '' && !path.endsWith('.html')) return next();
    if (!req.accepts('html')) return next();

    const index = join(root, 'index.html');
    const indexStats = statOf(index);
    if (!indexStats?.isFile()) {
      res.status(503).type('text/plain; charset=utf-8').set('Cache-Control', 'no-store');
      return void res.send(
        'The admin console has not been built. Run `npm run build:console` (or `node services/admin-console/scripts/ensure-built.mjs`), then reload. The API is at /api/docs.\n',
      );
    }
    res.setHeader('Content-Security-Policy', CONSOLE_CONTENT_SECURITY_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
    return sendFile(req, res, index, indexStats, 'no-cache');
  };
}

/**
 * Mounts the console on a Nest app. Call it before `app.listen()` / `app.init()`
 * (after configureHttpApp), so it runs before Nest's router and its 404 handler.
 */
export function mountAdminConsole(
  app: INestApplication,
  distDir: string = consoleDistDir(),
  options: ConsoleStaticOptions = {},
): void {
  app.use(consoleStatic(distDir, options));
}

/** Whether a built console is there to serve. */
export function consoleIsBuilt(distDir: string = consoleDistDir()): boolean {
  return existsSync(join(distDir, 'index.html'));
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function sendFile(
  req: Request,
  res: Response,
  file: string,
  stats: Stats,
  cacheControl: string,
): void {
  const etag = `W/"${createHash('sha1').update(`${stats.size}-${stats.mtimeMs}-${file}`).digest('base64url').slice(0, 20)}"`;
  res.setHeader(
    'Content-Type',
    CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
  );
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stats.mtime.toUTCString());
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const presented = req.headers['if-none-match'];
  if (presented && presented.split(',').some((tag) => tag.trim() === etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Length', String(stats.size));
  res.status(200);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

// The console gateway's routes and settings (distributed mode), for the compose check.
export { GATEWAY_SERVICES, type GatewayService } from './gateway/gateway.routes';
export { GATEWAY_VARIABLES, loadGatewaySettings } from './gateway/gateway.settings';
