import type Database from 'better-sqlite3';
import {
  SqliteStoreConnection,
  sqlTableName,
  type SqliteSource,
} from '../../store/sqlite/sqlite-database';
import {
  assertSubjectId,
  generateSubjectKey,
  type KeyStore,
  type SubjectKey,
} from './key-store.port';

/**
 * `filename`: opens (and owns) its own file: WAL, synchronous=FULL, secure_delete.
 * `database`: shares a connection (e.g. the event store's file); `close` leaves it open.
 */
export type SqliteKeyStoreOptions = SqliteSource & { table?: string };

interface KeyRow {
  keyId: string;
  key: Buffer;
}

/**
 * Keys in a SQLite table. A created key is committed before it is returned (keep
 * synchronous=FULL on a shared connection: a key lost in a crash is data lost).
 * `secure_delete` is switched on for the connection so an erased key is overwritten
 * in the file, and the WAL is checkpointed after an erasure.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly connection: SqliteStoreConnection;
  private readonly db: Database.Database;
  private readonly insertKey: Database.Statement<[string, string, Buffer, string]>;
  private readonly selectKey: Database.Statement<[string], KeyRow>;
  private readonly deleteKey: Database.Statement<[string]>;

  constructor(options: SqliteKeyStoreOptions) {
    const table = sqlTableName(options.table ?? 'sfp_subject_keys');
    this.connection = SqliteStoreConnection.open(options, { synchronous: 'FULL' });
    this.db = this.connection.db;
    this.db.pragma('secure_delete = ON');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (
         subject_id TEXT PRIMARY KEY,
         key_id TEXT NOT NULL,
         key BLOB NOT NULL,
         created_at TEXT NOT NULL
       ) WITHOUT ROWID`,
    );
    this.insertKey = this.db.prepare(
      `INSERT INTO ${table} (subject_id, key_id, key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING`,
    );
    this.selectKey = this.db.prepare(
      `SELECT key_id AS keyId, key FROM ${table} WHERE subject_id = ?`,
    );
    this.deleteKey = this.db.prepare(`DELETE FROM ${table} WHERE subject_id = ?`);
  }

  async getOrCreateKey(subjectId: string): Promise<SubjectKey> {
    assertSubjectId(subjectId);
    const candidate = generateSubjectKey(subjectId);
    // Insert-if-absent then read: whoever inserted first wins, every caller gets that key.
    this.insertKey.run(subjectId, candidate.keyId, candidate.key, new Date().toISOString());
    const row = this.selectKey.get(subjectId);
    if (!row) throw new Error(`Key of subject ${subjectId} vanished while it was being created`);
    return { subjectId, keyId: row.keyId, key: row.key };
  }

  async getKey(subjectId: string): Promise<SubjectKey | undefined> {
    assertSubjectId(subjectId);
    const row = this.selectKey.get(subjectId);
    return row && { subjectId, keyId: row.keyId, key: row.key };
  }

  async erase(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    const erased = this.deleteKey.run(subjectId).changes > 0;
    if (erased) {
      try {
        // Old pages holding the key may sit in the WAL until a checkpoint copies them over.
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // A busy checkpoint is retried by SQLite's own automatic checkpoints.
      }
    }
    return erased;
  }

  async close(): Promise<void> {
    this.connection.close();
  }
}
