import { accessSync, constants, mkdirSync, statfsSync } from 'node:fs';
import type { ReadinessCheck } from '@sfp/service-kit';

/** Below this many free bytes on its file system, readiness reports the data directory full. */
export const DATA_DIRECTORY_MIN_FREE_BYTES = 1024 * 1024;

/** Why `dataDir` cannot be written, in words, from the error of the check. */
function reasonOf(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EROFS':
      return 'it is on a read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'this process may not write it';
    case 'ENOSPC':
      return 'its disk is full';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Makes the data directory (SFP_DATA_DIR) when it is missing, and stops the
 * start there, saying why and what to do, when it cannot be written: rather
 * than SQLite's "unable to open database file" from whichever file is opened first.
 */
export function ensureWritableDataDirectory(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new Error(
      `The data directory ${dataDir} (SFP_DATA_DIR) cannot be written: ${reasonOf(error)}. ` +
        'Mount it read-write or give this process write access to it, or set SFP_DATA_DIR to a writable folder',
    );
  }
}

/**
 * The readiness check `data-directory`: down while the data directory cannot
 * be written or its disk has less than `minFreeBytes` free (commands are
 * then refused 507 STORAGE_FULL / STORAGE_READ_ONLY).
 */
export function dataDirectoryReadiness(
  dataDir: string,
  minFreeBytes = DATA_DIRECTORY_MIN_FREE_BYTES,
): ReadinessCheck {
  return {
    name: 'data-directory',
    check: async () => {
      try {
        accessSync(dataDir, constants.W_OK);
      } catch (error) {
        throw new Error(`${dataDir} cannot be written: ${reasonOf(error)}`);
      }
      const { bavail, bsize } = statfsSync(dataDir);
      const free = bavail * bsize;
      if (free < minFreeBytes) {
        throw new Error(
          `the disk of ${dataDir} is full: ${free} bytes free, below ${minFreeBytes}; free space there`,
        );
      }
    },
  };
}
