import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertSnapshot } from './memory.snapshot-store';
import type { Snapshot, SnapshotStore } from './snapshot-store.port';

export type SqliteSnapshotStoreOptions =
  /** Opens (and owns) its own file, WAL mode. */
  | { filename: string; table?: string }
  /** Shares a connection (e.g. the event store's file); `close` leaves it open. */
  | { database: Database.Database; table?: string };

interface SnapshotRow {
  version: number;
  schemaVersion: number;
  state: string;
}

/** Snapshots in a SQLite table, one row per stream, state as JSON text. */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly db: Database.Database;
  private readonly ownsDatabase: boolean;
  private readonly upsert: Database.Statement<[string, number, number, string]>;
  private readonly select: Database.Statement<[string], SnapshotRow>;

  constructor(options: SqliteSnapshotStoreOptions) {
    const table = options.table ?? 'sfp_snapshots';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table))
      throw new TypeError(`Invalid table name: ${table}`);
    if ('database' in options) {
      this.db = options.database;
      this.ownsDatabase = false;
    } else {
      if (options.filename !== ':memory:')
        mkdirSync(dirname(options.filename), { recursive: true });
      this.db = new Database(options.filename);
      this.db.pragma('journal_mode = WAL');
      // A lost snapshot costs one longer replay, never data: no fsync per save.
      this.db.pragma('synchronous = NORMAL');
      this.ownsDatabase = true;
    }
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (
         stream_id TEXT PRIMARY KEY,
         version INTEGER NOT NULL,
         schema_version INTEGER NOT NULL,
         state TEXT NOT NULL
       ) WITHOUT ROWID`,
    );
    // The rule of SnapshotStore, in one statement: a higher (or equal) version replaces.
    this.upsert = this.db.prepare(
      `INSERT INTO ${table} (stream_id, version, schema_version, state) VALUES (?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET
         version = excluded.version, schema_version = excluded.schema_version, state = excluded.state
       WHERE excluded.version >= ${table}.version`,
    );
    this.select = this.db.prepare(
      `SELECT version, schema_version AS schemaVersion, state FROM ${table} WHERE stream_id = ?`,
    );
  }

  async load(streamId: string): Promise<Snapshot | undefined> {
    const row = this.select.get(streamId);
    return (
      row && {
        streamId,
        version: row.version,
        schemaVersion: row.schemaVersion,
        state: JSON.parse(row.state),
      }
    );
  }

  async save(snapshot: Snapshot): Promise<void> {
    assertSnapshot(snapshot);
    this.upsert.run(
      snapshot.streamId,
      snapshot.version,
      snapshot.schemaVersion,
      JSON.stringify(snapshot.state),
    );
  }

  async close(): Promise<void> {
    if (this.ownsDatabase && this.db.open) this.db.close();
  }
}
