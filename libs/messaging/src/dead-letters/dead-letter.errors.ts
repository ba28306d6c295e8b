import type { FieldError } from '../validation/field-errors';

export type { FieldError } from '../validation/field-errors';

/** Why a message went to the dead-letter topic. */
export type DeadLetterReason = 'undecodable' | 'schema-invalid' | 'unauthorised' | 'failed';

/**
 * Thrown by a decoder or handler for a message that no retry can fix: the
 * consumer sends it to the dead-letter topic at once, with this reason.
 */
export class DeadLetterError extends Error {
  constructor(
    readonly reason: DeadLetterReason,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DeadLetterError';
  }
}

/** A handler failure that retrying will not fix (a bug, a refused command); dead-lettered at once. */
export class PermanentFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentFailure';
  }
}
