import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import { prepareAppend } from '../common/prepare-append';
import { DuplicateEventError } from '../event-store.errors';
import { newEvent, newEvents } from '../event-store.fixtures';
import { MongoEventStore, type MongoEventStoreOptions } from './mongo-event-store';
import {
  claimDocument,
  claimId,
  commitDocument,
  commitId,
  isClaim,
  type CommitDocument,
  type EventStoreDocument,
} from './mongo-event-store.documents';

// The parts of the MongoDB store's protocol the contract cannot reach from the
// port: stalled and dead writers, stale claims, the documents' shape.
describe('MongoEventStore (real server)', () => {
  let database: TestDatabase;
  let name: string;
  let collection: mongo.Collection<EventStoreDocument>;
  const stores: MongoEventStore[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('mongo_event_store');
  });
  afterAll(() => database.cleanup());
  beforeEach(() => {
    name = `events_${randomUUID().slice(0, 8)}`;
    collection = database.connection.collection<EventStoreDocument>(name);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await database.connection.dropCollection(name).catch(() => undefined);
  });

  async function open(options: MongoEventStoreOptions = {}): Promise<MongoEventStore> {
    const store = await MongoEventStore.open(database.connection, { collection: name, ...options });
    stores.push(store);
    return store;
  }

  it('keeps event data as JSON text in one commit document per append', async () => {
    const store = await open();
    const data = { 'a.b': { $c: [[1, 2]] } };
    await store.append('s', 'no-stream', [newEvent({ data }), newEvent()]);
    const commits = (await collection.find({ kind: 'commit' }).toArray()) as CommitDocument[];
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({
      _id: commitId(1),
      streamId: 's',
      streamVersion: 1,
      lastVersion: 2,
    });
    expect(commits[0]!.events[0]!.data).toBe(JSON.stringify(data));
    expect(await collection.countDocuments({ holder: { $exists: true } })).toBe(2);
  });

  it('continues a catch-up page where the last one ended, and then finds commits stored since', async () => {
    const writer = await open();
    const reader = await open();
    for (let i = 0; i < 12; i++) await writer.append(`s${i}`, 'no-stream', newEvents(2));
    const positions = (events: readonly { position: number }[]): number[] =>
      events.map((e) => e.position);
    const range = (from: number, to: number): number[] =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i);

    // Commits looked up by _id; the page ends inside a commit.
    expect(positions(await reader.readAll({ afterPosition: 0, limit: 19 }))).toEqual(range(1, 19));
    // Written after that read opened: the next pages must still reach them.
    await writer.append('late', 'no-stream', newEvents(3));
    expect(positions(await reader.readAll({ afterPosition: 19, limit: 3 }))).toEqual(range(20, 22));
    expect(positions(await reader.readAll({ afterPosition: 22, limit: 100 }))).toEqual(
      range(23, 27),
    );
    // A page that starts elsewhere than where one ended reads afresh.
    expect(positions(await reader.readAll({ afterPosition: 4, limit: 2 }))).toEqual([5, 6]);
    expect(await reader.readAll({ afterPosition: 27 })).toEqual([]);
  });

  it('reads 700 commits by _id windows (64, then 500) in order, and stops at the head', async () => {
    const writer = await open();
    const reader = await open();
    await Promise.all(
      Array.from({ length: 7 }, async (_, w) => {
        for (let i = 0; i < 100; i++) await writer.append(`w${w}-${i}`, 'no-stream', newEvents(1));
      }),
    );
    const first = await reader.readAll({ afterPosition: 0, limit: 1000 });
    expect(first.map((e) => e.position)).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
    expect(await reader.readAll({ afterPosition: 700, limit: 1000 })).toEqual([]);
    await writer.append('late', 'no-stream', newEvents(2));
    expect((await reader.readAll({ afterPosition: 700 })).map((e) => e.position)).toEqual([
      701, 702,
    ]);
  });

  it('never lets a held-up writer pass a commit a reader has seen: it moves to the next free position', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holds = 1;
    const slow = await open({
      beforeInsert: async () => {
        if (holds-- > 0) await held;
      },
    });
    const fast = await open();
    const reader = await open();

    const slowAppend = slow.append('slow', 'no-stream', newEvents(2)); // planned at positions 1-2, held
    await pause(50);
    const first = await fast.append('fast', 'no-stream', newEvents(3)); // takes 1-3
    expect(first.positions).toEqual([1, 2, 3]);
    expect((await reader.readAll({ afterPosition: 0 })).map((e) => e.streamId)).toEqual([
      'fast',
      'fast',
      'fast',
    ]);

    release();
    const late = await slowAppend;
    expect(late.positions).toEqual([4, 5]);
    const rest = await reader.readAll({ afterPosition: 3 });
    expect(rest.map((e) => [e.streamId, e.position])).toEqual([
      ['slow', 4],
      ['slow', 5],
    ]);
  });

  it('frees the claims of a refused append at once', async () => {
    const store = await open({ claimTimeoutMs: 60_000 });
    const stored = newEvent();
    await store.append('a', 'no-stream', [stored]);
    const reused = newEvent();
    await expect(
      store.append('b', 'no-stream', [reused, { ...newEvent(), eventId: stored.eventId }]),
    ).rejects.toThrow(DuplicateEventError);
    // `reused` was claimed by the refused append; the same eventId goes in now, without waiting.
    const started = Date.now();
    await store.append('b', 'no-stream', [reused]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await store.readStream('b')).map((e) => e.eventId)).toEqual([reused.eventId]);
  });

  it('takes over the claim of a writer that died before committing, once the claim is old enough', async () => {
    const store = await open({ claimTimeoutMs: 400 });
    const event = newEvent();
    const deadToken = randomUUID();
    await collection.insertOne(claimDocument(event.eventId, 0, deadToken, 1, Date.now()));

    const started = Date.now();
    const result = await store.append('s', 'no-stream', [event]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(result.positions).toEqual([1]);
    expect(await collection.findOne({ _id: claimId(event.eventId, 1) })).toMatchObject({
      holder: expect.any(String),
    });

    // Should the dead writer wake up, its commit can no longer be inserted: it is fenced.
    const late = commitDocument(
      'late',
      1,
      2,
      deadToken,
      new Date().toISOString(),
      prepareAppend('late', 'any', [event]),
    );
    await expect(collection.insertOne(late)).rejects.toMatchObject({ code: 11000 });
    // And the eventId is now taken for good.
    await expect(store.append('other', 'no-stream', [event])).rejects.toThrow(DuplicateEventError);
  });

  it('proves a duplicate by fencing when the claim points to the wrong position', async () => {
    const store = await open({ claimTimeoutMs: 300 });
    const event = newEvent();
    await store.append('s', 'no-stream', [event]);
    await collection.updateOne({ _id: claimId(event.eventId, 0) }, { $set: { position: 999 } });

    // The holder's commit is not where its claim says; after the timeout the
    // fence insert collides with that commit's token, which proves it stored.
    await expect(store.append('other', 'no-stream', [event])).rejects.toThrow(DuplicateEventError);
    // The probing fence collided, so none was stored; the refused append held no claim to release.
    expect(await collection.countDocuments({ kind: 'fence' })).toBe(0);
    expect(await store.readAll({ afterPosition: 0 })).toHaveLength(1);
  });

  it('waits for a claim whose holder is still writing, then reports the duplicate', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holds = 1;
    const holder = await open({
      beforeInsert: async (documents) => {
        // Let the claims in, hold the commit back (as a slow MongoDB insertMany would).
        if (holds-- > 0) {
          await collection.insertMany(documents.filter(isClaim));
          await held;
        }
      },
      claimTimeoutMs: 60_000,
    });
    const other = await open({ claimTimeoutMs: 60_000 });
    const event = newEvent();
    const holding = holder.append('s', 'no-stream', [event]);
    await pause(50);
    const competing = other.append('t', 'no-stream', [event]);
    await pause(100);
    release();
    // The holder's insertMany now collides on its own claims: it recognises them and commits.
    await expect(holding).resolves.toMatchObject({ positions: [1] });
    await expect(competing).rejects.toThrow(DuplicateEventError);
  });
});

describe('MongoEventStore: an append stored by a try its writer did not see', () => {
  let database: TestDatabase;
  let collection: mongo.Collection<EventStoreDocument>;
  let store: MongoEventStore | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('mongo_event_store_unseen');
  });
  afterAll(async () => {
    await store?.close();
    await database.cleanup();
  });

  it('is reported stored where its commit is (found by its token), not planned again for ever', async () => {
    const name = `events_${randomUUID().slice(0, 8)}`;
    collection = database.connection.collection<EventStoreDocument>(name);
    let tries = 0;
    store = await MongoEventStore.open(database.connection, {
      collection: name,
      // First try: another writer holds position 1, and this append's commit is already
      // stored at 2 (as by an earlier try whose outcome this writer never saw).
      beforeInsert: async (documents) => {
        if (tries++ > 0) return;
        const ours = documents.find((d) => d.kind === 'commit') as CommitDocument;
        await collection.insertMany([
          { ...ours, streamId: 'other', token: randomUUID() },
          { ...ours, _id: commitId(2), firstPosition: 2, lastPosition: 2 },
        ]);
      },
    });
    const stored = await store.append('s', 'no-stream', [newEvent()]);
    expect(stored).toMatchObject({ nextExpectedVersion: 1, positions: [2] });
    expect(await collection.countDocuments({ kind: 'commit', streamId: 's' })).toBe(1);
    expect((await store.readStream('s')).map((e) => e.position)).toEqual([2]);
  });
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
