import type { ExpectedVersion } from './event-store.port';

/** The stream is not at the version the writer expected: someone else wrote first. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    /** The stream's version when the append was refused (0 when it does not exist). */
    readonly actualVersion: number,
  ) {
    super(
      `Stream ${streamId} is at version ${actualVersion}, but the append expected ${
        expectedVersion === 'no-stream' ? 'no stream' : `version ${expectedVersion}`
      }`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

/** An event with this eventId is already stored: the whole append is refused. */
export class DuplicateEventError extends Error {
  readonly code = 'DUPLICATE_EVENT';
  constructor(readonly eventId: string) {
    super(`An event with id ${eventId} is already stored; the append was refused`);
    this.name = 'DuplicateEventError';
  }
}

/** The append itself is malformed (empty, bad stream id, non-JSON data). */
export class InvalidAppendError extends Error {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
