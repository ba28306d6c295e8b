import type { Connection, mongo } from 'mongoose';
import type { DeadLetterEntry } from './dead-letter-entry';
import {
  cursorOf,
  parseCursor,
  type DeadLetterIndex,
  type DeadLetterPage,
  type DeadLetterQuery,
} from './dead-letter-index.port';

interface StoredEntry {
  _id: string;
  entry: DeadLetterEntry;
  dlqTopic: string;
  at: string;
  status: DeadLetterEntry['status'];
}

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Distributed dead-letter index in the context's database. A re-drive is
 * claimed by inserting `_id` = the entry id into a claims collection: FerretDB
 * v1 does not make a conditional update atomic, a unique `_id` it does.
 */
export class MongoDeadLetterIndex implements DeadLetterIndex {
  private readonly entries: mongo.Collection<StoredEntry>;
  private readonly claims: mongo.Collection<{ _id: string; at: string; by: string }>;

  constructor(connection: Connection) {
    if (!connection.db) throw new Error('The MongoDB connection is not open');
    this.entries = connection.db.collection<StoredEntry>('messaging_dead_letters');
    this.claims = connection.db.collection<{ _id: string; at: string; by: string }>(
      'messaging_dead_letter_redrives',
    );
  }

  async record(entry: DeadLetterEntry): Promise<boolean> {
    try {
      await this.entries.insertOne({
        _id: entry.id,
        entry,
        dlqTopic: entry.dlqTopic,
        at: entry.deadLetteredAt,
        status: entry.status,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<DeadLetterEntry | undefined> {
    return (await this.entries.findOne({ _id: id }))?.entry;
  }

  async list(query: DeadLetterQuery): Promise<DeadLetterPage> {
    const limit = Math.min(query.limit ?? 50, 200);
    const filter: mongo.Filter<StoredEntry> = {};
    if (query.dlqTopics) filter.dlqTopic = { $in: [...query.dlqTopics] };
    if (query.status) filter.status = query.status;
    const after = query.cursor ? parseCursor(query.cursor) : undefined;
    if (after) filter.$or = [{ at: { $lt: after.at } }, { at: after.at, _id: { $lt: after.id } }];
    const docs = await this.entries
      .find(filter)
      .sort({ at: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    const items = docs.slice(0, limit).map((d) => d.entry);
    const last = items.at(-1);
    return { items, ...(docs.length > limit && last ? { nextCursor: cursorOf(last) } : {}) };
  }

  async summary(): Promise<Array<{ dlqTopic: string; pending: number; redriven: number }>> {
    const byTopic = new Map<string, { dlqTopic: string; pending: number; redriven: number }>();
    for await (const doc of this.entries.find({}, { projection: { dlqTopic: 1, status: 1 } })) {
      const s = byTopic.get(doc.dlqTopic) ?? { dlqTopic: doc.dlqTopic, pending: 0, redriven: 0 };
      s[doc.status === 'pending' ? 'pending' : 'redriven']++;
      byTopic.set(doc.dlqTopic, s);
    }
    return [...byTopic.values()].sort((a, b) => a.dlqTopic.localeCompare(b.dlqTopic));
  }

  async claimRedrive(id: string, at: string, by: string): Promise<boolean> {
    const stored = await this.entries.findOne({ _id: id });
    if (!stored || stored.status !== 'pending') return false;
    try {
      await this.claims.insertOne({ _id: id, at, by });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    await this.entries.updateOne(
      { _id: id },
      {
        $set: {
          status: 'redriven',
          entry: { ...stored.entry, status: 'redriven', redrivenAt: at, redrivenBy: by },
        },
      },
    );
    return true;
  }

  async releaseRedrive(id: string): Promise<void> {
    const stored = await this.entries.findOne({ _id: id });
    if (stored) {
      const { redrivenAt: _a, redrivenBy: _b, ...entry } = stored.entry;
      await this.entries.updateOne(
        { _id: id },
        { $set: { status: 'pending', entry: { ...entry, status: 'pending' } } },
      );
    }
    await this.claims.deleteOne({ _id: id });
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }
}
