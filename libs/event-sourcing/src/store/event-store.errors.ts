import { CodedError } from '../coded-error';
import type { ExpectedVersion } from './event-store.port';

/** The stream is not at the version the writer expected: someone else wrote first. */
export class WrongExpectedVersionError extends CodedError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    /** The stream's version when the append was refused (0 when it does not exist). */
    readonly actualVersion: number,
  ) {
    super(
      'WRONG_EXPECTED_VERSION',
      `Stream ${streamId} is at version ${actualVersion}, but the append expected ${
        expectedVersion === 'no-stream' ? 'no stream' : `version ${expectedVersion}`
      }`,
    );
  }
}

/** An event with this eventId is already stored: the whole append is refused. */
export class DuplicateEventError extends CodedError {
  constructor(readonly eventId: string) {
    super(
      'DUPLICATE_EVENT',
      `An event with id ${eventId} is already stored; the append was refused`,
    );
  }
}

/** The append itself is malformed (empty, bad stream id, non-JSON data). */
export class InvalidAppendError extends CodedError {
  constructor(message: string) {
    super('INVALID_APPEND', message);
  }
}
