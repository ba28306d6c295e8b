'use strict';
/**
 * The write half of SqliteEventStore: version checks and INSERTs of a batch of
 * appends in one BEGIN IMMEDIATE transaction. Plain JavaScript so that a worker
 * thread (sqlite-append-writer.thread.cjs) loads it without a TypeScript
 * loader; SqliteEventStore runs the same code in its own thread for
 * `:memory:` files. The shapes it takes and returns are typed in
 * sqlite-append-writer.ts.
 */

/** 14 parameters a row: 32 rows stay well under SQLite's limit of bound parameters. */
const MAX_ROWS_PER_INSERT = 32;

const COLUMNS =
  'stream_id, stream_version, event_id, type, schema_version, occurred_at, recorded_at, ' +
  'correlation_id, causation_id, actor_kind, actor_id, actor_department, data, imported';

/** Thrown inside a transaction to roll back one append's savepoint, carrying its outcome. */
class Refusal extends Error {
  constructor(outcome) {
    super(outcome.refused);
    this.outcome = outcome;
  }
}

/**
 * By code, not instanceof: better-sqlite3's native part keeps the SqliteError
 * class of the first load, and test runners load modules more than once.
 */
function isUniqueViolation(error) {
  return Boolean(error) && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A failure as plain data: it crosses the thread boundary and becomes an Error again there. */
function failureOf(error) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error && typeof error.code === 'string' ? error.code : undefined;
  return code === undefined ? { message } : { message, code };
}

/** The 14 values of each row of `append`, from version `actual + 1` on. */
function rowsOf(append, actual, recordedAt) {
  return append.events.map((event, index) => [
    append.streamId,
    actual + index + 1,
    event.eventId,
    event.type,
    event.schemaVersion,
    event.occurredAt,
    recordedAt,
    event.correlationId,
    event.causationId,
    event.actorKind,
    event.actorId,
    event.actorDepartment,
    event.dataJson,
    event.imported ?? null,
  ]);
}

function satisfies(expected, actual) {
  if (expected === 'any') return true;
  return (expected === 'no-stream' ? 0 : expected) === actual;
}

/**
 * @param {import('better-sqlite3').Database} db a connection to the store's file
 * @returns {{ write(batch: unknown[], recordedAt: string): unknown[] }}
 */
function openAppendWriter(db) {
  const selectVersion = db
    .prepare('SELECT MAX(stream_version) FROM es_events WHERE stream_id = ?')
    .pluck();
  const inserts = new Map();

  function insertStatement(rows) {
    let statement = inserts.get(rows);
    if (!statement) {
      const row = `(${new Array(14).fill('?').join(', ')})`;
      statement = db
        .prepare(
          `INSERT INTO es_events (${COLUMNS}) VALUES ${new Array(rows).fill(row).join(', ')} RETURNING position`,
        )
        .pluck();
      inserts.set(rows, statement);
    }
    return statement;
  }

  /** Inserts rows in chunks; returns their positions in row order. */
  function insertRows(rows) {
    const positions = [];
    for (let offset = 0; offset < rows.length; offset += MAX_ROWS_PER_INSERT) {
      const chunk = rows.slice(offset, offset + MAX_ROWS_PER_INSERT);
      positions.push(...insertStatement(chunk.length).all(chunk.flat()));
    }
    // AUTOINCREMENT under one writer: positions grow in the order the rows were inserted.
    return positions.sort((a, b) => a - b);
  }

  /** Which of `eventIds` is stored already (after a UNIQUE violation on event_id). */
  function storedEventId(eventIds) {
    const stored = db
      .prepare(
        `SELECT event_id FROM es_events WHERE event_id IN (${eventIds.map(() => '?').join(', ')})`,
      )
      .pluck()
      .get(...eventIds);
    return stored === undefined ? eventIds[0] : stored;
  }

  /** One append alone; throws a Refusal (its savepoint rolls back) when it is refused. */
  const writeOne = db.transaction((append, recordedAt) => {
    const actual = selectVersion.get(append.streamId) ?? 0;
    if (!satisfies(append.expected, actual)) throw new Refusal({ refused: 'version', actual });
    try {
      const positions = insertRows(rowsOf(append, actual, recordedAt));
      return { positions, nextExpectedVersion: actual + append.events.length };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (String(error.message).includes('es_events.event_id')) {
        const eventId = storedEventId(append.events.map((event) => event.eventId));
        throw new Refusal({ refused: 'duplicate', eventId });
      }
      // Cannot happen while the version is checked under the write lock; kept as the index's verdict.
      throw new Refusal({ refused: 'version', actual });
    }
  });

  /**
   * The usual batch: versions checked in order in memory (a stream appended
   * twice is checked against its earlier append's result), then the rows of
   * every accepted append in multi-row INSERTs, without a savepoint per append.
   * An append refused by its expected version, or by an eventId taken earlier
   * in the same batch, gets its outcome here; an eventId stored before the
   * batch throws the UNIQUE violation (see writeBatch). Nested in writeBatch,
   * so one savepoint for the whole batch.
   */
  const writeTogether = db.transaction((batch, recordedAt) => {
    const versions = new Map();
    const eventIds = new Set();
    const outcomes = [];
    const accepted = [];
    const rows = [];
    for (const append of batch) {
      const known = versions.get(append.streamId);
      const actual = known === undefined ? (selectVersion.get(append.streamId) ?? 0) : known;
      if (!satisfies(append.expected, actual)) {
        outcomes.push({ refused: 'version', actual });
        continue;
      }
      const taken = append.events.find((event) => eventIds.has(event.eventId));
      if (taken) {
        outcomes.push({ refused: 'duplicate', eventId: taken.eventId });
        continue;
      }
      for (const event of append.events) eventIds.add(event.eventId);
      rows.push(...rowsOf(append, actual, recordedAt));
      versions.set(append.streamId, actual + append.events.length);
      const outcome = { positions: [], nextExpectedVersion: actual + append.events.length };
      accepted.push({ count: append.events.length, positions: outcome.positions });
      outcomes.push(outcome);
    }
    const positions = insertRows(rows);
    let next = 0;
    for (const { count, positions: own } of accepted) {
      own.push(...positions.slice(next, next + count));
      next += count;
    }
    return outcomes;
  });

  const writeBatch = db.transaction((batch, recordedAt) => {
    try {
      return writeTogether(batch, recordedAt);
    } catch (error) {
      // An eventId stored by an earlier batch (or another process) failed a
      // multi-row INSERT as a whole: the savepoint took it all back, and each
      // append is now written on its own to learn which one is refused.
      if (!isUniqueViolation(error)) throw error;
    }
    return batch.map((append) => {
      try {
        return writeOne(append, recordedAt);
      } catch (error) {
        if (error instanceof Refusal) return error.outcome;
        return { failed: failureOf(error) };
      }
    });
  });

  return {
    /**
     * Writes `batch` in one BEGIN IMMEDIATE transaction (IMMEDIATE: the write
     * lock is taken before versions are read, so another process cannot write
     * between the check and the insert) and returns one outcome per append, in
     * order. Throws when nothing of the batch is stored (COMMIT failed, the
     * lock timed out). A lone append needs no savepoint: its own transaction
     * rolls back if it is refused.
     */
    write(batch, recordedAt) {
      if (batch.length !== 1) return writeBatch.immediate(batch, recordedAt);
      try {
        return [writeOne.immediate(batch[0], recordedAt)];
      } catch (error) {
        if (error instanceof Refusal) return [error.outcome];
        throw error;
      }
    },
  };
}

module.exports = { openAppendWriter, failureOf };
