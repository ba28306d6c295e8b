import type { ReadAllOptions } from '../event-store.port';

export const DEFAULT_READ_ALL_LIMIT = 1000;

/** ReadAllOptions with defaults applied; refuses positions and limits that are not counts. */
export function readAllBounds(options: ReadAllOptions): { afterPosition: number; limit: number } {
  const afterPosition = options.afterPosition;
  const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
  if (!Number.isSafeInteger(afterPosition) || afterPosition < 0) {
    throw new RangeError(
      `readAll: afterPosition must be an integer >= 0 (got ${String(afterPosition)})`,
    );
  }
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`readAll: limit must be an integer >= 1 (got ${String(limit)})`);
  }
  return { afterPosition, limit };
}

/** The first version readStream returns (default 1); refuses what is not a version. */
export function fromVersionOf(fromVersion: number | undefined): number {
  const from = fromVersion ?? 1;
  if (!Number.isSafeInteger(from) || from < 1) {
    throw new RangeError(
      `readStream: fromVersion must be an integer >= 1 (got ${String(fromVersion)})`,
    );
  }
  return from;
}
