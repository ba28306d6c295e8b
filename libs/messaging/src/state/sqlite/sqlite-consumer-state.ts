import { openSqliteDatabase } from '@sfp/event-sourcing';
import type {
  CheckpointStore,
  ConsumerStateStores,
  LeaseStore,
  ProcessedMessage,
  ProcessedMessageStore,
} from '../consumer-state.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS messaging_checkpoints (
    name TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS messaging_leases (
    name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS messaging_processed (
    group_id TEXT NOT NULL, message_id TEXT NOT NULL, outcome TEXT, processed_at TEXT NOT NULL,
    PRIMARY KEY (group_id, message_id)
  ) WITHOUT ROWID;
`;

/** Consumer state in a SQLite file (embedded mode); WAL, durable commits. */
export function openSqliteConsumerState(
  filename: string,
  now: () => Date = () => new Date(),
): ConsumerStateStores & { close(): void } {
  const db = openSqliteDatabase(filename, { synchronous: 'FULL', busyTimeoutMs: 5000 });
  db.exec(SCHEMA);

  const loadCheckpoint = db.prepare('SELECT position FROM messaging_checkpoints WHERE name = ?');
  const saveCheckpoint = db.prepare(
    `INSERT INTO messaging_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
  );
  const checkpoints: CheckpointStore = {
    async load(name) {
      const row = loadCheckpoint.get(name) as { position: number } | undefined;
      return row?.position ?? 0;
    },
    async save(name, position) {
      // No fsync of its own: a checkpoint lost in a power cut only means the
      // follower (the outbox relay) does that batch again (at-least-once); the
      // next durable write of this file (a processed record, a lease) syncs it.
      db.pragma('synchronous = NORMAL');
      try {
        saveCheckpoint.run(name, position, now().toISOString());
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
  };

  const takeLease = db.prepare(
    `INSERT INTO messaging_leases (name, owner, expires_at) VALUES (@name, @owner, @expires)
     ON CONFLICT (name) DO UPDATE SET owner = @owner, expires_at = @expires
     WHERE messaging_leases.owner = @owner OR messaging_leases.expires_at <= @now`,
  );
  const releaseLease = db.prepare('DELETE FROM messaging_leases WHERE name = ? AND owner = ?');
  const leases: LeaseStore = {
    async acquire(name, owner, ttlMs) {
      const at = now().getTime();
      return takeLease.run({ name, owner, expires: at + ttlMs, now: at }).changes === 1;
    },
    async release(name, owner) {
      releaseLease.run(name, owner);
    },
  };

  const findProcessed = db.prepare(
    'SELECT outcome, processed_at AS processedAt FROM messaging_processed WHERE group_id = ? AND message_id = ?',
  );
  const recordProcessed = db.prepare(
    'INSERT OR IGNORE INTO messaging_processed (group_id, message_id, outcome, processed_at) VALUES (?, ?, ?, ?)',
  );
  const isProcessed = db
    .prepare('SELECT 1 FROM messaging_processed WHERE group_id = ? AND message_id = ?')
    .pluck();
  const recordAll = db.transaction((groupId: string, messageIds: readonly string[], at: string) => {
    for (const messageId of messageIds) recordProcessed.run(groupId, messageId, null, at);
  });
  const processed: ProcessedMessageStore = {
    async findMany(groupId, messageIds) {
      return new Set(
        messageIds.filter((messageId) => isProcessed.get(groupId, messageId) !== undefined),
      );
    },
    async recordMany(groupId, messageIds) {
      if (messageIds.length === 0) return;
      // One transaction, and no fsync of its own. These are a batch handler's
      // records (startReliableConsumer's handleBatch: views, whose writes are
      // guarded by position). Lost in a power cut, they only mean that the
      // batch is handled again, which such a handler must bear anyway: a crash
      // between its writes and this record does the same. The next durable
      // write of this file syncs them. Records with an outcome (`record`,
      // inbound commands) stay durable.
      db.pragma('synchronous = NORMAL');
      try {
        recordAll(groupId, messageIds, now().toISOString());
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
    async find(groupId, messageId) {
      const row = findProcessed.get(groupId, messageId) as
        | { outcome: string | null; processedAt: string }
        | undefined;
      if (!row) return undefined;
      const result: ProcessedMessage = { processedAt: row.processedAt };
      if (row.outcome !== null) result.outcome = JSON.parse(row.outcome);
      return result;
    },
    async record(groupId, messageId, outcome) {
      const json = outcome === undefined ? null : JSON.stringify(outcome);
      return recordProcessed.run(groupId, messageId, json, now().toISOString()).changes === 1;
    },
  };

  return { checkpoints, leases, processed, close: () => db.close() };
}
