import type { FieldError } from './validation-errors';

/** The body of every error response: a stable code, a message a person can act on, field details. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fieldErrors?: FieldError[];
  correlationId?: string;
  /** Extra facts for the client, e.g. the current version on a conflict. */
  details?: Record<string, unknown>;
}
