import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Paths not worth a line per call: probes, scrapes, and the console's static files. */
function unlogged(url: string | undefined): boolean {
  return !url?.startsWith('/api/') || url.startsWith('/api/health/') || url === '/api/metrics';
}

/**
 * One log line per API request when it ends: method, path (without the query,
 * which may carry personal data), status, duration and the correlation id —
 * never a header or a body. 5xx at error, 4xx at warn, the rest at info.
 */
export function requestLogMiddleware(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (_req: IncomingMessage, res: ServerResponse) =>
      ((res as ServerResponse & { locals?: Record<string, unknown> }).locals?.['correlationId'] as
        | string
        | undefined) ?? '',
    autoLogging: { ignore: (req) => unlogged(req.url) },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req.url)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req.url)} ${res.statusCode}`,
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'ms' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        path: pathOf(req.url),
      }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
    quietReqLogger: true,
  });
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}
