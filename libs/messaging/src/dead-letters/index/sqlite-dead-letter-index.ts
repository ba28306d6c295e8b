import type Database from 'better-sqlite3';
import { openSqliteDatabase } from '@sfp/event-sourcing';
import type { DeadLetterEntry } from './dead-letter-entry';
import {
  cursorOf,
  parseCursor,
  type DeadLetterIndex,
  type DeadLetterPage,
  type DeadLetterQuery,
} from './dead-letter-index.port';

/** Embedded dead-letter index: one table, insertion order as the page order. */
export class SqliteDeadLetterIndex implements DeadLetterIndex {
  private readonly db: Database.Database;

  constructor(options: { filename: string }) {
    this.db = openSqliteDatabase(options.filename, { synchronous: 'FULL', busyTimeoutMs: 5000 });
    this.db.exec(`CREATE TABLE IF NOT EXISTS messaging_dead_letters (
      id TEXT PRIMARY KEY, dlq_topic TEXT NOT NULL, at TEXT NOT NULL,
      status TEXT NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS messaging_dead_letters_at ON messaging_dead_letters (at DESC, id DESC);`);
  }

  async record(entry: DeadLetterEntry): Promise<boolean> {
    return (
      this.db
        .prepare(
          'INSERT OR IGNORE INTO messaging_dead_letters (id, dlq_topic, at, status, data) VALUES (?, ?, ?, ?, ?)',
        )
        .run(entry.id, entry.dlqTopic, entry.deadLetteredAt, entry.status, JSON.stringify(entry))
        .changes === 1
    );
  }

  async get(id: string): Promise<DeadLetterEntry | undefined> {
    const row = this.db.prepare('SELECT data FROM messaging_dead_letters WHERE id = ?').get(id) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as DeadLetterEntry) : undefined;
  }

  async list(query: DeadLetterQuery): Promise<DeadLetterPage> {
    const limit = Math.min(query.limit ?? 50, 200);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.dlqTopics) {
      if (query.dlqTopics.length === 0) return { items: [] };
      where.push(`dlq_topic IN (${query.dlqTopics.map(() => '?').join(', ')})`);
      params.push(...query.dlqTopics);
    }
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    const after = query.cursor ? parseCursor(query.cursor) : undefined;
    if (after) {
      where.push('(at < ? OR (at = ? AND id < ?))');
      params.push(after.at, after.at, after.id);
    }
    const rows = this.db
      .prepare(
        `SELECT data FROM messaging_dead_letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(...params, limit + 1) as Array<{ data: string }>;
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.data) as DeadLetterEntry);
    const last = items.at(-1);
    return { items, ...(rows.length > limit && last ? { nextCursor: cursorOf(last) } : {}) };
  }

  async summary(): Promise<Array<{ dlqTopic: string; pending: number; redriven: number }>> {
    const rows = this.db
      .prepare(
        'SELECT dlq_topic AS topic, status, COUNT(*) AS n FROM messaging_dead_letters GROUP BY dlq_topic, status ORDER BY dlq_topic',
      )
      .all() as Array<{ topic: string; status: string; n: number }>;
    const byTopic = new Map<string, { dlqTopic: string; pending: number; redriven: number }>();
    for (const r of rows) {
      const s = byTopic.get(r.topic) ?? { dlqTopic: r.topic, pending: 0, redriven: 0 };
      if (r.status === 'pending') s.pending = r.n;
      else s.redriven = r.n;
      byTopic.set(r.topic, s);
    }
    return [...byTopic.values()];
  }

  async claimRedrive(id: string, at: string, by: string): Promise<boolean> {
    return (
      this.db
        .prepare(
          `UPDATE messaging_dead_letters SET status = 'redriven',
             data = json_set(data, '$.status', 'redriven', '$.redrivenAt', ?, '$.redrivenBy', ?)
           WHERE id = ? AND status = 'pending'`,
        )
        .run(at, by, id).changes === 1
    );
  }

  async releaseRedrive(id: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE messaging_dead_letters SET status = 'pending',
           data = json_remove(json_set(data, '$.status', 'pending'), '$.redrivenAt', '$.redrivenBy')
         WHERE id = ?`,
      )
      .run(id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
