import { HttpStatus } from '@nestjs/common';
import type { ErrorBody } from './problem';

/** What a client is told to wait before sending a command again that the storage refused. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/**
 * The answer to a storage failure of the embedded platform (SQLite files and
 * other files under SFP_DATA_DIR), from the error's `code` (better-sqlite3's
 * `SQLITE_*`, Node's errno names):
 * - the disk is full (SQLITE_FULL, ENOSPC, EDQUOT): 507 STORAGE_FULL;
 * - the data cannot be written (SQLITE_READONLY*, EROFS): 507 STORAGE_READ_ONLY;
 * - the files cannot be read or written (SQLITE_IOERR*, SQLITE_CANTOPEN*):
 *   503 STORAGE_UNAVAILABLE;
 * each with `Retry-After`: the command was not completed, an operator has to
 * act on the data directory, and the same command may be sent again later.
 * Undefined for any other error.
 */
export function storageErrorBody(exception: unknown): ErrorBody | undefined {
  const code = (exception as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const details = { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS };
  const retry = `send the command again after the Retry-After header's seconds`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return {
      statusCode: HttpStatus.INSUFFICIENT_STORAGE,
      code: 'STORAGE_FULL',
      message: `The disk holding the platform's data is full, so the command was not completed: an operator must free space in the data directory (SFP_DATA_DIR); ${retry}`,
      details,
    };
  }
  if (code === 'EROFS' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return {
      statusCode: HttpStatus.INSUFFICIENT_STORAGE,
      code: 'STORAGE_READ_ONLY',
      message: `The platform's data directory cannot be written (it is read-only), so the command was not completed: an operator must make SFP_DATA_DIR writable again; ${retry}`,
      details,
    };
  }
  if (/^SQLITE_(IOERR|CANTOPEN)(_|$)/.test(code)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'STORAGE_UNAVAILABLE',
      message: `The platform could not read or write its data files (${code}), so the request was not completed: an operator must check the disk of the data directory (SFP_DATA_DIR); ${retry}`,
      details,
    };
  }
  return undefined;
}
