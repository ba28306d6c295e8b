import { performance } from 'node:perf_hooks';
import type { EventStore, ExpectedVersion, NewEvent, RecordedEvent } from '@sfp/event-sourcing';
import { commitEvents } from './payload';

/** What every adapter's bench receives from the command line. */
export interface BenchOptions {
  /** Length of one timed run, in seconds. */
  seconds: number;
  /** How many times each store/raw pair is measured (the table shows medians). */
  rounds: number;
  /** Events in the log that readAll reads. */
  readEvents: number;
  /** Events per readAll call (the store's page) and per raw page or cursor batch. */
  readPage: number;
  log(line: string): void;
}

const interruptCleanups = new Set<() => Promise<void> | void>();

/** Registers what to clean up if the run is interrupted (Ctrl-C); returns the unregistration. */
export function onInterrupt(cleanup: () => Promise<void> | void): () => void {
  interruptCleanups.add(cleanup);
  return () => interruptCleanups.delete(cleanup);
}

/** Runs the registered cleanups, each given at most `timeoutMs`. */
export async function runInterruptCleanups(timeoutMs = 5_000): Promise<void> {
  await Promise.all(
    [...interruptCleanups].map((cleanup) =>
      Promise.race([
        Promise.resolve()
          .then(cleanup)
          .catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]),
    ),
  );
}

/** The commit shapes of the issue: events per commit × concurrent writers. */
export interface AppendCase {
  eventsPerCommit: number;
  writers: number;
}

export const APPEND_CASES: readonly AppendCase[] = [
  { eventsPerCommit: 1, writers: 1 },
  { eventsPerCommit: 1, writers: 8 },
  { eventsPerCommit: 10, writers: 1 },
  { eventsPerCommit: 10, writers: 8 },
];

/** The two logs readAll reads: written as 1-event commits, and as 10-event commits. */
export const READ_CASES: readonly number[] = [1, 10];

export function appendCaseName({ eventsPerCommit, writers }: AppendCase): string {
  return `append ${eventsPerCommit} event${eventsPerCommit > 1 ? 's' : ''}/commit, ${writers} writer${writers > 1 ? 's' : ''}`;
}

export function readCaseName(eventsPerCommit: number): string {
  return `readAll (log of ${eventsPerCommit}-event commits)`;
}

export type Target = { kind: 'ratio'; min: number } | { kind: 'rate'; min: number };

/** The appends target of the issue: at least half the raw rate. */
export const APPEND_TARGET: Target = { kind: 'ratio', min: 0.5 };
/** The readAll target of the issue for the embedded store. */
export const EMBEDDED_READ_TARGET: Target = { kind: 'rate', min: 50_000 };

/** One line of the results: the store's rates, the raw baseline's, one value per round. */
export interface Measurement {
  adapter: string;
  name: string;
  unit: 'appends/s' | 'events/s';
  store: number[];
  /** Undefined when there is no raw baseline (the in-memory store). */
  raw?: number[];
  target?: Target;
  /** What the line measured, beyond its name (e.g. commits per transaction). */
  notes: string[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The ratio store/raw: the median of the per-round ratios (each round runs the
 * store and its raw baseline back to back, so a load spike from other processes
 * hits a pair rather than one side of every pair).
 */
export function ratioOf(measurement: Measurement): number | undefined {
  const { store, raw } = measurement;
  if (!raw || raw.length === 0) return undefined;
  return median(store.map((rate, i) => rate / (raw[i] as number)));
}

/** Whether the line meets its target; undefined when it has none. */
export function targetMet(measurement: Measurement): boolean | undefined {
  const { target } = measurement;
  if (!target) return undefined;
  if (target.kind === 'ratio') {
    const ratio = ratioOf(measurement);
    return ratio !== undefined && ratio >= target.min;
  }
  return median(measurement.store) >= target.min;
}

export interface TimedRun {
  /** Operations completed (commits, or events read). */
  count: number;
  seconds: number;
  /** CPU time this process used (user + system), when measured. */
  cpuSeconds?: number;
}

/** Operations per CPU-second of this process: what an unloaded core would give a CPU-bound run. */
export function cpuRate(run: TimedRun): number | undefined {
  return run.cpuSeconds === undefined ? undefined : run.count / run.cpuSeconds;
}

export function rate(run: TimedRun): number {
  return run.count / run.seconds;
}

/**
 * Runs `writers` concurrent loops, each awaiting `commit(writer)` again and again
 * until `seconds` have passed; commits in flight at the deadline are awaited and
 * counted. A synchronous `commit` (better-sqlite3) makes the loops take turns.
 */
export async function timeWriters(
  writers: number,
  seconds: number,
  commit: (writer: number) => Promise<unknown> | unknown,
): Promise<TimedRun> {
  let count = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (performance.now() < deadline) {
        await commit(writer);
        count++;
      }
    }),
  );
  return { count, seconds: (performance.now() - start) / 1000 };
}

/** Repeats full passes of `pass` (which returns what it read) until `seconds` have passed; one pass at least. */
export async function timePasses(
  seconds: number,
  pass: () => Promise<number> | number,
): Promise<TimedRun> {
  let count = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  do {
    count += await pass();
  } while (performance.now() < deadline);
  return { count, seconds: (performance.now() - start) / 1000 };
}

/** Warm-up before a timed run: JIT, prepared statements, connection pool, file cache. */
export function warmupSeconds(options: BenchOptions): number {
  return Math.min(0.3, options.seconds / 5);
}

/**
 * timeWriters after an untimed warm-up run (warmupSeconds). `counter`, a
 * diagnostic (transactions, insert commands...), is read before and after the
 * timed run: `counted` is how much it grew during that run alone.
 */
export async function timeWritersAfterWarmUp(
  writers: number,
  options: BenchOptions,
  commit: (writer: number) => Promise<unknown> | unknown,
  counter: () => number = () => 0,
): Promise<TimedRun & { counted: number }> {
  await timeWriters(writers, warmupSeconds(options), commit);
  const before = counter();
  const run = await timeWriters(writers, options.seconds, commit);
  return { ...run, counted: counter() - before };
}

/** Commits per stream before a writer moves on to a new one (a service request's life). */
export const COMMITS_PER_STREAM = 20;

/**
 * Where a writer appends next: its own stream, with the version it knows as the
 * expected version; a new stream every COMMITS_PER_STREAM commits. The raw
 * baselines use the same cursor, so they write the same stream ids and versions.
 */
export class StreamCursor {
  private stream = 0;
  private commits = 0;
  version = 0;

  constructor(private readonly prefix: string) {}

  get streamId(): string {
    return `${this.prefix}-${this.stream}`;
  }

  /** The stream and expected version of the next commit. */
  next(): { streamId: string; expected: ExpectedVersion; firstVersion: number } {
    if (this.commits >= COMMITS_PER_STREAM) {
      this.stream++;
      this.commits = 0;
      this.version = 0;
    }
    return {
      streamId: this.streamId,
      expected: this.version === 0 ? 'no-stream' : this.version,
      firstVersion: this.version + 1,
    };
  }

  /** After the commit of `events` events succeeded. */
  advance(events: number): void {
    this.version += events;
    this.commits++;
  }
}

/** One cursor per writer, their streams named apart. */
export function cursors(prefix: string, writers: number): StreamCursor[] {
  return Array.from({ length: writers }, (_, w) => new StreamCursor(`${prefix}-w${w}`));
}

/** Where one commit goes: the writer's stream, the version it expects, its first event's version. */
export type CommitTarget = ReturnType<StreamCursor['next']>;

/**
 * The commit of each writer, for timeWriters: `eventsPerCommit` new events
 * written by `write` at the writer's cursor (one cursor per writer, streams
 * named `<prefix>-w<writer>-<n>`), the cursor moved on once it is written.
 */
export function writerCommits(
  prefix: string,
  writers: number,
  eventsPerCommit: number,
  write: (target: CommitTarget, events: NewEvent[]) => Promise<unknown> | unknown,
): (writer: number) => Promise<void> {
  const streams = cursors(prefix, writers);
  return async (writer) => {
    const cursor = streams[writer] as StreamCursor;
    await write(cursor.next(), commitEvents(eventsPerCommit));
    cursor.advance(eventsPerCommit);
  };
}

/**
 * The appends of one case through the port, on `store` (closed at the end):
 * each writer appends at the version it expects; see timeWritersAfterWarmUp.
 */
export async function timeStoreAppends(
  store: EventStore,
  prefix: string,
  { eventsPerCommit, writers }: AppendCase,
  options: BenchOptions,
  counter?: () => number,
): Promise<TimedRun & { counted: number }> {
  try {
    const commit = writerCommits(
      prefix,
      writers,
      eventsPerCommit,
      ({ streamId, expected }, events) => store.append(streamId, expected, events),
    );
    return await timeWritersAfterWarmUp(writers, options, commit, counter);
  } finally {
    await store.close();
  }
}

export function newMeasurement(
  adapter: string,
  name: string,
  unit: Measurement['unit'],
  target: Target | undefined,
  withRaw = true,
): Measurement {
  return { adapter, name, unit, store: [], ...(withRaw ? { raw: [] } : {}), target, notes: [] };
}

/** Adds one round's rates to the line and prints them. */
export function record(
  measurement: Measurement,
  storeRate: number,
  rawRate: number | undefined,
  round: number,
  options: BenchOptions,
): void {
  measurement.store.push(storeRate);
  if (rawRate !== undefined) measurement.raw?.push(rawRate);
  const raw =
    rawRate === undefined
      ? ''
      : `, raw ${formatRate(rawRate)} (store/raw ${formatRatio(storeRate / rawRate)})`;
  options.log(
    `  ${measurement.adapter} · ${measurement.name} · round ${round + 1}/${options.rounds}: ` +
      `store ${formatRate(storeRate)} ${measurement.unit}${raw}`,
  );
}

/** Runs both sides back to back, alternating which goes first from round to round. */
export async function pair<T>(
  storeFirst: boolean,
  runStore: () => Promise<T>,
  runRaw: () => Promise<T>,
): Promise<[T, T]> {
  if (storeFirst) {
    const store = await runStore();
    return [store, await runRaw()];
  }
  const raw = await runRaw();
  return [await runStore(), raw];
}

export function formatRate(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(1);
}

export function formatRatio(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '—' : value.toFixed(2);
}

/**
 * Fills `store` with `total` events in commits of `eventsPerCommit` (untimed), many
 * appends in flight so that it goes fast on every adapter.
 */
export async function populate(
  store: EventStore,
  eventsPerCommit: number,
  total: number,
  inFlight = 64,
): Promise<void> {
  const commits = Math.ceil(total / eventsPerCommit);
  let started = 0;
  await Promise.all(
    cursors(`read-${eventsPerCommit}`, inFlight).map(async (cursor) => {
      while (started < commits) {
        started++;
        const { streamId, expected } = cursor.next();
        await store.append(streamId, expected, commitEvents(eventsPerCommit));
        cursor.advance(eventsPerCommit);
      }
    }),
  );
}

/** One page of a read: how many events it returned, and the position of the last one. */
export interface Page {
  read: number;
  last: number;
}

/**
 * Reads the log page by page from the start, `readPage(after)` giving the page
 * after `after`, until `seconds` have passed (at least one page); at the end of
 * the log it starts again from the start. Timing pages rather than whole passes
 * keeps a slow reader (whose page cost grows with the log) within the time box.
 */
export async function timePages(
  seconds: number,
  readPage: (after: number) => Promise<Page> | Page,
): Promise<TimedRun> {
  let count = 0;
  let after = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  do {
    const page = await readPage(after);
    if (page.read === 0) {
      if (after === 0) break; // an empty log
      after = 0;
      continue;
    }
    count += page.read;
    after = page.last;
  } while (performance.now() < deadline);
  const { user, system } = process.cpuUsage(cpu);
  return { count, seconds: (performance.now() - start) / 1000, cpuSeconds: (user + system) / 1e6 };
}

/** readAll through the port, pages of `options.readPage` events, after one untimed page (see timePages). */
export async function timeStoreReads(store: EventStore, options: BenchOptions): Promise<TimedRun> {
  const page = (after: number): Promise<Page> => storePage(store, after, options.readPage);
  await page(0); // warm-up: prepared statement, connection, JIT
  return timePages(options.seconds, page);
}

/** A page of readAll through the port. */
export async function storePage(store: EventStore, after: number, limit: number): Promise<Page> {
  const events = await store.readAll({ afterPosition: after, limit });
  return {
    read: events.length,
    last: (events[events.length - 1] as RecordedEvent | undefined)?.position ?? after,
  };
}
