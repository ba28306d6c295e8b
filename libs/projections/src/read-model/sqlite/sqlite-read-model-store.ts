import type Database from 'better-sqlite3';
import { SqliteStoreConnection } from '@sfp/event-sourcing';
import { parseDocument } from '../read-model.document';
import { ProjectionStateConflictError } from '../read-model.errors';
import type {
  Checkpoint,
  Condition,
  ProjectionState,
  ReadModelStore,
  ValidatedQuery,
  WriteBatch,
} from '../read-model-store.port';
import {
  assertValidTable,
  physicalName,
  type ReadModelTable,
  type StoredRecord,
} from '../read-model.types';
import { columnOf, orderBySql, sqlValue, translateWhere } from './sqlite-query.translator';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

export const DEFAULT_SQLITE_READ_MODEL_FILE = './data/read-models.sqlite';

export interface SqliteReadModelStoreOptions {
  /** The database file (default `./data/read-models.sqlite`, `:memory:` for tests); ignored with `database`. */
  filename?: string;
  /** An open connection to share (e.g. the event store's); the store then does not close it. */
  database?: Database.Database;
  /**
   * Who checkpoints the write-ahead log of a file the store opens (default
   * `background`): `background` a worker thread every 200 ms, the store's own
   * connection only when the log passes 10,000 pages (40 MB) all the same;
   * `inline` the store's connection, at SQLite's default 1,000 pages.
   */
  checkpoints?: 'background' | 'inline';
}

/** Ids per load statement: 64, 32, …, 1 (a batch of 100 ids is 64 + 32 + 4). */
const LOAD_CHUNK_SIZES = [64, 32, 16, 8, 4, 2, 1];

/** Pages of log after which the store's own connection checkpoints when a thread does it too. */
const FALLBACK_CHECKPOINT_PAGES = 10_000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS rm_checkpoints (
    read_model TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL, last_error TEXT
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS rm_projections (
    name TEXT PRIMARY KEY, revision INTEGER NOT NULL, state TEXT NOT NULL
  ) WITHOUT ROWID;
`;

interface RecordRow {
  id: string;
  position: number;
  json: string | null;
}

interface CheckpointRow {
  position: number;
  updated_at: string;
  last_error: string | null;
}

/**
 * The embedded read-model store (better-sqlite3). One table per read-model
 * version: `id` (primary key), `position` (the guard), `json` (the document,
 * NULL for a tombstone) and one column `f_<name>` per declared field, each with
 * an index on (field, id) for filters, sorts and keyset pagination. The field
 * columns have no declared type, so SQLite stores values as given.
 *
 * Every operation is synchronous inside (better-sqlite3), so no transaction
 * stays open across an await: queries sharing the connection never see half a
 * batch. A batch and its checkpoint commit in one transaction.
 */
export class SqliteReadModelStore implements ReadModelStore {
  readonly database: Database.Database;
  private readonly connection: SqliteStoreConnection;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly statements = new Map<string, Map<string, Database.Statement>>();

  constructor(options: SqliteReadModelStoreOptions = {}) {
    const filename = options.filename ?? DEFAULT_SQLITE_READ_MODEL_FILE;
    // Read models can be rebuilt from the events: NORMAL keeps them consistent
    // after a crash (documents and checkpoint commit together) without an fsync per batch.
    this.connection = SqliteStoreConnection.open(
      options.database ? { database: options.database } : { filename },
      { synchronous: 'NORMAL', busyTimeoutMs: 5000 },
    );
    this.database = this.connection.db;
    if (this.connection.owned && filename !== ':memory:' && options.checkpoints !== 'inline') {
      // Batches write pages all over the field indexes; checkpointing them
      // (and the fsync that ends each checkpoint) is the thread's job.
      this.database.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
      this.checkpointer = startWalCheckpointer(filename);
    }
    this.database.exec(SCHEMA);
  }

  async ensureTable(table: ReadModelTable): Promise<void> {
    assertValidTable(table);
    const name = physicalName(table);
    const fieldColumns = Object.keys(table.fields)
      .map((field) => `, "f_${field}"`)
      .join('');
    this.database.exec(
      `CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, json TEXT${fieldColumns})`,
    );
    for (const field of Object.keys(table.fields)) {
      this.database.exec(
        `CREATE INDEX IF NOT EXISTS "${name}__${field}" ON "${name}" ("f_${field}", id)`,
      );
    }
  }

  async dropTable(table: ReadModelTable): Promise<void> {
    assertValidTable(table);
    const name = physicalName(table);
    this.statements.delete(name);
    this.database.transaction(() => {
      this.database.exec(`DROP TABLE IF EXISTS "${name}"`);
      this.statement('', 'DELETE FROM rm_checkpoints WHERE read_model = ?').run(name);
    })();
  }

  async load(table: ReadModelTable, ids: readonly string[]): Promise<StoredRecord[]> {
    const name = physicalName(table);
    const unique = [...new Set(ids)];
    const records: StoredRecord[] = [];
    // One statement per chunk of ids; chunk sizes are powers of two, so a table
    // needs at most seven statements.
    let offset = 0;
    for (const size of LOAD_CHUNK_SIZES) {
      while (unique.length - offset >= size) {
        const select = this.statement(
          name,
          `SELECT id, position, json FROM "${name}" WHERE id IN (${'?, '.repeat(size - 1)}?)`,
        );
        for (const row of select.all(...unique.slice(offset, offset + size)) as RecordRow[])
          records.push(toRecord(row));
        offset += size;
      }
    }
    return records;
  }

  async find(table: ReadModelTable, query: ValidatedQuery): Promise<StoredRecord[]> {
    const name = physicalName(table);
    const where = translateWhere(table, query.where);
    const order = orderBySql(columnOf(table, query.sort.field), query.sort.direction);
    const rows = this.statement(
      name,
      `SELECT id, position, json FROM "${name}" WHERE ${where.sql} ORDER BY ${order} LIMIT ?`,
    ).all(...where.params, query.limit) as RecordRow[];
    return rows.map(toRecord);
  }

  async count(table: ReadModelTable, where: readonly Condition[]): Promise<number> {
    const name = physicalName(table);
    const translated = translateWhere(table, where);
    const row = this.statement(
      name,
      `SELECT COUNT(*) AS n FROM "${name}" WHERE ${translated.sql}`,
    ).get(...translated.params) as { n: number };
    return row.n;
  }

  async write(batch: WriteBatch): Promise<number> {
    const name = physicalName(batch.table);
    const fields = Object.keys(batch.table.fields);
    const columns = ['id', 'position', 'json', ...fields.map((field) => `"f_${field}"`)];
    const upsert = this.statement(
      name,
      `INSERT INTO "${name}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${columns
         .slice(1)
         .map((column) => `${column} = excluded.${column}`)
         .join(', ')}
       WHERE "${name}".position < excluded.position`,
    );
    return this.database.transaction(() => {
      let applied = 0;
      for (const write of batch.writes) {
        const values = fields.map((field) => sqlValue(write.fields[field] ?? null));
        applied += upsert.run(write.id, write.position, write.json, ...values).changes;
      }
      if (batch.checkpoint) this.saveCheckpointNow(batch.checkpoint);
      return applied;
    })();
  }

  async loadCheckpoint(readModel: string): Promise<Checkpoint | undefined> {
    const row = this.statement(
      '',
      'SELECT position, updated_at, last_error FROM rm_checkpoints WHERE read_model = ?',
    ).get(readModel) as CheckpointRow | undefined;
    if (!row) return undefined;
    return {
      readModel,
      position: row.position,
      updatedAt: row.updated_at,
      ...(row.last_error === null ? {} : { lastError: JSON.parse(row.last_error) }),
    };
  }

  async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    this.saveCheckpointNow(checkpoint);
  }

  async loadState(name: string): Promise<ProjectionState | undefined> {
    const row = this.statement('', 'SELECT revision, state FROM rm_projections WHERE name = ?').get(
      name,
    ) as { revision: number; state: string } | undefined;
    return row
      ? { ...(JSON.parse(row.state) as ProjectionState), revision: row.revision }
      : undefined;
  }

  async saveState(state: ProjectionState): Promise<ProjectionState> {
    const next = { ...state, revision: state.revision + 1 };
    const json = JSON.stringify(next);
    const changes =
      state.revision === 0
        ? this.statement(
            '',
            'INSERT OR IGNORE INTO rm_projections (name, revision, state) VALUES (?, 1, ?)',
          ).run(state.name, json).changes
        : this.statement(
            '',
            'UPDATE rm_projections SET revision = revision + 1, state = ? WHERE name = ? AND revision = ?',
          ).run(json, state.name, state.revision).changes;
    if (changes !== 1) throw new ProjectionStateConflictError(state.name, state.revision);
    return next;
  }

  async listStates(): Promise<ProjectionState[]> {
    const rows = this.statement(
      '',
      'SELECT revision, state FROM rm_projections ORDER BY name',
    ).all() as {
      revision: number;
      state: string;
    }[];
    return rows.map((row) => ({
      ...(JSON.parse(row.state) as ProjectionState),
      revision: row.revision,
    }));
  }

  async close(): Promise<void> {
    this.statements.clear();
    await this.checkpointer?.close();
    this.connection.close();
  }

  private saveCheckpointNow(checkpoint: Checkpoint): void {
    this.statement(
      '',
      `INSERT INTO rm_checkpoints (read_model, position, updated_at, last_error) VALUES (?, ?, ?, ?)
       ON CONFLICT (read_model) DO UPDATE SET
         position = excluded.position, updated_at = excluded.updated_at, last_error = excluded.last_error`,
    ).run(
      checkpoint.readModel,
      checkpoint.position,
      checkpoint.updatedAt,
      checkpoint.lastError ? JSON.stringify(checkpoint.lastError) : null,
    );
  }

  /** Prepared statements, cached per table so that dropping a table forgets its own. */
  private statement(tableName: string, sql: string): Database.Statement {
    let cache = this.statements.get(tableName);
    if (!cache) {
      cache = new Map();
      this.statements.set(tableName, cache);
    }
    let statement = cache.get(sql);
    if (!statement) {
      // Filters make many distinct statements; keep the cache bounded.
      if (cache.size >= 200) cache.clear();
      statement = this.database.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }
}

function toRecord(row: RecordRow): StoredRecord {
  return { id: row.id, position: row.position, data: parseDocument(row.json) };
}
