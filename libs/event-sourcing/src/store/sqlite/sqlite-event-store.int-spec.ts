import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventError, WrongExpectedVersionError } from '../event-store.errors';
import { newEvent, newEvents } from '../event-store.fixtures';
import { DEFAULT_SQLITE_EVENT_STORE_FILE, SqliteEventStore } from './sqlite-event-store';

// What the contract cannot see from the port: the file, its pragmas, group commit.
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

  function open(): SqliteEventStore {
    const store = new SqliteEventStore({ filename });
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

  it('writes appends made in the same tick in one transaction, each succeeding or failing alone', async () => {
    const store = open();
    const stored = newEvent();
    await store.append('taken', 'no-stream', [stored]);
    // Each flush writes the whole queue in one transaction.
    const flush = jest.spyOn(store as unknown as { flush(): void }, 'flush');

    const outcomes = await Promise.allSettled([
      store.append('a', 'no-stream', newEvents(2)),
      store.append('taken', 'no-stream', newEvents(1)), // conflict
      store.append('b', 'no-stream', [newEvent(), { ...newEvent(), eventId: stored.eventId }]), // duplicate
      store.append('c', 'any', newEvents(3)),
      store.append('a', 'any', newEvents(1)), // sees the first append of the batch
    ]);

    expect(flush).toHaveBeenCalledTimes(1);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventError);
    const positions = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value.positions : []));
    expect(positions).toEqual([2, 3, 4, 5, 6, 7]); // dense: the failed appends left no hole
    expect(await store.streamVersion('a')).toBe(3);
    expect(await store.streamVersion('b')).toBe(0);
    const recordedAt = new Set(
      (await store.readAll({ afterPosition: 1 })).map((e) => e.recordedAt),
    );
    expect(recordedAt.size).toBe(1);
  });

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
