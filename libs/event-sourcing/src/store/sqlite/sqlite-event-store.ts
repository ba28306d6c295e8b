import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Actor, NewEvent, RecordedEvent } from '../../envelope/event-envelope';
import { AppendedFeed, recordedFromPrepared } from '../common/appended-feed';
import { checkExpectedVersion } from '../common/expected-version';
import { prepareAppend, type PreparedEvent } from '../common/prepare-append';
import { fromVersionOf, readAllBounds } from '../common/read-options';
import { DuplicateEventError, WrongExpectedVersionError } from '../event-store.errors';
import type {
  AppendedListener,
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { AppendNotifier } from '../subscription/append-notifier';
import { SubscriptionSet } from '../subscription/catch-up.subscription';
import {
  SQLITE_EVENT_COLUMNS,
  SQLITE_EVENT_STORE_SCHEMA,
  type SqliteEventRow,
} from './sqlite-event-store.schema';

export const DEFAULT_SQLITE_EVENT_STORE_FILE = './data/event-store.sqlite';

/** 13 parameters a row: 32 rows stay well under SQLite's limit of bound parameters. */
const MAX_ROWS_PER_INSERT = 32;

export interface SqliteEventStoreOptions {
  /** The database file (default `./data/event-store.sqlite`); its folder is created if needed. */
  filename?: string;
  /** Poll interval of subscriptions, for appends made by other processes (default 100 ms). */
  pollIntervalMs?: number;
  /** How long a write waits for another process's lock on the file (default 5000 ms). */
  busyTimeoutMs?: number;
  /** The clock of `recordedAt` (default: the system clock). */
  now?: () => Date;
}

interface PendingAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: PreparedEvent[];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { result: AppendResult } | { error: unknown };

/**
 * The event store of the embedded mode: one SQLite file (better-sqlite3), WAL
 * journal, `synchronous = FULL` so that an acknowledged append survives a power
 * cut (the WAL is fsynced at each commit).
 *
 * Group commit: appends are queued and written at the next turn of the event
 * loop (setImmediate), all those queued in one transaction, each inside its own
 * SAVEPOINT. Each append is still checked and succeeds or fails on its own (a
 * version conflict or a duplicate eventId rolls back only its savepoint); they
 * share the transaction's single fsync, so concurrent writers cost one disk
 * flush per batch instead of one each. A promise resolves only after COMMIT has
 * returned, so nothing is acknowledged before it is durable; if COMMIT itself
 * fails, every append of the batch fails.
 *
 * Several processes may open the same file: BEGIN IMMEDIATE takes the write
 * lock before the version check, so checks and inserts are serialised across
 * processes, and subscriptions poll for the other processes' appends.
 */
export class SqliteEventStore implements EventStore {
  /** The connection, e.g. to keep snapshots in the same file (SqliteSnapshotStore's `database`). */
  readonly database: Database.Database;
  readonly filename: string;

  private readonly notifier = new AppendNotifier();
  private readonly feed = new AppendedFeed();
  private readonly subscriptions = new SubscriptionSet();
  private readonly now: () => Date;
  private readonly pollIntervalMs: number | undefined;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  private readonly selectVersion: Database.Statement<[string], number | null>;
  /** INSERT statements for 1..MAX_ROWS_PER_INSERT rows, prepared on first use. */
  private readonly insertRows = new Map<number, Database.Statement<unknown[], number>>();
  private readonly selectStream: Database.Statement<[string, number], SqliteEventRow>;
  private readonly selectAll: Database.Statement<[number, number], SqliteEventRow>;
  private readonly selectHead: Database.Statement<[], number | null>;
  private readonly writeBatch: Database.Transaction<
    (batch: PendingAppend[], recordedAt: string) => Outcome[]
  >;
  private readonly writeOne: Database.Transaction<
    (append: PendingAppend, recordedAt: string) => AppendResult
  >;

  constructor(options: SqliteEventStoreOptions = {}) {
    this.filename = options.filename ?? DEFAULT_SQLITE_EVENT_STORE_FILE;
    this.now = options.now ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs;
    if (this.filename !== ':memory:') mkdirSync(dirname(this.filename), { recursive: true });
    this.database = new Database(this.filename);
    const db = this.database;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.exec(SQLITE_EVENT_STORE_SCHEMA);

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

    // Nested better-sqlite3 transactions run as SAVEPOINTs: an append that throws
    // rolls back its own rows only, and the batch goes on.
    this.writeOne = db.transaction((append: PendingAppend, recordedAt: string) =>
      this.insertAppend(append, recordedAt),
    );
    this.writeBatch = db.transaction((batch: PendingAppend[], recordedAt: string) =>
      batch.map((append): Outcome => {
        try {
          return { result: this.writeOne(append, recordedAt) };
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  append(streamId: string, expected: ExpectedVersion, events: NewEvent[]): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.assertOpen();
      const prepared = prepareAppend(streamId, expected, events);
      this.queue.push({ streamId, expected, events: prepared, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
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

  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription {
    this.assertOpen();
    return this.subscriptions.start(this, handler, {
      ...options,
      notifier: this.notifier,
      ...(this.pollIntervalMs === undefined ? {} : { pollIntervalMs: this.pollIntervalMs }),
    });
  }

  onAppended(listener: AppendedListener): () => void {
    return this.feed.listen(listener);
  }

  /** Stops the subscriptions, writes what is queued, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.subscriptions.stopAll();
    this.flush();
    this.closed = true;
    this.database.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const recordedAt = this.now().toISOString();
    let outcomes: Outcome[];
    try {
      // IMMEDIATE: take the write lock before reading versions, so that another
      // process cannot write between our check and our insert. A lone append
      // needs no savepoint: its own transaction rolls back if it is refused.
      outcomes =
        batch.length === 1
          ? [{ result: this.writeOne.immediate(batch[0] as PendingAppend, recordedAt) }]
          : this.writeBatch.immediate(batch, recordedAt);
    } catch (error) {
      // Nothing of the batch is stored: the lone append was refused, or COMMIT
      // itself failed (disk full, lock timeout).
      for (const append of batch) append.reject(error);
      return;
    }
    let appended = false;
    outcomes.forEach((outcome, index) => {
      const append = batch[index] as PendingAppend;
      if ('result' in outcome) {
        appended = true;
        const { result } = outcome;
        // Positions increase in queue order: one transaction, rows inserted in this order.
        this.feed.emit(() =>
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
        append.reject(outcome.error);
      }
    });
    if (appended) this.notifier.notify();
  }

  private insertAppend(append: PendingAppend, recordedAt: string): AppendResult {
    const { streamId, expected, events } = append;
    const actual = this.selectVersion.get(streamId) ?? 0;
    checkExpectedVersion(streamId, expected, actual);
    const positions: number[] = [];
    // One multi-row INSERT per chunk: far fewer statement runs than one per event.
    for (let offset = 0; offset < events.length; offset += MAX_ROWS_PER_INSERT) {
      const chunk = events.slice(offset, offset + MAX_ROWS_PER_INSERT);
      const values: unknown[] = [];
      chunk.forEach(({ event, dataJson }, index) => {
        const { metadata } = event;
        values.push(
          streamId,
          actual + offset + index + 1,
          event.eventId,
          event.type,
          event.schemaVersion,
          metadata.occurredAt,
          recordedAt,
          metadata.correlationId,
          metadata.causationId ?? null,
          metadata.actor.kind,
          metadata.actor.id,
          metadata.actor.department ?? null,
          dataJson,
        );
      });
      try {
        positions.push(...this.insertStatement(chunk.length).all(values));
      } catch (error) {
        throw this.translateConstraint(error, append, actual, chunk);
      }
    }
    return { streamId, nextExpectedVersion: actual + events.length, positions };
  }

  private insertStatement(rows: number): Database.Statement<unknown[], number> {
    let statement = this.insertRows.get(rows);
    if (!statement) {
      const row = `(${Array.from({ length: 13 }, () => '?').join(', ')})`;
      statement = this.database
        .prepare<unknown[], number>(
          `INSERT INTO es_events (stream_id, stream_version, event_id, type, schema_version, occurred_at,
             recorded_at, correlation_id, causation_id, actor_kind, actor_id, actor_department, data)
           VALUES ${Array.from({ length: rows }, () => row).join(', ')}
           RETURNING position`,
        )
        .pluck();
      this.insertRows.set(rows, statement);
    }
    return statement;
  }

  /** Turns a UNIQUE violation into the port's error; anything else is passed on. */
  private translateConstraint(
    error: unknown,
    append: PendingAppend,
    actual: number,
    chunk: readonly PreparedEvent[],
  ): unknown {
    // By code, not instanceof: better-sqlite3's native part keeps the SqliteError
    // class of the first load, and test runners load modules more than once.
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
    if (typeof message === 'string' && message.includes('es_events.event_id')) {
      // The statement failed as a whole; find which of its eventIds is stored already.
      const ids = chunk.map(({ event }) => event.eventId);
      const stored = this.database
        .prepare(
          `SELECT event_id FROM es_events WHERE event_id IN (${ids.map(() => '?').join(', ')})`,
        )
        .pluck()
        .get(...ids) as string | undefined;
      return new DuplicateEventError(stored ?? (ids[0] as string));
    }
    // Cannot happen while the version is checked under the write lock; kept as the index's verdict.
    return new WrongExpectedVersionError(append.streamId, append.expected, actual);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`The SQLite event store ${this.filename} is closed`);
  }
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
  return event;
}
