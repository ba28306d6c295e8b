import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { openSqliteDatabase } from '@sfp/event-sourcing';
import {
  assertConsumerHandlers,
  UnknownTopicError,
  type ConsumerOptions,
  type EventBus,
  type IncomingMessage,
  type OutgoingMessage,
  type PartitionLag,
  type RunningConsumer,
  type TopicSpec,
} from '../event-bus.port';
import { partitionForKey } from '../partitioner';
import { EMBEDDED_BUS_SCHEMA } from './embedded-bus.schema';
import { GroupCoordinator, type GroupMember } from './group-coordinator';

export interface EmbeddedEventBusOptions {
  /** SQLite file of the log (':memory:' for a throw-away bus). */
  filename: string;
  /** Messages read per partition per round (default 256). */
  batchSize?: number;
  /** Pause before a message whose handler threw is delivered again (default 200 ms). */
  retryDelayMs?: number;
  now?: () => Date;
}

interface MessageRow {
  offset: number;
  /** TEXT for a string published, BLOB for bytes published as they are (a dead letter's). */
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: string;
  timestamp: string;
}

/**
 * Headers as stored: a string stays a JSON string (what every row before
 * bytes were kept holds); bytes are `{ "base64": [...] }`, one per value.
 */
type StoredHeaders = Record<string, string | { base64: string[] }>;

function storeHeaders(headers: OutgoingMessage['headers']): string {
  const stored: StoredHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') stored[name] = value;
    else
      stored[name] = {
        base64: (Array.isArray(value) ? value : [value]).map((v) => v.toString('base64')),
      };
  }
  return JSON.stringify(stored);
}

function loadHeaders(json: string): Record<string, Buffer[]> {
  const headers: Record<string, Buffer[]> = {};
  for (const [name, value] of Object.entries(JSON.parse(json) as StoredHeaders)) {
    headers[name] =
      typeof value === 'string'
        ? [Buffer.from(value, 'utf8')]
        : value.base64.map((v) => Buffer.from(v, 'base64'));
  }
  return headers;
}

const bytesOfColumn = (column: string | Buffer | null): Buffer | null =>
  column === null ? null : Buffer.isBuffer(column) ? column : Buffer.from(column, 'utf8');

/**
 * The in-process bus of the embedded mode, with the semantics of the Kafka
 * adapter: a durable partitioned log (SQLite, WAL, synchronous=FULL), per-group
 * cursors committed after handling (at-least-once), one member of a group per
 * partition at a time (order per key), partitions shared among a group's members.
 */
export class EmbeddedEventBus implements EventBus {
  private readonly db: Database.Database;
  private readonly signal = new EventEmitter();
  private readonly coordinator = new GroupCoordinator();
  private readonly partitionsByTopic = new Map<string, number>();
  private readonly nextOffset = new Map<string, number>();
  private readonly consumers = new Set<EmbeddedConsumer>();
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly now: () => Date;
  private closed = false;

  private readonly insertMessage: Database.Statement;
  private readonly selectMessages: Database.Statement;
  private readonly selectCommitted: Database.Statement;
  private readonly upsertCommitted: Database.Statement;

  constructor(options: EmbeddedEventBusOptions) {
    this.db = openSqliteDatabase(options.filename, { synchronous: 'FULL' });
    this.db.exec(EMBEDDED_BUS_SCHEMA);
    this.batchSize = options.batchSize ?? 256;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.now = options.now ?? (() => new Date());
    this.signal.setMaxListeners(0);

    this.insertMessage = this.db.prepare(
      'INSERT INTO bus_messages (topic, partition, offset, key, value, headers, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectMessages = this.db.prepare(
      'SELECT offset, key, value, headers, timestamp FROM bus_messages WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?',
    );
    this.selectCommitted = this.db.prepare(
      'SELECT next_offset AS nextOffset FROM bus_group_offsets WHERE group_id = ? AND topic = ? AND partition = ?',
    );
    this.upsertCommitted = this.db.prepare(
      `INSERT INTO bus_group_offsets (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset`,
    );
    this.loadTopics();
  }

  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO bus_topics (name, partitions, config) VALUES (?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const spec of specs) {
        if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
          throw new RangeError(`Topic ${spec.topic}: partitions must be a positive integer`);
        }
        insert.run(spec.topic, spec.partitions, JSON.stringify(spec.config ?? {}));
      }
    })();
    this.loadTopics();
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const partitions = this.partitionsOf(topic);
    const timestamp = this.now().toISOString();
    this.db.transaction(() => {
      for (const message of messages) {
        const key = message.key;
        const partition = partitionForKey(
          typeof key === 'string' ? key : key.toString('utf8'),
          partitions,
        );
        const slot = `${topic}\u0000${partition}`;
        const offset = this.nextOffset.get(slot) ?? 0;
        this.insertMessage.run(
          topic,
          partition,
          offset,
          key,
          message.value,
          storeHeaders(message.headers),
          timestamp,
        );
        this.nextOffset.set(slot, offset + 1);
      }
    })();
    this.signal.emit('published');
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    this.assertOpen();
    assertConsumerHandlers(options);
    for (const topic of options.topics) this.partitionsOf(topic);
    const consumer = new EmbeddedConsumer(this, options);
    this.consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  async groupLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    const partitions = this.partitionsOf(topic);
    return Array.from({ length: partitions }, (_, partition) => {
      const end = this.nextOffset.get(`${topic}\u0000${partition}`) ?? 0;
      const committed = this.committed(groupId, topic, partition);
      return {
        partition,
        committedOffset: String(committed ?? -1),
        endOffset: String(end),
        lag: end - (committed ?? 0),
      };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.closed = true;
    this.db.close();
  }

  // ---- used by EmbeddedConsumer -------------------------------------------------

  /** @internal */
  join(member: GroupMember): void {
    this.coordinator.join(member);
    this.signal.emit('published');
  }

  /** @internal */
  leave(member: GroupMember, consumer: EmbeddedConsumer): void {
    this.coordinator.leave(member);
    this.consumers.delete(consumer);
    this.signal.emit('published');
  }

  /** @internal */
  assignment(member: GroupMember): Array<{ topic: string; partition: number }> {
    return this.coordinator.assignment(member, (topic) => this.partitionsOf(topic));
  }

  /** @internal */
  tryLock(groupId: string, topic: string, partition: number): boolean {
    return this.coordinator.tryLock(groupId, topic, partition);
  }

  /** @internal */
  unlock(groupId: string, topic: string, partition: number): void {
    this.coordinator.unlock(groupId, topic, partition);
  }

  /** @internal */
  startOffset(groupId: string, topic: string, partition: number, fromBeginning: boolean): number {
    const committed = this.committed(groupId, topic, partition);
    if (committed !== undefined) return committed;
    const start = fromBeginning ? 0 : (this.nextOffset.get(`${topic}\u0000${partition}`) ?? 0);
    this.upsertCommitted.run(groupId, topic, partition, start);
    return start;
  }

  /** @internal */
  read(topic: string, partition: number, fromOffset: number): IncomingMessage[] {
    const rows = this.selectMessages.all(
      topic,
      partition,
      fromOffset,
      this.batchSize,
    ) as MessageRow[];
    return rows.map((row) => {
      const raw = {
        key: bytesOfColumn(row.key),
        value: bytesOfColumn(row.value),
        headers: loadHeaders(row.headers),
      };
      const headers: Record<string, string> = {};
      for (const [name, values] of Object.entries(raw.headers)) {
        if (values[0] !== undefined) headers[name] = values[0].toString('utf8');
      }
      return {
        topic,
        partition,
        offset: String(row.offset),
        key: typeof row.key === 'string' || row.key === null ? row.key : row.key.toString('utf8'),
        value:
          typeof row.value === 'string' || row.value === null
            ? row.value
            : row.value.toString('utf8'),
        headers,
        timestamp: row.timestamp,
        raw,
      };
    });
  }

  /** @internal */
  commit(groupId: string, topic: string, partition: number, nextOffset: number): void {
    if (this.closed) return;
    // No fsync of its own: a committed offset lost in a power cut only means the
    // messages after the previous one are delivered again (at-least-once), and the
    // next publish's fsync makes it durable anyway. Publishes stay FULL.
    this.db.pragma('synchronous = NORMAL');
    try {
      this.upsertCommitted.run(groupId, topic, partition, nextOffset);
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /** @internal Resolves on the next publish or membership change, or after `ms`. */
  waitForWork(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.signal.off('published', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.signal.once('published', done);
    });
  }

  /** @internal */
  get retryDelay(): number {
    return this.retryDelayMs;
  }

  private committed(groupId: string, topic: string, partition: number): number | undefined {
    const row = this.selectCommitted.get(groupId, topic, partition) as
      | { nextOffset: number }
      | undefined;
    return row?.nextOffset;
  }

  private partitionsOf(topic: string): number {
    const partitions = this.partitionsByTopic.get(topic);
    if (partitions === undefined) throw new UnknownTopicError(topic);
    return partitions;
  }

  private loadTopics(): void {
    const topics = this.db.prepare('SELECT name, partitions FROM bus_topics').all() as Array<{
      name: string;
      partitions: number;
    }>;
    const ends = this.db
      .prepare(
        'SELECT topic, partition, MAX(offset) + 1 AS next FROM bus_messages GROUP BY topic, partition',
      )
      .all() as Array<{ topic: string; partition: number; next: number }>;
    for (const t of topics) this.partitionsByTopic.set(t.name, t.partitions);
    for (const e of ends) {
      const slot = `${e.topic}\u0000${e.partition}`;
      if (!this.nextOffset.has(slot)) this.nextOffset.set(slot, e.next);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The embedded event bus is closed');
  }
}

/** One member of a consumer group, handling its assigned partitions in a loop. */
class EmbeddedConsumer implements RunningConsumer {
  readonly groupId: string;
  private readonly member: GroupMember;
  private running = true;
  private loop: Promise<void> = Promise.resolve();
  private maxBatch = 500;

  constructor(
    private readonly bus: EmbeddedEventBus,
    private readonly options: ConsumerOptions,
  ) {
    this.groupId = options.groupId;
    this.member = { groupId: options.groupId, topics: options.topics };
  }

  start(): void {
    this.maxBatch = assertConsumerHandlers(this.options);
    this.bus.join(this.member);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    await this.loop;
    this.bus.leave(this.member, this);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      for (const { topic, partition } of this.bus.assignment(this.member)) {
        if (!this.running) break;
        if (!this.bus.tryLock(this.groupId, topic, partition)) continue;
        try {
          handled += await this.drain(topic, partition);
        } catch {
          // The bus's own file failed (a full disk, a lock held too long): the loop
          // must not die with it (an unhandled rejection ends the process). What
          // was not committed is delivered again once the file can be written.
          await new Promise((r) => setTimeout(r, this.bus.retryDelay));
        } finally {
          this.bus.unlock(this.groupId, topic, partition);
        }
      }
      if (this.running && handled === 0) await this.bus.waitForWork(250);
    }
  }

  /** Handles one batch of a partition; commits after the handled messages. */
  private async drain(topic: string, partition: number): Promise<number> {
    const start = this.bus.startOffset(
      this.groupId,
      topic,
      partition,
      this.options.fromBeginning ?? true,
    );
    const messages = this.bus.read(topic, partition, start);
    let next = start;
    const batchHandler = this.options.batchHandler;
    if (batchHandler) {
      try {
        for (let from = 0; from < messages.length; from += this.maxBatch) {
          if (!this.running || !this.stillAssigned(topic, partition)) break;
          const slice = messages.slice(from, from + this.maxBatch);
          try {
            await batchHandler(slice);
          } catch (error) {
            this.options.onHandlerError?.(error, slice[0] as IncomingMessage);
            await new Promise((r) => setTimeout(r, this.bus.retryDelay));
            break; // delivered again from `next`
          }
          next = Number((slice[slice.length - 1] as IncomingMessage).offset) + 1;
        }
      } finally {
        if (next !== start) this.bus.commit(this.groupId, topic, partition, next);
      }
      return next - start;
    }
    const handler = this.options.handler as (message: IncomingMessage) => Promise<void>;
    try {
      for (const message of messages) {
        if (!this.running || !this.stillAssigned(topic, partition)) break;
        try {
          await handler(message);
        } catch (error) {
          this.options.onHandlerError?.(error, message);
          await new Promise((r) => setTimeout(r, this.bus.retryDelay));
          break; // delivered again from `next`
        }
        next = Number(message.offset) + 1;
      }
    } finally {
      if (next !== start) this.bus.commit(this.groupId, topic, partition, next);
    }
    return next - start;
  }

  private stillAssigned(topic: string, partition: number): boolean {
    return this.bus
      .assignment(this.member)
      .some((a) => a.topic === topic && a.partition === partition);
  }
}
