import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventError, WrongExpectedVersionError } from '../event-store.errors';
import { newEvent, newEvents } from '../event-store.fixtures';
import { DEFAULT_SQLITE_EVENT_STORE_FILE, SqliteEventStore } from './sqlite-event-store';

// What the contract cannot see from the port: the file, its pragmas, group commit.
const tsconfig = join(__dirname, '../../../../../tsconfig.base.json');
describe('SqliteEventStore', () => {
  let dir: string;
  let filename: string;
  const stores: SqliteEventStore[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sfp-sqlite-es-'));
    filename = join(dir, 'nested', 'events.sqlite');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  function open(writer: 'thread' | 'inline' = 'thread'): SqliteEventStore {
    const store = new SqliteEventStore({ filename, writer });
    stores.push(store);
    return store;
  }

  it('lives in one file under ./data by default, in WAL mode with durable commits', () => {
    expect(DEFAULT_SQLITE_EVENT_STORE_FILE).toBe('./data/event-store.sqlite');
    const store = open();
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('keeps acknowledged events across a reopen, and goes on from the last position', async () => {
    const first = open();
    await first.append('s', 'no-stream', newEvents(3));
    await first.close();
    const again = open();
    expect((await again.readAll({ afterPosition: 0 })).map((e) => e.position)).toEqual([1, 2, 3]);
    expect((await again.append('s', 3, newEvents(1))).positions).toEqual([4]);
  });

  // Two ways through a batch: a duplicate of an event stored before the batch
  // makes the multi-row INSERT fail and each append is retried alone; one of an
  // event earlier in the same batch is refused before anything is inserted.
  it.each([
    ['stored before the batch', 'thread', 'before'],
    ['appended earlier in the same batch', 'thread', 'within'],
    ['stored before the batch', 'inline', 'before'],
    ['appended earlier in the same batch', 'inline', 'within'],
  ] as const)(
    'writes appends made in the same tick in one transaction, each succeeding or failing alone (duplicate %s, %s writer)',
    async (_, writer, where) => {
      const store = open(writer);
      await store.append('taken', 'no-stream', newEvents(1));
      const stored = newEvent();
      if (where === 'before') await store.append('taken', 1, [stored]);
      const first = where === 'before' ? 3 : 2;
      // Each flush writes the whole queue in one transaction.
      const flush = jest.spyOn(store as unknown as { flush(): void }, 'flush');

      const outcomes = await Promise.allSettled([
        store.append('a', 'no-stream', newEvents(2)),
        store.append('taken', 'no-stream', newEvents(1)), // conflict
        store.append('c', 'any', where === 'within' ? [stored, newEvent()] : newEvents(2)),
        store.append('b', 'no-stream', [newEvent(), { ...newEvent(), eventId: stored.eventId }]), // duplicate
        store.append('a', 'any', newEvents(1)), // sees the first append of the batch
        store.append('a', 2, newEvents(1)), // conflict: the batch moved 'a' to 3
        store.append('a', 3, newEvents(1)),
      ]);

      expect(flush).toHaveBeenCalledTimes(1);
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventError);
      expect((outcomes[5] as PromiseRejectedResult).reason).toBeInstanceOf(
        WrongExpectedVersionError,
      );
      const results = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      // Dense and in queue order: the refused appends left no hole.
      expect(results.map((r) => r.positions)).toEqual([
        [first, first + 1],
        [first + 2, first + 3],
        [first + 4],
        [first + 5],
      ]);
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([2, 2, 3, 4]);
      const written = await store.readAll({ afterPosition: first - 1 });
      expect(written.map((e) => `${e.position} ${e.streamId}@${e.streamVersion}`)).toEqual([
        `${first} a@1`,
        `${first + 1} a@2`,
        `${first + 2} c@1`,
        `${first + 3} c@2`,
        `${first + 4} a@3`,
        `${first + 5} a@4`,
      ]);
      expect(await store.streamVersion('b')).toBe(0);
      expect(new Set(written.map((e) => e.recordedAt)).size).toBe(1);
    },
  );

  it('writes in a worker thread: the event loop runs while a batch is written', async () => {
    const store = open();
    await store.append('warm-up', 'no-stream', newEvents(1));
    // The store's own (reading) connection takes the write lock, so the writer
    // thread waits in its busy timeout and the append cannot finish before COMMIT.
    store.database.exec('BEGIN IMMEDIATE');
    let settled = false;
    const append = store.append('held', 'no-stream', newEvents(1)).finally(() => (settled = true));
    // Timers and I/O still run while the batch is in flight: written inline,
    // this thread would be stuck in the busy wait and no timer could fire.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    store.database.exec('COMMIT');
    await expect(append).resolves.toMatchObject({ nextExpectedVersion: 1 });
    expect(await store.headPosition()).toBe(2);
  });

  it('starts a new writer thread when its thread dies, failing only what it was writing', async () => {
    const store = open();
    await store.append('a', 'no-stream', newEvents(1));
    const writer = (store as unknown as { writer: { worker?: { terminate(): Promise<number> } } })
      .writer;
    const inFlight = store.append('a', 1, newEvents(1));
    await new Promise((resolve) => setImmediate(resolve)); // the batch is posted
    await writer.worker?.terminate();
    // Killed before it finished, the batch fails with the thread's death; a fast thread
    // may have finished it first (CI saw it once). Either way nothing else fails.
    // (Holding the batch with a transaction here is no way to force the first case:
    // terminating a thread in SQLite's busy wait aborts the process.)
    const outcome = await inFlight.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (outcome !== undefined)
      expect(outcome).toMatchObject({ message: expect.stringMatching(/writer thread .* stopped/) });

    const version = await store.streamVersion('a'); // 1 or 2: like a COMMIT that failed, it may be stored
    const next = await store.append('a', version, newEvents(2));
    expect(next.nextExpectedVersion).toBe(version + 2);
    expect((await store.readStream('a')).map((e) => e.streamVersion)).toEqual(
      Array.from({ length: version + 2 }, (_, i) => i + 1),
    );
  });

  // The writer thread must neither end a process before its appends are
  // acknowledged nor keep a finished process alive.
  it.each([
    ['closes the store', 'await store.close();'],
    ['leaves the store open', ''],
  ])(
    'lets a script that %s run to its end and exit',
    (_, closing) => {
      const script = `
      const { SqliteEventStore } = require(${JSON.stringify(require.resolve('./sqlite-event-store'))});
      (async () => {
        const store = new SqliteEventStore({ filename: ${JSON.stringify(filename)} });
        const result = await store.append('script', 'no-stream', [{
          eventId: 'e-1', type: 'test.Done', schemaVersion: 1, data: {},
          metadata: { correlationId: 'c', occurredAt: new Date().toISOString(), actor: { kind: 'system', id: 't' } },
        }]);
        ${closing}
        console.log('appended at ' + result.positions[0]);
      })();`;
      const output = execFileSync(
        process.execPath,
        ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script],
        { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TS_NODE_PROJECT: tsconfig } },
      );
      expect(output.trim()).toBe('appended at 1');
    },
    90_000,
  );

  it('serialises writers of two connections on the same file', async () => {
    const one = open();
    const two = open();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? one : two).append('shared', 'no-stream', newEvents(1)),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? one : two).append(`s-${i}`, 'any', newEvents(2)),
      ),
    );
    const all = await one.readAll({ afterPosition: 0 });
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('writes what is queued before closing', async () => {
    const store = open();
    const pending = store.append('s', 'no-stream', newEvents(2));
    await store.close();
    await expect(pending).resolves.toMatchObject({ positions: [1, 2] });
    const reopened = open();
    expect(await reopened.streamVersion('s')).toBe(2);
  });
});
