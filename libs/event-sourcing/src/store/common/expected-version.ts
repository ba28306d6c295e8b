import { InvalidAppendError, WrongExpectedVersionError } from '../event-store.errors';
import type { ExpectedVersion } from '../event-store.port';

/** Refuses an expected version that is neither 'any', 'no-stream' nor an integer >= 0. */
export function assertExpectedVersion(expected: ExpectedVersion): void {
  if (expected === 'any' || expected === 'no-stream') return;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidAppendError(
      `Expected version must be an integer >= 0, 'no-stream' or 'any' (got ${String(expected)})`,
    );
  }
}

/** Whether a stream at `actual` satisfies the writer's expectation. */
export function satisfiesExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  return (expected === 'no-stream' ? 0 : expected) === actual;
}

/** Throws WrongExpectedVersionError unless the stream at `actual` satisfies `expected`. */
export function checkExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): void {
  if (!satisfiesExpectedVersion(expected, actual)) {
    throw new WrongExpectedVersionError(streamId, expected, actual);
  }
}
