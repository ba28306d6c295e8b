import type { NextFunction, Request, Response } from 'express';
import { correlationIdFrom, runWithRequestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Gives every request a correlation id (the caller's or a new one), echoed in the response. */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
  res.setHeader(CORRELATION_HEADER, correlationId);
  // Also kept on the response, for answers given outside the request's async
  // context (an error of the body parser comes back through a stream callback).
  res.locals['correlationId'] = correlationId;
  runWithRequestContext({ correlationId }, next);
}
