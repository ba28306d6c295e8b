import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SqliteFileOptions {
  /**
   * `FULL` (default): the write-ahead log is fsynced at each commit, so what a
   * commit acknowledged survives a power cut. `NORMAL`: consistent after a
   * crash but the last commits may be lost, for data that can be rebuilt.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a write waits for another connection's lock, in ms (default: SQLite's, none). */
  busyTimeoutMs?: number;
}

/**
 * Opens a SQLite file as the platform's stores do: its folder created if
 * needed (not for `:memory:`), write-ahead log, the `synchronous` level and
 * busy timeout asked.
 */
export function openSqliteDatabase(
  filename: string,
  options: SqliteFileOptions = {},
): Database.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  return db;
}

/** Where a store keeps its tables: a file it opens (and closes), or a connection its caller shares. */
export type SqliteSource = { filename: string } | { database: Database.Database };

/** The connection of a store, and whether the store owns it (opened it, so closes it). */
export class SqliteStoreConnection {
  private constructor(
    readonly db: Database.Database,
    readonly owned: boolean,
  ) {}

  /** Opens `source.filename` with `options`, or shares `source.database` as it is. */
  static open(source: SqliteSource, options: SqliteFileOptions = {}): SqliteStoreConnection {
    return 'database' in source
      ? new SqliteStoreConnection(source.database, false)
      : new SqliteStoreConnection(openSqliteDatabase(source.filename, options), true);
  }

  /** Closes an owned connection (once); a shared one is left open for its owner. */
  close(): void {
    if (this.owned && this.db.open) this.db.close();
  }
}

/** The table name, when it is a plain SQL identifier (it is put into statements as is). */
export function sqlTableName(table: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new TypeError(`Invalid table name: ${table}`);
  return table;
}
