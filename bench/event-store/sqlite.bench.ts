import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteDatabase, SqliteEventStore, type NewEvent } from '@sfp/event-sourcing';
import {
  APPEND_CASES,
  APPEND_TARGET,
  EMBEDDED_READ_TARGET,
  READ_CASES,
  appendCaseName,
  cpuRate,
  formatRate,
  median,
  newMeasurement,
  pair,
  populate,
  rate,
  readCaseName,
  record,
  timePages,
  timeStoreAppends,
  timeStoreReads,
  timeWritersAfterWarmUp,
  writerCommits,
  type AppendCase,
  type BenchOptions,
  type Measurement,
  type Page,
  type TimedRun,
} from './harness';

const ADAPTER = 'SQLite';

interface CpuRates {
  store: number[];
  raw: number[];
}

/**
 * SqliteEventStore against raw better-sqlite3 with the same pragmas (WAL,
 * synchronous = FULL), each on a fresh file in `dir`.
 *
 * The raw baseline writes the same rows into a table created with the store's
 * own DDL (read back from sqlite_master: same columns, same UNIQUE indexes),
 * one plain `db.transaction()` per commit, no version read, no savepoint, no
 * batching; with 8 writers it does the same number of commits, each its own
 * transaction (better-sqlite3 is synchronous: the 8 loops take turns).
 */
export async function benchSqlite(options: BenchOptions, dir: string): Promise<Measurement[]> {
  const ddl = await storeDdl(join(dir, 'schema.sqlite'));
  const results: Measurement[] = [];
  const appendLines = APPEND_CASES.map((c) =>
    newMeasurement(ADAPTER, appendCaseName(c), 'appends/s', APPEND_TARGET),
  );
  const readLines = READ_CASES.map((k) =>
    newMeasurement(ADAPTER, readCaseName(k), 'events/s', EMBEDDED_READ_TARGET),
  );
  const batching: number[][] = APPEND_CASES.map(() => []);
  const readCpu: CpuRates[] = READ_CASES.map(() => ({ store: [], raw: [] }));
  const readLogs = READ_CASES.map((k) => join(dir, `read-${k}.sqlite`));

  for (const [i, k] of READ_CASES.entries()) {
    const store = new SqliteEventStore({ filename: readLogs[i] as string });
    await populate(store, k, options.readEvents);
    await store.close();
  }

  for (let round = 0; round < options.rounds; round++) {
    const storeFirst = round % 2 === 0;
    for (const [i, appendCase] of APPEND_CASES.entries()) {
      const file = (side: string): string => join(dir, `append-${i}-${round}-${side}.sqlite`);
      const runStore = async (): Promise<number> => {
        const { rate: storeRate, commitsPerTransaction } = await appendStore(
          file('store'),
          appendCase,
          options,
        );
        (batching[i] as number[]).push(commitsPerTransaction);
        return storeRate;
      };
      const runRaw = async (): Promise<number> => appendRaw(file('raw'), ddl, appendCase, options);
      const [storeRate, rawRate] = await pair(storeFirst, runStore, runRaw);
      record(appendLines[i] as Measurement, storeRate, rawRate, round, options);
      removeDatabase(file('store'));
      removeDatabase(file('raw'));
    }
    for (const [i] of READ_CASES.entries()) {
      const filename = readLogs[i] as string;
      const [storeRun, rawRun] = await pair(
        storeFirst,
        () => readStore(filename, options),
        () => readRaw(filename, options),
      );
      (readCpu[i] as CpuRates).store.push(cpuRate(storeRun) ?? Number.NaN);
      (readCpu[i] as CpuRates).raw.push(cpuRate(rawRun) ?? Number.NaN);
      record(readLines[i] as Measurement, rate(storeRun), rate(rawRun), round, options);
    }
  }

  appendLines.forEach((measurement, i) => {
    const perTransaction = median(batching[i] as number[]);
    measurement.notes.push(
      `store: ${Number.isNaN(perTransaction) ? 'n/a' : perTransaction.toFixed(1)} commits per transaction (one fsync each)`,
    );
  });
  readLines.forEach((measurement, i) => {
    const cpu = readCpu[i] as CpuRates;
    measurement.notes.push(
      `per CPU-second of this process (what an unloaded core gives): store ` +
        `${formatRate(median(cpu.store))}, raw ${formatRate(median(cpu.raw))} events/s`,
    );
  });
  readLogs.forEach(removeDatabase);
  results.push(...appendLines, ...readLines);
  return results;
}

/** The store's DDL, as SQLite keeps it: the raw table is created from it. */
async function storeDdl(filename: string): Promise<string[]> {
  const store = new SqliteEventStore({ filename });
  const statements = store.database
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master WHERE tbl_name = 'es_events' AND sql IS NOT NULL
       ORDER BY type = 'table' DESC, name`,
    )
    .all()
    .map((row) => row.sql);
  await store.close();
  removeDatabase(filename);
  return statements;
}

async function appendStore(
  filename: string,
  appendCase: AppendCase,
  options: BenchOptions,
): Promise<{ rate: number; commitsPerTransaction: number }> {
  const store = new SqliteEventStore({ filename });
  const run = await timeStoreAppends(store, 'store', appendCase, options, countFlushes(store));
  return { rate: rate(run), commitsPerTransaction: run.count / Math.max(1, run.counted) };
}

/**
 * Diagnostic only: counts the store's group-commit flushes (one transaction, one
 * fsync each) by wrapping its private `flush`, as its own int-spec spies on it.
 * Returns NaN if the store no longer has such a method.
 */
function countFlushes(store: SqliteEventStore): () => number {
  const target = store as unknown as { flush?: () => void };
  const original = target.flush;
  if (typeof original !== 'function') return () => Number.NaN;
  let count = 0;
  target.flush = function (this: unknown) {
    count++;
    original.call(store);
  };
  return () => count;
}

const INSERT_RAW = `INSERT INTO es_events (stream_id, stream_version, event_id, type, schema_version,
  occurred_at, recorded_at, correlation_id, causation_id, actor_kind, actor_id, actor_department, data)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

async function appendRaw(
  filename: string,
  ddl: string[],
  { eventsPerCommit, writers }: AppendCase,
  options: BenchOptions,
): Promise<number> {
  const db = openSqliteDatabase(filename, { synchronous: 'FULL' });
  try {
    for (const statement of ddl) db.exec(statement);
    const insert = db.prepare(INSERT_RAW);
    const insertCommit = db.transaction(
      (streamId: string, firstVersion: number, events: NewEvent[]) => {
        const recordedAt = new Date().toISOString();
        events.forEach((event, index) => {
          const { metadata } = event;
          insert.run(
            streamId,
            firstVersion + index,
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
            JSON.stringify(event.data),
          );
        });
      },
    );
    const commit = writerCommits(
      'raw',
      writers,
      eventsPerCommit,
      ({ streamId, firstVersion }, events) => insertCommit(streamId, firstVersion, events),
    );
    return rate(await timeWritersAfterWarmUp(writers, options, commit));
  } finally {
    db.close();
  }
}

async function readStore(filename: string, options: BenchOptions): Promise<TimedRun> {
  const store = new SqliteEventStore({ filename });
  try {
    return await timeStoreReads(store, options);
  } finally {
    await store.close();
  }
}

/** A plain SELECT of the same rows ordered by position, in pages of the same size (keyset). */
async function readRaw(filename: string, options: BenchOptions): Promise<TimedRun> {
  const db = openSqliteDatabase(filename, { synchronous: 'FULL' });
  try {
    const select = db.prepare<[number, number], { position: number }>(
      `SELECT * FROM es_events WHERE position > ? ORDER BY position LIMIT ?`,
    );
    const page = (after: number): Page => {
      const rows = select.all(after, options.readPage);
      return { read: rows.length, last: rows[rows.length - 1]?.position ?? after };
    };
    page(0);
    return await timePages(options.seconds, page);
  } finally {
    db.close();
  }
}

export function removeDatabase(filename: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(filename + suffix, { force: true });
}
