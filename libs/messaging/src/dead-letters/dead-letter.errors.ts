import type { FieldError } from '../validation/field-errors';

export type { FieldError } from '../validation/field-errors';

/**
 * Why a message went to the dead-letter topic (its `dlq-reason` header), and
 * what each reason means. docs/security.md's table of codes is printed from
 * this (libs/messaging/src/cli/command-codes.cli.ts).
 */
export const DEAD_LETTER_REASONS = {
  unauthorised:
    'The sender could not be attributed: no signature, an unknown, revoked or expired key, a disabled client, or a signature that does not match the bytes. Checked first: nothing else of such a message is read.',
  undecodable:
    'The value cannot be read (a command: once its sender is attributed): no value (a tombstone), bytes that are not UTF-8, or text that is not JSON. The dead letter holds the bytes as they came.',
  'schema-invalid':
    'Readable, but not a valid message: a required header missing, an unknown command or event type, or a payload its schema (a command: its DTO) refuses; the field errors are in `dlq-field-errors`.',
  failed:
    'A valid command whose handling failed for good (after the retries, or at once for a permanent failure): a fault of the platform, not of the sender.',
} as const;

export type DeadLetterReason = keyof typeof DEAD_LETTER_REASONS;

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
