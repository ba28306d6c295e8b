import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { correlationIdMiddleware } from '../http/correlation-id.middleware';
import { ErrorResponseFilter, expressBodyError, type StatusByErrorCode } from '../http/error-response.filter';
import { correlationIdFrom } from '../http/request-context';
import { createValidationPipe } from '../http/validation.pipe';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Domain error code → HTTP status, for every context the app hosts. */
  errorStatuses: StatusByErrorCode;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Largest JSON body accepted (default 256 kB). */
  bodyLimit?: string;
  /**
   * Origins allowed to call the API from a browser (CORS); none by default:
   * the admin console is served from the same origin.
   */
  corsOrigins?: string[];
}

/**
 * What every HTTP host of the platform does the same way: security headers,
 * body size limit, correlation ids, request metrics, DTO validation with field
 * errors, one error body, OpenAPI at /api/docs (JSON at /api/docs-json).
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  // Body errors answered here, with the request's correlation id, before Nest
  // turns them into a bare 400 and loses what kind of error it was.
  express.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const body = expressBodyError(error);
    if (!body) return next(error);
    res.status(body.statusCode).json({ ...body, correlationId: correlationIdFrom(req.headers['x-correlation-id']) });
  });
  app.use(helmet({ contentSecurityPolicy: false }));
  if (options.corsOrigins?.length) {
    app.enableCors({
      origin: options.corsOrigins,
      credentials: false,
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-API-Key', 'X-Correlation-Id'],
      exposedHeaders: ['ETag', 'X-Correlation-Id', 'Retry-After', 'Location'],
      maxAge: 600,
    });
  }
  app.use(correlationIdMiddleware);
  // API answers carry records and personal data that change (an erasure keeps a
  // request's version): never kept by browsers or proxies.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(options.metrics.httpMiddleware());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter(options.errorStatuses, options.logger));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addTag('operations')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
