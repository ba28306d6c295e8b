import type { NextFunction, Request, Response } from 'express';
import { correlationIdFrom, runWithRequestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Gives every request a correlation id (the caller's or a new one), echoed in the response. */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
  res.setHeader(CORRELATION_HEADER, correlationId);
  runWithRequestContext({ correlationId }, next);
}
