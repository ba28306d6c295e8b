import type Database from 'better-sqlite3';
import {
  SqliteStoreConnection,
  sqlTableName,
  type SqliteSource,
} from '../../store/sqlite/sqlite-database';
import { assertSnapshot } from './memory.snapshot-store';
import type { Snapshot, SnapshotStore } from './snapshot-store.port';

/**
 * `filename`: opens (and owns) its own file, WAL mode.
 * `database`: shares a connection (e.g. the event store's file); `close` leaves it open.
 */
export type SqliteSnapshotStoreOptions = SqliteSource & { table?: string };

interface SnapshotRow {
  version: number;
  schemaVersion: number;
  state: string;
}

/** Snapshots in a SQLite table, one row per stream, state as JSON text. */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly connection: SqliteStoreConnection;
  private readonly upsert: Database.Statement<[string, number, number, string]>;
  private readonly select: Database.Statement<[string], SnapshotRow>;

  constructor(options: SqliteSnapshotStoreOptions) {
    const table = sqlTableName(options.table ?? 'sfp_snapshots');
    // A lost snapshot costs one longer replay, never data: no fsync per save.
    this.connection = SqliteStoreConnection.open(options, { synchronous: 'NORMAL' });
    const db = this.connection.db;
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (
         stream_id TEXT PRIMARY KEY,
         version INTEGER NOT NULL,
         schema_version INTEGER NOT NULL,
         state TEXT NOT NULL
       ) WITHOUT ROWID`,
    );
    // The rule of SnapshotStore, in one statement: a higher (or equal) version replaces.
    this.upsert = db.prepare(
      `INSERT INTO ${table} (stream_id, version, schema_version, state) VALUES (?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET
         version = excluded.version, schema_version = excluded.schema_version, state = excluded.state
       WHERE excluded.version >= ${table}.version`,
    );
    this.select = db.prepare(
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
    this.connection.close();
  }
}
