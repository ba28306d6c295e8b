import type { FieldError } from '@sfp/messaging';

/**
 * What the platform knows of an error before it is answered: a status, a
 * stable code, a message a person can act on, field details. Controllers and
 * the error filter build this; `toProblemDocument` makes the answer.
 */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fieldErrors?: FieldError[];
  correlationId?: string;
  /** Extra facts for the client, e.g. the current version on a conflict. */
  details?: Record<string, unknown>;
}

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The body of every error answer: an RFC 9457 problem document. `type`,
 * `title`, `status`, `detail` and `instance` are the RFC's members; `code`,
 * `correlationId`, `fieldErrors` and `details` are the platform's extensions.
 */
export interface ProblemDocument {
  /** `urn:sfp:problem:<code in kebab case>`: one per code, listed in docs/operations.md. */
  type: string;
  /** The same for every occurrence of the type, e.g. "Validation failed". */
  title: string;
  status: number;
  /** What went wrong this time, in words a person can act on. */
  detail: string;
  /** The request path that failed. */
  instance?: string;
  code: string;
  correlationId?: string;
  /** One entry per refused field: dotted path, JSON pointer into the body, one short message. */
  fieldErrors?: FieldError[];
  details?: Record<string, unknown>;
}

/** `urn:sfp:problem:validation-failed` for VALIDATION_FAILED. */
export function problemTypeOf(code: string): string {
  return `urn:sfp:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/** "Validation failed" for VALIDATION_FAILED. */
export function problemTitleOf(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function toProblemDocument(body: ErrorBody, instance?: string): ProblemDocument {
  return {
    type: problemTypeOf(body.code),
    title: problemTitleOf(body.code),
    status: body.statusCode,
    detail: body.message,
    ...(instance ? { instance } : {}),
    code: body.code,
    ...(body.correlationId ? { correlationId: body.correlationId } : {}),
    ...(body.fieldErrors?.length ? { fieldErrors: body.fieldErrors } : {}),
    ...(body.details && Object.keys(body.details).length ? { details: body.details } : {}),
  };
}
