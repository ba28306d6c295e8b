// The console gateway: one origin for the browser in distributed mode. It
// serves the built console exactly as the embedded platform does
// (consoleStatic) and forwards each /api path to the service that owns it
// (gateway.routes.ts), streaming bodies both ways.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import express from 'express';
import { consoleStatic } from '../console-static';
import { upstreamFor, type GatewayRoutes } from './gateway.routes';

/** Headers of one connection, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export function createConsoleGateway(options: {
  distDir: string;
  routes: GatewayRoutes;
}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const upstream = upstreamFor(req.path, options.routes);
    if (!upstream) return next();
    forward(req, res, upstream);
  });
  app.use(consoleStatic(options.distDir));
  app.use((_req, res) => {
    res.status(404).json({ code: 'NOT_FOUND', message: 'No such page or file' });
  });
  return app;
}

/** Sends `req` to `upstream` (same path and query) and its answer back to `res`. */
function forward(req: IncomingMessage, res: ServerResponse, upstream: URL): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  const client = req.socket.remoteAddress ?? '';
  const forwardedFor = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${client}` : client;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';

  const outgoing = httpRequest(
    {
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
    },
    (answer) => {
      const back: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) back[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, back);
      answer.pipe(res);
    },
  );
  outgoing.on('error', () => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify({
        code: 'UPSTREAM_UNAVAILABLE',
        message: `The service behind ${new URL(req.url ?? '/', 'http://gateway').pathname} does not answer`,
      }),
    );
  });
  req.on('aborted', () => outgoing.destroy());
  req.pipe(outgoing);
}
