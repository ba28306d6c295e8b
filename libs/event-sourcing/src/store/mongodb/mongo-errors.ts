import { mongo } from 'mongoose';

const DUPLICATE_KEY = 11000;

/**
 * Whether a write failed on a unique index. FerretDB v1 names neither the index
 * nor the key in this error, so callers find out which key collided by looking.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

/**
 * For an ordered insertMany that failed on a unique index: the index of the
 * document that collided (all before it are stored, none after it).
 * Undefined when the failure was something else (then nothing is known).
 */
export function duplicateIndexOf(error: unknown): number | undefined {
  if (!(error instanceof mongo.MongoBulkWriteError))
    return isDuplicateKeyError(error) ? 0 : undefined;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const first = writeErrors[0];
  if (!first || first.code !== DUPLICATE_KEY) return undefined;
  return first.index;
}

/**
 * How many documents an ordered insertMany that failed at `index` stored
 * after it (the server's count of inserted documents beyond the collision):
 * 0 on MongoDB, which stops at the first error. FerretDB v1.24.2 as released
 * went on with the insert's later batches of 100 (infra/local's patch stops it).
 */
export function storedPastCollision(error: unknown, index: number): number {
  if (!(error instanceof mongo.MongoBulkWriteError)) return 0;
  const inserted = (error.result as { insertedCount?: unknown } | undefined)?.insertedCount;
  return typeof inserted === 'number' ? Math.max(0, inserted - index) : 0;
}
