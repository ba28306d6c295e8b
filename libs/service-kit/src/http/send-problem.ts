import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, toProblemDocument, type ErrorBody } from './problem';

/**
 * Answers an error as an RFC 9457 problem document, with the headers its
 * status calls for: `Retry-After` when the error says when to try again,
 * `WWW-Authenticate` on 401.
 */
export function sendProblem(
  req: Pick<Request, 'originalUrl' | 'url'>,
  res: Response,
  body: ErrorBody,
): void {
  const retryAfter = body.details?.['retryAfterSeconds'];
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  if (body.statusCode === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="sfp-platform"');
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  res
    .status(body.statusCode)
    .type(PROBLEM_CONTENT_TYPE)
    .json(toProblemDocument(body, path || undefined));
}
