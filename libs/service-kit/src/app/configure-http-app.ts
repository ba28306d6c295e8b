import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { applyRouteSecurity, listRouteAccess } from '@sfp/auth';
import { DEFAULT_MAX_JSON_DEPTH, jsonShapeProblem } from '@sfp/messaging';
import { correlationIdMiddleware } from '../http/correlation-id.middleware';
import {
  ErrorResponseFilter,
  expressBodyError,
  type StatusByErrorCode,
} from '../http/error-response.filter';
import { methodNotAllowedMiddleware } from '../http/method-not-allowed.middleware';
import { currentCorrelationId } from '../http/request-context';
import { PastFactInterceptor } from '../http/past-fact';
import { requestLogMiddleware } from '../http/request-log.middleware';
import { sendProblem } from '../http/send-problem';
import { createValidationPipe } from '../http/validation.pipe';
import { documentContract } from '../openapi/document-contract';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';

/**
 * The Content-Security-Policy of every answer (helmet's defaults, tightened):
 * scripts only from the platform's own files, never inline; no plugins, no
 * framing, no form posts elsewhere. Inline styles stay allowed for the
 * OpenAPI UI. Pages that need less (the printable report) send a stricter one.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Domain error code → HTTP status, for every context the app hosts. */
  errorStatuses: StatusByErrorCode;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Largest JSON body accepted (default 1 MB: a 50,000-character text, escaped, fits). */
  bodyLimit?: string;
  /** Deepest nesting of objects and arrays a JSON body may have (default `SFP_MAX_BODY_DEPTH`, else 32). */
  maxBodyDepth?: number;
  /**
   * Origins allowed to call the API from a browser (CORS); none by default:
   * the admin console is served from the same origin.
   */
  corsOrigins?: string[];
}

/**
 * What every HTTP host of the platform does the same way: security headers
 * (a strict Content-Security-Policy included), body size and depth limits,
 * correlation ids, a log line per API request, request metrics, DTO validation with field
 * errors, one error body (an RFC 9457 problem document), 405 with `Allow` for a method a path
 * does not have, OpenAPI 3.1 at /api/docs (JSON at /api/docs-json).
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  app.use(correlationIdMiddleware);
  app.use(requestLogMiddleware(options.logger));
  express.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
  // Body errors answered here, with the request's correlation id, before Nest
  // turns them into a bare 400 (or a 500) and loses what kind of error it was.
  express.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const body = expressBodyError(error, true);
    if (!body) return next(error);
    sendProblem(req, res, {
      ...body,
      correlationId: res.locals['correlationId'] as string | undefined,
    });
  });
  app.use(
    helmet({ contentSecurityPolicy: { useDefaults: true, directives: CONTENT_SECURITY_POLICY } }),
  );
  if (options.corsOrigins?.length) {
    app.enableCors({
      origin: options.corsOrigins,
      credentials: false,
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'If-Match',
        'X-API-Key',
        'X-Correlation-Id',
        'X-SFP-Occurred-At',
      ],
      exposedHeaders: ['ETag', 'X-Correlation-Id', 'Retry-After', 'Location'],
      maxAge: 600,
    });
  }
  // API answers carry records and personal data that change (an erasure keeps a
  // request's version): never kept by browsers or proxies.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(options.metrics.httpMiddleware());
  app.use(methodNotAllowedMiddleware(() => listRouteAccess(app)));
  // Checked before anything walks the body recursively (class-transformer,
  // class-validator): a body thousands of levels deep would overflow the
  // stack, and an object under `constructor` crashes class-transformer.
  const maxDepth = options.maxBodyDepth ?? maxBodyDepthOf(process.env);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const problem = jsonShapeProblem(req.body, maxDepth);
    if (!problem) return next();
    sendProblem(req, res, {
      statusCode: 400,
      code: problem.code,
      message: problem.message,
      correlationId: currentCorrelationId(),
      ...(problem.code === 'BODY_TOO_DEEP'
        ? { details: { maxDepth } }
        : {
            fieldErrors: [
              {
                field: problem.field,
                pointer: problem.pointer,
                messages: ['is a reserved property name'],
              },
            ],
          }),
    });
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new PastFactInterceptor());
  app.useGlobalFilters(new ErrorResponseFilter(options.errorStatuses, options.logger));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .setOpenAPIVersion('3.1.0')
      .addTag('operations')
      .build(),
  );
  const routes = listRouteAccess(app);
  // Security schemes, each operation's security and required permission, from
  // the same decorators the guard enforces; a route missing from the document stops the start.
  applyRouteSecurity(document, routes);
  // Request schemas from the DTOs' validation rules, and every refusal a route can answer.
  documentContract(document, routes);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** `SFP_MAX_BODY_DEPTH` (2–1000), else the default of 32. */
export function maxBodyDepthOf(env: NodeJS.ProcessEnv): number {
  const raw = env['SFP_MAX_BODY_DEPTH'];
  if (raw === undefined || raw === '') return DEFAULT_MAX_JSON_DEPTH;
  const depth = Number(raw);
  if (!Number.isInteger(depth) || depth < 2 || depth > 1000) {
    throw new Error(`SFP_MAX_BODY_DEPTH must be a whole number from 2 to 1000, got "${raw}"`);
  }
  return depth;
}
