import type Database from 'better-sqlite3';
import type { Actor, RecordedEvent } from '../../envelope/event-envelope';
import { recordedFromPrepared } from '../common/appended-feed';
import { EventStoreAdapter } from '../common/event-store-adapter';
import type { PreparedEvent } from '../common/prepare-append';
import { fromVersionOf, readAllBounds } from '../common/read-options';
import { DuplicateEventError, WrongExpectedVersionError } from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
} from '../event-store.port';
import {
  errorOf,
  openInlineAppendWriter,
  ThreadAppendWriter,
  type AppendWriter,
  type WriteAppend,
  type WriteOutcome,
} from './sqlite-append-writer';
import { openSqliteDatabase } from './sqlite-database';
import {
  SQLITE_EVENT_COLUMNS,
  SQLITE_EVENT_STORE_MIGRATIONS,
  SQLITE_EVENT_STORE_SCHEMA,
  type SqliteEventRow,
} from './sqlite-event-store.schema';

export const DEFAULT_SQLITE_EVENT_STORE_FILE = './data/event-store.sqlite';

export interface SqliteEventStoreOptions {
  /** The database file (default `./data/event-store.sqlite`); its folder is created if needed. */
  filename?: string;
  /** Poll interval of subscriptions, for appends made by other processes (default 100 ms). */
  pollIntervalMs?: number;
  /** How long a write waits for another process's lock on the file (default 5000 ms). */
  busyTimeoutMs?: number;
  /** The clock of `recordedAt` (default: the system clock). */
  now?: () => Date;
  /**
   * Where appends are written (default `thread`): `thread` on a connection of
   * a worker thread, so that inserts and fsyncs do not block the event loop;
   * `inline` on the store's own connection, in the calling thread. A
   * `:memory:` database is always written inline.
   */
  writer?: 'thread' | 'inline';
}

interface PendingAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: PreparedEvent[];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * The event store of the embedded mode: one SQLite file (better-sqlite3), WAL
 * journal, `synchronous = FULL` so that an acknowledged append survives a power
 * cut (the WAL is fsynced at each commit).
 *
 * Group commit: appends are queued and written as one batch, in one
 * transaction: soon after the first of them when the writer is idle (see
 * scheduleFlush), or as soon as the batch being written is committed (one
 * batch at a time, so positions follow the queue). Each append is still checked and succeeds or fails on its own (see
 * sqlite-append-writer.cjs); they share the transaction's single fsync. A
 * promise resolves only after COMMIT has returned, so nothing is acknowledged
 * before it is durable; if COMMIT itself fails, every append of the batch fails.
 *
 * Writer thread: by default the batches are written by a worker thread on its
 * own connection, so the inserts and the fsync run beside the event loop
 * (projections, HTTP) instead of blocking it. Reads use the store's connection
 * and see a batch once it is committed; the appended feed and the
 * subscriptions are told when its promises resolve, as before.
 *
 * Several processes may open the same file: BEGIN IMMEDIATE takes the write
 * lock before the version check, so checks and inserts are serialised across
 * processes, and subscriptions poll for the other processes' appends.
 */
export class SqliteEventStore extends EventStoreAdapter implements EventStore {
  /** The connection, e.g. to keep snapshots in the same file (SqliteSnapshotStore's `database`). */
  readonly database: Database.Database;
  readonly filename: string;

  private readonly now: () => Date;
  private readonly writer: AppendWriter;
  /**
   * When an idle writer gets the queue. Inline: at the next turn of the event
   * loop (setImmediate), after every append of this turn, as the flush blocks
   * the thread until COMMIT. Thread: once the microtasks queued before the
   * first append have run (the appends of writers woken together), so the
   * batch is posted while this thread goes on with other work (a projection
   * catching up, requests) instead of after it; appends that come later form
   * the next batch while this one is written.
   */
  private readonly scheduleFlush: (flush: () => void) => void;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  /** The batch being written, if any. */
  private writing: Promise<void> | undefined;

  private readonly selectVersion: Database.Statement<[string], number | null>;
  private readonly selectStream: Database.Statement<[string, number], SqliteEventRow>;
  private readonly selectAll: Database.Statement<[number, number], SqliteEventRow>;
  private readonly selectHead: Database.Statement<[], number | null>;

  constructor(options: SqliteEventStoreOptions = {}) {
    super(options.pollIntervalMs);
    this.filename = options.filename ?? DEFAULT_SQLITE_EVENT_STORE_FILE;
    this.now = options.now ?? (() => new Date());
    this.database = openSqliteDatabase(this.filename, {
      synchronous: 'FULL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    });
    const db = this.database;
    db.exec(SQLITE_EVENT_STORE_SCHEMA);
    const columns = new Set(
      (db.prepare('PRAGMA table_info(es_events)').all() as Array<{ name: string }>).map(
        (c) => c.name,
      ),
    );
    for (const migration of SQLITE_EVENT_STORE_MIGRATIONS) {
      if (!columns.has(migration.column)) db.exec(migration.add);
    }

    this.selectVersion = db
      .prepare<
        [string],
        number | null
      >('SELECT MAX(stream_version) FROM es_events WHERE stream_id = ?')
      .pluck();
    this.selectStream = db.prepare(
      `SELECT ${SQLITE_EVENT_COLUMNS} FROM es_events
       WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version`,
    );
    this.selectAll = db.prepare(
      `SELECT ${SQLITE_EVENT_COLUMNS} FROM es_events WHERE position > ? ORDER BY position LIMIT ?`,
    );
    this.selectHead = db.prepare<[], number | null>('SELECT MAX(position) FROM es_events').pluck();

    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const inline = this.filename === ':memory:' || options.writer === 'inline';
    this.writer = inline
      ? openInlineAppendWriter(db)
      : new ThreadAppendWriter(this.filename, busyTimeoutMs);
    this.scheduleFlush = inline ? setImmediate : queueMicrotask;
  }

  protected appendPrepared(
    streamId: string,
    expected: ExpectedVersion,
    prepared: PreparedEvent[],
  ): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, expected, events: prepared, resolve, reject });
      // While a batch is being written, the queue waits for it (see flush).
      if (!this.flushScheduled && !this.writing) {
        this.flushScheduled = true;
        this.scheduleFlush(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, fromVersion?: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.selectStream.all(streamId, fromVersionOf(fromVersion)).map(toRecordedEvent);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    return this.selectVersion.get(streamId) ?? 0;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { afterPosition, limit } = readAllBounds(options);
    return this.selectAll.all(afterPosition, limit).map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.selectHead.get() ?? 0;
  }

  /** Stops the subscriptions, writes what is queued, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.stopSubscriptions();
    while (this.writing || this.queue.length > 0) {
      this.flush();
      await this.writing;
    }
    this.closed = true;
    await this.writer.close();
    this.database.close();
  }

  /** Sends the queue to the writer as one batch, unless a batch is being written. */
  private flush(): void {
    this.flushScheduled = false;
    if (this.writing || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const recordedAt = this.now().toISOString();
    this.writing = this.writer
      .write(batch.map(toWriteAppend), recordedAt)
      .then((outcomes) => this.settle(batch, outcomes, recordedAt))
      // Nothing of the batch is stored: COMMIT failed, the lock timed out, or
      // the writer thread died. (Appends already settled stay as they are.)
      .catch((error: unknown) => {
        for (const append of batch) append.reject(error);
      });
    void this.writing.finally(() => {
      this.writing = undefined;
      // What was queued meanwhile is the next batch.
      if (this.queue.length > 0) this.flush();
    });
  }

  private settle(batch: readonly PendingAppend[], outcomes: WriteOutcome[], recordedAt: string) {
    let appended = false;
    outcomes.forEach((outcome, index) => {
      const append = batch[index] as PendingAppend;
      if ('positions' in outcome) {
        appended = true;
        const result: AppendResult = {
          streamId: append.streamId,
          nextExpectedVersion: outcome.nextExpectedVersion,
          positions: outcome.positions,
        };
        // Positions increase in queue order: one transaction, rows inserted in this order.
        this.emitAppended(() =>
          recordedFromPrepared(
            append.streamId,
            result.nextExpectedVersion - append.events.length + 1,
            result.positions,
            recordedAt,
            append.events,
          ),
        );
        append.resolve(result);
      } else {
        append.reject(refusalOf(append, outcome));
      }
    });
    if (appended) this.notifyAppended();
  }

  protected storeName(): string {
    return `SQLite event store ${this.filename}`;
  }
}

function toWriteAppend({ streamId, expected, events }: PendingAppend): WriteAppend {
  return {
    streamId,
    expected,
    events: events.map(({ event, dataJson }) => ({
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId ?? null,
      actorKind: event.metadata.actor.kind,
      actorId: event.metadata.actor.id,
      actorDepartment: event.metadata.actor.department ?? null,
      imported: event.metadata.imported ? 1 : null,
      dataJson,
    })),
  };
}

/** The port's error for a refused append. */
function refusalOf(
  append: PendingAppend,
  outcome: Exclude<WriteOutcome, { positions: number[] }>,
): Error {
  if ('failed' in outcome) return errorOf(outcome.failed);
  if (outcome.refused === 'duplicate') return new DuplicateEventError(outcome.eventId);
  return new WrongExpectedVersionError(append.streamId, append.expected, outcome.actual);
}

function toRecordedEvent(row: SqliteEventRow): RecordedEvent {
  const actor: Actor = { kind: row.actor_kind as Actor['kind'], id: row.actor_id };
  if (row.actor_department !== null) actor.department = row.actor_department;
  const event: RecordedEvent = {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: row.position,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    actor,
    data: JSON.parse(row.data),
  };
  if (row.causation_id !== null) event.causationId = row.causation_id;
  if (row.imported === 1) event.imported = true;
  return event;
}
