import fc from 'fast-check';
import type { NewEvent, RecordedEvent } from '../envelope/event-envelope';
import {
  DuplicateEventError,
  InvalidAppendError,
  WrongExpectedVersionError,
} from './event-store.errors';
import { newEvent, newEvents } from './event-store.fixtures';
import type { AppendResult, EventStore, ExpectedVersion } from './event-store.port';
import { FeedFollower } from './follow/feed-follower';
import { useContractFixture } from '../contract-fixture';

export interface EventStoreFixture {
  /** A store on fresh, empty storage. */
  store: EventStore;
  /**
   * Another store over the same storage, as a second process would open it
   * (its own connection, caches and notifier). Absent for adapters that live in
   * one process only (memory). The suite closes what it opens.
   */
  openPeer?: () => Promise<EventStore>;
  /** Closes the store and drops its storage. */
  cleanup(): Promise<void>;
}

export interface EventStoreContractOptions {
  /** Runs of the fast-check JSON round-trip property (default 100). */
  propertyRuns?: number;
}

/**
 * The EventStore contract, run against every adapter by one small
 * `*.contract-spec.ts` per adapter:
 *
 *   describeEventStoreContract('SQLite', async () => { ...; return { store, cleanup } });
 */
export function describeEventStoreContract(
  adapter: string,
  createFixture: () => Promise<EventStoreFixture>,
  options: EventStoreContractOptions = {},
): void {
  const propertyRuns = options.propertyRuns ?? 100;

  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    const fixture = useContractFixture(createFixture, {
      opened: (opened) => (store = opened.store),
    });

    /** The store and, when the adapter has them, peers: writers spread over "processes". */
    async function writerStores(count: number): Promise<EventStore[]> {
      const { openPeer } = fixture.current();
      if (!openPeer) return [store];
      const peers = await Promise.all(Array.from({ length: count - 1 }, () => openPeer()));
      for (const peer of peers) fixture.release(() => peer.close());
      return [store, ...peers];
    }

    describe('append and readStream', () => {
      it('round-trips every envelope field', async () => {
        const before = Date.now();
        const first = newEvent({
          type: 'test.Opened',
          schemaVersion: 2,
          data: { title: 'first' },
          metadata: {
            correlationId: 'corr-1',
            causationId: 'cause-1',
            actor: { kind: 'integration-client', id: 'client-7', department: 'ROAP' },
            occurredAt: '2024-02-29T12:34:56.789Z',
          },
        });
        const second = newEvent({
          type: 'test.Noted',
          data: { note: 'second' },
          metadata: { correlationId: 'corr-1', actor: { kind: 'system', id: 'sfp-platform' } },
        });

        const result = await store.append('case-1', 'no-stream', [first, second]);

        expect(result).toEqual({ streamId: 'case-1', nextExpectedVersion: 2, positions: [1, 2] });
        const events = await store.readStream('case-1');
        expect(events).toHaveLength(2);
        const [a, b] = events as [RecordedEvent, RecordedEvent];
        expect(a).toEqual({
          eventId: first.eventId,
          type: 'test.Opened',
          schemaVersion: 2,
          streamId: 'case-1',
          streamVersion: 1,
          position: 1,
          occurredAt: '2024-02-29T12:34:56.789Z',
          recordedAt: expect.any(String),
          correlationId: 'corr-1',
          causationId: 'cause-1',
          actor: { kind: 'integration-client', id: 'client-7', department: 'ROAP' },
          data: { title: 'first' },
        });
        expect(b).toEqual({
          eventId: second.eventId,
          type: 'test.Noted',
          schemaVersion: 1,
          streamId: 'case-1',
          streamVersion: 2,
          position: 2,
          occurredAt: second.metadata.occurredAt,
          recordedAt: a.recordedAt,
          correlationId: 'corr-1',
          actor: { kind: 'system', id: 'sfp-platform' },
          data: { note: 'second' },
        });
        expect('causationId' in b).toBe(false);
        expect('department' in b.actor).toBe(false);
        const recordedAt = Date.parse(a.recordedAt);
        expect(new Date(recordedAt).toISOString()).toBe(a.recordedAt);
        expect(recordedAt).toBeGreaterThanOrEqual(before - 1000);
        expect(recordedAt).toBeLessThanOrEqual(Date.now() + 1000);
      });

      it('reads a stream from a version, and an unknown stream as empty at version 0', async () => {
        await store.append('s', 'no-stream', newEvents(3));
        await store.append('s', 3, newEvents(2));
        expect((await store.readStream('s', 3)).map((e) => e.streamVersion)).toEqual([3, 4, 5]);
        expect((await store.readStream('s', 5)).map((e) => e.streamVersion)).toEqual([5]);
        expect(await store.readStream('s', 6)).toEqual([]);
        expect(await store.streamVersion('s')).toBe(5);
        expect(await store.readStream('nobody')).toEqual([]);
        expect(await store.streamVersion('nobody')).toBe(0);
      });

      it('keeps each stream in the order of its appends, interleaved with other streams', async () => {
        const expected = new Map<string, string[]>();
        for (let round = 0; round < 6; round++) {
          for (const streamId of ['a', 'b', 'c']) {
            const events = newEvents(1 + (round % 3));
            await store.append(streamId, (expected.get(streamId) ?? []).length, events);
            expected.set(streamId, [
              ...(expected.get(streamId) ?? []),
              ...events.map((e) => e.eventId),
            ]);
          }
        }
        const all = await store.readAll({ afterPosition: 0, limit: 10_000 });
        for (const [streamId, ids] of expected) {
          const stream = await store.readStream(streamId);
          expect(stream.map((e) => e.eventId)).toEqual(ids);
          expect(stream.map((e) => e.streamVersion)).toEqual(ids.map((_, i) => i + 1));
          const inGlobalOrder = all.filter((e) => e.streamId === streamId);
          expect(inGlobalOrder.map((e) => e.eventId)).toEqual(ids);
        }
      });
    });

    describe('expected version', () => {
      it("accepts 'no-stream' and 0 for a new stream only", async () => {
        await store.append('a', 'no-stream', newEvents(1));
        await store.append('b', 0, newEvents(2));
        const noStream = await rejection(store.append('a', 'no-stream', newEvents(1)));
        expect(noStream).toBeInstanceOf(WrongExpectedVersionError);
        expect(noStream).toMatchObject({
          streamId: 'a',
          expectedVersion: 'no-stream',
          actualVersion: 1,
        });
        const zero = await rejection(store.append('b', 0, newEvents(1)));
        expect(zero).toMatchObject({ streamId: 'b', expectedVersion: 0, actualVersion: 2 });
      });

      it('accepts the exact current version and refuses an older or a newer one', async () => {
        const first = await store.append('s', 'no-stream', newEvents(2));
        expect(first.nextExpectedVersion).toBe(2);
        const second = await store.append('s', first.nextExpectedVersion, newEvents(1));
        expect(second.nextExpectedVersion).toBe(3);
        for (const stale of [0, 2, 4, 99]) {
          const error = await rejection(store.append('s', stale, newEvents(1)));
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({
            code: 'WRONG_EXPECTED_VERSION',
            expectedVersion: stale,
            actualVersion: 3,
          });
        }
        const missing = await rejection(store.append('none', 1, newEvents(1)));
        expect(missing).toMatchObject({ expectedVersion: 1, actualVersion: 0 });
        expect(await store.streamVersion('s')).toBe(3);
        expect(await store.streamVersion('none')).toBe(0);
      });

      it("appends with 'any' whatever the version", async () => {
        expect((await store.append('s', 'any', newEvents(2))).nextExpectedVersion).toBe(2);
        expect((await store.append('s', 'any', newEvents(1))).nextExpectedVersion).toBe(3);
        expect((await store.readStream('s')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      });

      it.each<[string, ExpectedVersion, number]>([
        ["'no-stream'", 'no-stream', 0],
        ['a version number', 3, 3],
      ])(
        'lets exactly one of 10 concurrent writers expecting %s win',
        async (_label, expected, setUp) => {
          if (setUp > 0) await store.append('contended', 'no-stream', newEvents(setUp));
          const stores = await writerStores(3);
          const attempts = Array.from({ length: 10 }, (_, i) => newEvents(1 + (i % 3)));
          const outcomes = await Promise.allSettled(
            attempts.map((events, i) =>
              stores[i % stores.length]!.append('contended', expected, events),
            ),
          );

          const winners = outcomes.flatMap((o, i) =>
            o.status === 'fulfilled' ? [{ result: o.value, i }] : [],
          );
          expect(winners).toHaveLength(1);
          const { result, i: winner } = winners[0]!;
          const winnerEvents = attempts[winner]!;
          expect(result.nextExpectedVersion).toBe(setUp + winnerEvents.length);
          for (const outcome of outcomes) {
            if (outcome.status === 'fulfilled') continue;
            expect(outcome.reason).toBeInstanceOf(WrongExpectedVersionError);
            expect(outcome.reason).toMatchObject({
              streamId: 'contended',
              expectedVersion: expected,
              actualVersion: result.nextExpectedVersion,
            });
          }
          const stream = await store.readStream('contended', setUp + 1);
          expect(stream.map((e) => e.eventId)).toEqual(winnerEvents.map((e) => e.eventId));
          const all = await store.readAll({ afterPosition: 0 });
          expect(all).toHaveLength(setUp + winnerEvents.length);
        },
      );

      it("never loses an 'any' append among concurrent writers", async () => {
        const stores = await writerStores(3);
        const attempts = Array.from({ length: 12 }, (_, i) => newEvents(1 + (i % 2)));
        const results = await Promise.all(
          attempts.map((events, i) => stores[i % stores.length]!.append('shared', 'any', events)),
        );
        const total = attempts.reduce((n, events) => n + events.length, 0);
        const stream = await store.readStream('shared');
        expect(stream.map((e) => e.streamVersion)).toEqual(
          Array.from({ length: total }, (_, i) => i + 1),
        );
        // Each append's events are contiguous in the stream and match what it was told.
        attempts.forEach((events, i) => {
          const end = results[i]!.nextExpectedVersion;
          const slice = stream.slice(end - events.length, end);
          expect(slice.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
          expect(slice.map((e) => e.position)).toEqual(results[i]!.positions);
        });
      });
    });

    describe('readAll', () => {
      it('pages through the global order, also inside a multi-event append', async () => {
        await store.append('a', 'no-stream', newEvents(3));
        await store.append('b', 'no-stream', newEvents(4));
        await store.append('a', 3, newEvents(1));
        expect(await store.headPosition()).toBe(8);
        const firstPage = await store.readAll({ afterPosition: 0, limit: 2 });
        expect(firstPage.map((e) => e.position)).toEqual([1, 2]);
        const middle = await store.readAll({ afterPosition: 2, limit: 3 });
        expect(middle.map((e) => [e.streamId, e.streamVersion, e.position])).toEqual([
          ['a', 3, 3],
          ['b', 1, 4],
          ['b', 2, 5],
        ]);
        const rest = await store.readAll({ afterPosition: 5 });
        expect(rest.map((e) => e.position)).toEqual([6, 7, 8]);
        expect(await store.readAll({ afterPosition: 8 })).toEqual([]);
        expect(await store.readAll({ afterPosition: 100 })).toEqual([]);
      });

      it('starts empty', async () => {
        expect(await store.headPosition()).toBe(0);
        expect(await store.readAll({ afterPosition: 0 })).toEqual([]);
      });

      it('never skips or repeats a position while writers run concurrently', async () => {
        const stores = await writerStores(4);
        const writers = 6;
        const appendsPerWriter = 15;
        const acknowledged = new Map<number, string>();

        const write = async (writer: number): Promise<void> => {
          const target = stores[writer % stores.length]!;
          const versions = new Map<string, number>();
          for (let i = 0; i < appendsPerWriter; i++) {
            const streamId = `writer-${writer}-stream-${i % 4}`;
            const events = newEvents(1 + ((writer + i) % 3));
            const version = versions.get(streamId) ?? 0;
            const result = await target.append(streamId, version, events);
            versions.set(streamId, result.nextExpectedVersion);
            acknowledge(acknowledged, result, events);
          }
        };
        const seen = await readAllWhile(store, 7, () =>
          Promise.all(Array.from({ length: writers }, (_, w) => write(w))),
        );

        const total = acknowledged.size;
        expect(total).toBeGreaterThan(writers * appendsPerWriter);
        expect(seen.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        expect(seen.map((e) => e.eventId)).toEqual(seen.map((e) => acknowledged.get(e.position)));
        expect(await store.headPosition()).toBe(total);
      });

      it('never skips or repeats a position while writers conflict', async () => {
        const stores = await writerStores(3);
        const acknowledged = new Map<number, string>();

        const write = async (writer: number): Promise<void> => {
          const target = stores[writer % stores.length]!;
          for (let i = 0; i < 12; i++) {
            const streamId = `shared-${i % 2}`;
            const events = newEvents(1 + (i % 2));
            // Some writers expect the version they just read (and may lose), others use 'any'.
            const expected: ExpectedVersion =
              writer % 3 === 0 ? 'any' : await target.streamVersion(streamId);
            try {
              acknowledge(acknowledged, await target.append(streamId, expected, events), events);
            } catch (error) {
              if (!(error instanceof WrongExpectedVersionError)) throw error;
            }
          }
        };
        const seen = await readAllWhile(store, 5, () =>
          Promise.all(Array.from({ length: 6 }, (_, w) => write(w))),
        );

        const positions = [...acknowledged.keys()].sort((x, y) => x - y);
        expect(seen.map((e) => e.position)).toEqual(positions);
        expect(seen.map((e) => e.eventId)).toEqual(positions.map((p) => acknowledged.get(p)));
        // Refused appends leave no hole: positions stay 1, 2, 3, ...
        expect(positions).toEqual(positions.map((_, i) => i + 1));
        for (const streamId of ['shared-0', 'shared-1']) {
          const stream = await store.readStream(streamId);
          expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
        }
        expect(await store.headPosition()).toBe(positions[positions.length - 1]);
      });
    });

    describe('duplicate eventId (refused: the whole append fails, nothing of it is stored)', () => {
      it('refuses an eventId that appears twice in one append', async () => {
        const event = newEvent();
        const error = await rejection(
          store.append('s', 'no-stream', [
            event,
            newEvent(),
            { ...newEvent(), eventId: event.eventId },
          ]),
        );
        expect(error).toBeInstanceOf(DuplicateEventError);
        expect(error).toMatchObject({ code: 'DUPLICATE_EVENT', eventId: event.eventId });
        expect(await store.streamVersion('s')).toBe(0);
        expect(await store.readAll({ afterPosition: 0 })).toEqual([]);
        expect(await store.headPosition()).toBe(0);
      });

      it('refuses an eventId stored by an earlier append, in any stream', async () => {
        const stored = newEvent();
        await store.append('first', 'no-stream', [stored]);
        for (const [streamId, expected] of [
          ['first', 1],
          ['second', 'no-stream'],
        ] as const) {
          const error = await rejection(
            store.append(streamId, expected, [
              newEvent(),
              { ...newEvent(), eventId: stored.eventId },
            ]),
          );
          expect(error).toBeInstanceOf(DuplicateEventError);
          expect(error).toMatchObject({ eventId: stored.eventId });
        }
        expect(await store.streamVersion('first')).toBe(1);
        expect(await store.streamVersion('second')).toBe(0);
        const all = await store.readAll({ afterPosition: 0 });
        expect(all.map((e) => e.eventId)).toEqual([stored.eventId]);
        expect(await store.headPosition()).toBe(1);
        // The refused appends left nothing behind: the same events with fresh ids go in.
        await store.append('second', 'no-stream', newEvents(2));
        expect(await store.streamVersion('second')).toBe(2);
      });

      it('lets exactly one of several concurrent appends of the same eventId through', async () => {
        const stores = await writerStores(3);
        const shared = newEvent();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) =>
            stores[i % stores.length]!.append(`dup-${i}`, 'no-stream', [
              newEvent(),
              { ...newEvent(), eventId: shared.eventId },
            ]),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected')
            expect(outcome.reason).toBeInstanceOf(DuplicateEventError);
        }
        const all = await store.readAll({ afterPosition: 0 });
        expect(all).toHaveLength(2);
        expect(all.filter((e) => e.eventId === shared.eventId)).toHaveLength(1);
      });
    });

    describe('invalid appends', () => {
      it('refuses an empty append', async () => {
        const error = await rejection(store.append('s', 'any', []));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error).toMatchObject({ code: 'INVALID_APPEND' });
        expect(await store.streamVersion('s')).toBe(0);
      });

      it.each<[string, () => [string, ExpectedVersion, NewEvent[]]]>([
        ['an empty stream id', () => ['', 'any', newEvents(1)]],
        ['a stream id starting with $', () => ['$all', 'any', newEvents(1)]],
        ['a negative expected version', () => ['s', -1, newEvents(1)]],
        ['a fractional expected version', () => ['s', 1.5, newEvents(1)]],
        ['an empty eventId', () => ['s', 'any', [newEvent({ eventId: '' })]]],
        ['an empty type', () => ['s', 'any', [newEvent({ type: '' })]]],
        ['schemaVersion 0', () => ['s', 'any', [newEvent({ schemaVersion: 0 })]]],
        ['undefined data', () => ['s', 'any', [newEvent({ data: undefined })]]],
        ['NaN in data', () => ['s', 'any', [newEvent({ data: { amount: Number.NaN } })]]],
        ['Infinity in data', () => ['s', 'any', [newEvent({ data: [Number.POSITIVE_INFINITY] })]]],
        ['a Date in data', () => ['s', 'any', [newEvent({ data: { at: new Date() } })]]],
        ['a Map in data', () => ['s', 'any', [newEvent({ data: new Map([['a', 1]]) })]]],
        ['undefined in an array', () => ['s', 'any', [newEvent({ data: [1, undefined] })]]],
        ['a bigint in data', () => ['s', 'any', [newEvent({ data: { big: BigInt(1) } })]]],
      ])('refuses %s', async (_label, makeArgs) => {
        const [streamId, expected, events] = makeArgs();
        const good = newEvent();
        const error = await rejection(store.append(streamId, expected, [good, ...events]));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(await store.headPosition()).toBe(0);
      });
    });

    describe('JSON payloads round-trip exactly', () => {
      const payloads: Array<[string, unknown]> = [
        [
          'unicode: emoji, RTL, combining marks, NUL',
          {
            emoji: '💸🏦👩🏽‍💼',
            rtl: 'التمويل الاجتماعي',
            hebrew: 'מימון',
            combining: 'é vs é',
            nul: 'before\u0000after',
            controls: '\t\n\r\u0001\u001f\u2028\u2029',
            '\u0000key': 'NUL in a key',
          },
        ],
        [
          'keys with dots and starting with $',
          {
            'a.b': 1,
            $set: { 'x.y.z': true },
            $: 'dollar',
            $where: 'not a query',
            '.': '.',
            '': 'empty key',
            _id: 'not an id',
            __proto__x: 1,
          },
        ],
        [
          'nested arrays',
          {
            matrix: [
              [1, 2],
              [3, [4, [5, []]]],
            ],
            empty: [[]],
            mixed: [[{ 'a.b': [[null]] }]],
          },
        ],
        [
          'edge numbers',
          {
            tiny: 1e-7,
            max: 2 ** 53 - 1,
            min: -(2 ** 53 - 1),
            big: 1.7976931348623157e308,
            small: 5e-324,
            fraction: 0.1 + 0.2,
            negative: -42.5,
            zero: 0,
            exponent: 6.02214076e23,
          },
        ],
        [
          'nulls and empties',
          { nothing: null, emptyObject: {}, emptyArray: [], emptyString: '', nested: { a: {} } },
        ],
        ['a bare string', 'just a string'],
        ['a bare number', 3.14],
        ['null', null],
        ['false', false],
        ['a bare array', [1, 'two', null, { three: 3 }]],
        ['an empty object', {}],
        ['an empty array', []],
      ];

      it('for every kind of tricky value, in one append', async () => {
        const events = payloads.map(([label, data]) =>
          newEvent({ type: `test.${label.replace(/\W+/g, '-')}`, data }),
        );
        await store.append('payloads', 'no-stream', events);
        const read = await store.readStream('payloads');
        read.forEach((event, i) => {
          const data = payloads[i]![1];
          expect(event.data).toEqual(data);
          expect(JSON.stringify(event.data)).toBe(JSON.stringify(data));
        });
        const all = await store.readAll({ afterPosition: 0 });
        expect(all.map((e) => e.data)).toEqual(payloads.map(([, data]) => data));
      });

      it('for a payload of about 1 MB', async () => {
        const rows = Array.from({ length: 4_000 }, (_, i) => ({
          i,
          name: `participant ${i} — ${'ü'.repeat(i % 7)}`,
          scores: [i / 3, -(i + 1), [i % 5]],
          'k.with.dots': { $inc: i },
          note: 'x'.repeat(180),
        }));
        const data = { rows, blob: '🙂'.repeat(50_000) };
        expect(JSON.stringify(data).length).toBeGreaterThan(1_000_000);
        await store.append('large', 'no-stream', [newEvent({ data })]);
        const [event] = await store.readStream('large');
        expect(JSON.stringify(event!.data)).toBe(JSON.stringify(data));
        const [fromAll] = await store.readAll({ afterPosition: 0 });
        expect(fromAll!.data).toEqual(data);
      });

      it('for any JSON value (property)', async () => {
        let n = 0;
        await fc.assert(
          fc.asyncProperty(fc.jsonValue({ stringUnit: 'binary' }), async (data) => {
            const streamId = `property-${n++}`;
            await store.append(streamId, 'no-stream', [newEvent({ data })]);
            const [event] = await store.readStream(streamId);
            // JSON has no -0; everything else must come back as it went in.
            expect(event!.data).toEqual(JSON.parse(JSON.stringify(data)));
            expect(JSON.stringify(event!.data)).toBe(JSON.stringify(data));
          }),
          { numRuns: propertyRuns },
        );
      });
    });

    describe('subscribe', () => {
      it('catches up, then delivers live appends, one at a time in global order', async () => {
        await store.append('a', 'no-stream', newEvents(3));
        await store.append('b', 'no-stream', newEvents(2));
        const received: RecordedEvent[] = [];
        let inHandler = 0;
        let overlapped = false;
        const subscription = store.subscribe(
          async (event) => {
            inHandler++;
            if (inHandler > 1) overlapped = true;
            await pause(1);
            received.push(event);
            inHandler--;
          },
          { afterPosition: 0, batchSize: 2 },
        );
        await subscription.caughtUp;
        expect(received.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
        expect(subscription.position).toBe(5);

        await store.append('a', 3, newEvents(2));
        await store.append('c', 'no-stream', newEvents(1));
        await eventually(() => expect(received).toHaveLength(8));
        expect(received.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(overlapped).toBe(false);
        await subscription.stop();
        expect(subscription.position).toBe(8);
      });

      it('resumes after a checkpoint', async () => {
        const result = await store.append('a', 'no-stream', newEvents(5));
        const received: number[] = [];
        const subscription = store.subscribe((event) => void received.push(event.position), {
          afterPosition: result.positions[2]!,
        });
        await subscription.caughtUp;
        expect(received).toEqual(result.positions.slice(3));
        await subscription.stop();
      });

      it('stops on a handler error without skipping the failed event', async () => {
        const { positions } = await store.append('a', 'no-stream', newEvents(4));
        const failures: Array<[unknown, RecordedEvent]> = [];
        const received: number[] = [];
        const boom = new Error('projection failed');
        const subscription = store.subscribe(
          (event) => {
            if (event.position === positions[2]) throw boom;
            received.push(event.position);
          },
          { afterPosition: 0, onError: (error, event) => failures.push([error, event]) },
        );
        await eventually(() => expect(failures).toHaveLength(1));
        expect(failures[0]![0]).toBe(boom);
        expect(failures[0]![1].position).toBe(positions[2]);
        expect(received).toEqual(positions.slice(0, 2));
        expect(subscription.position).toBe(positions[1]);
        await expect(subscription.caughtUp).rejects.toThrow(/stopped/);

        await store.append('a', 4, newEvents(1));
        await pause(50);
        expect(received).toEqual(positions.slice(0, 2));
        await subscription.stop();

        // A new subscription from the checkpoint gets the failed event first.
        const retried: number[] = [];
        const resumed = store.subscribe((event) => void retried.push(event.position), {
          afterPosition: subscription.position,
        });
        await resumed.caughtUp;
        expect(retried.slice(0, 2)).toEqual(positions.slice(2));
        expect(retried).toHaveLength(3);
        await resumed.stop();
      });

      it('delivers nothing after stop()', async () => {
        const received: number[] = [];
        const subscription = store.subscribe((event) => void received.push(event.position), {
          afterPosition: 0,
        });
        await subscription.caughtUp;
        await store.append('a', 'no-stream', newEvents(1));
        await eventually(() => expect(received).toEqual([1]));
        await subscription.stop();
        await store.append('a', 1, newEvents(1));
        await pause(50);
        expect(received).toEqual([1]);
      });

      it('sees appends made by another process', async () => {
        if (!fixture.current().openPeer) return; // one-process adapter: nothing to show
        const [, peer] = await writerStores(2);
        const received: string[] = [];
        const subscription = store.subscribe((event) => void received.push(event.eventId), {
          afterPosition: 0,
        });
        await subscription.caughtUp;
        const events = newEvents(3);
        await peer!.append('from-peer', 'no-stream', events);
        await eventually(() => expect(received).toEqual(events.map((e) => e.eventId)));
        await subscription.stop();
      });
    });

    describe('appended feed (onAppended)', () => {
      /** Registers a listener; returns what it received, one entry per call. */
      function listen(target: EventStore): { calls: RecordedEvent[][]; stop: () => void } {
        expect(typeof target.onAppended).toBe('function');
        const calls: RecordedEvent[][] = [];
        const stop = target.onAppended!((events) => calls.push(events));
        return { calls, stop };
      }

      it('feeds each acknowledged append, before it resolves, with the events readAll returns', async () => {
        const feed = listen(store);
        const seenAtResolve: number[] = [];
        const first = newEvent({
          data: { 'dotted.key': [1, [2, 'x']], $money: 'é', nested: { n: null } },
          metadata: { causationId: 'cause-9', actor: { kind: 'system', id: 'sla-check' } },
        });
        await store
          .append('a', 'no-stream', [first])
          .then(() => seenAtResolve.push(feed.calls.length));
        await store
          .append('b', 'no-stream', newEvents(3))
          .then(() => seenAtResolve.push(feed.calls.length));
        await store.append('a', 1, newEvents(2)).then(() => seenAtResolve.push(feed.calls.length));
        expect(seenAtResolve).toEqual([1, 2, 3]);
        expect(feed.calls.map((call) => call.map((e) => e.position))).toEqual([
          [1],
          [2, 3, 4],
          [5, 6],
        ]);
        expect(feed.calls.flat()).toEqual(await store.readAll({ afterPosition: 0 }));
        feed.stop();
      });

      it('feeds concurrent appends in increasing positions, consecutive within a call, and nothing refused', async () => {
        await store.append('taken', 'no-stream', newEvents(1));
        const stored = newEvent();
        await store.append('dup', 'no-stream', [stored]);
        const feed = listen(store);
        const outcomes = await Promise.allSettled([
          ...Array.from({ length: 20 }, (_, i) =>
            store.append(`s-${i}`, 'no-stream', newEvents(1 + (i % 3))),
          ),
          store.append('taken', 'no-stream', newEvents(1)), // wrong expected version
          store.append('other', 'no-stream', [{ ...stored }]), // duplicate eventId
        ]);
        expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(2);
        const positions = feed.calls.flatMap((call) => call.map((e) => e.position));
        for (const call of feed.calls) {
          call.forEach(
            (event, i) => i > 0 && expect(event.position).toBe(call[i - 1]!.position + 1),
          );
        }
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        expect(feed.calls.flat()).toEqual(await store.readAll({ afterPosition: 2 }));
        expect(feed.calls).toHaveLength(20);
        feed.stop();
      });

      it('gives each listener its own copy, and stops after the listener is removed', async () => {
        const one = listen(store);
        const two = listen(store);
        await store.append('a', 'no-stream', [newEvent({ data: { title: 'kept' } })]);
        (one.calls[0]![0]!.data as { title: string }).title = 'changed by one listener';
        expect(two.calls[0]![0]!.data).toEqual({ title: 'kept' });
        expect((await store.readAll({ afterPosition: 0 }))[0]!.data).toEqual({ title: 'kept' });
        one.stop();
        await store.append('a', 1, newEvents(1));
        expect(one.calls).toHaveLength(1);
        expect(two.calls).toHaveLength(2);
        two.stop();
      });

      it('an append succeeds even when a listener throws', async () => {
        const stop = store.onAppended!(() => {
          throw new Error('listener failed');
        });
        await expect(store.append('a', 'no-stream', newEvents(2))).resolves.toMatchObject({
          positions: [1, 2],
        });
        stop();
      });

      it("does not feed another instance's appends; a FeedFollower reads them from the store, no gap, no repeat", async () => {
        const stores = await writerStores(2);
        const peer = stores[1];
        const own = listen(store);
        const follower = new FeedFollower(store, { storePollMs: 0 });
        follower.start();
        const followed = await readWhile(
          async (after) => (await follower.read(after, 5)).events,
          () =>
            Promise.all(
              [store, peer ?? store].map(async (target, w) => {
                for (let i = 0; i < 12; i++)
                  await target.append(`w${w}-${i % 3}`, 'any', newEvents(1 + (i % 2)));
              }),
            ),
          { contiguous: true, pauseMs: 1 },
        );
        follower.stop();
        const all = await store.readAll({ afterPosition: 0 });
        expect(all).toHaveLength(36);
        expect(followed).toEqual(all);
        const fed = own.calls.flat().map((e) => e.eventId);
        const byThisInstance = all
          .filter((e) => e.streamId.startsWith('w0-'))
          .map((e) => e.eventId);
        expect(fed).toEqual(peer ? byThisInstance : all.map((e) => e.eventId));
        expect(follower.counts.feed + follower.counts.store).toBe(36);
        own.stop();
      });
    });

    it('refuses to work once closed', async () => {
      await store.append('a', 'no-stream', newEvents(1));
      await store.close();
      await expect(store.append('a', 1, newEvents(1))).rejects.toThrow(/closed/);
      await expect(store.readAll({ afterPosition: 0 })).rejects.toThrow(/closed/);
      await store.close();
    });
  });
}

async function rejection(promise: Promise<AppendResult>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the append to be refused, but it succeeded');
}

/** Records the eventId stored at each position of an acknowledged append. */
function acknowledge(
  acknowledged: Map<number, string>,
  result: AppendResult,
  events: readonly NewEvent[],
): void {
  result.positions.forEach((position, k) => acknowledged.set(position, events[k]!.eventId));
}

/**
 * Reads the whole log page by page (`limit` events a page) while `write` runs,
 * then to its end: every event read, each page checked to go forward only.
 */
function readAllWhile(
  store: EventStore,
  limit: number,
  write: () => Promise<unknown>,
): Promise<RecordedEvent[]> {
  return readWhile((after) => store.readAll({ afterPosition: after, limit }), write);
}

/**
 * Reads pages (`readPage(after)`: the events after a position) while `write`
 * runs, then to the end: every event read, each page checked to go forward
 * only (`contiguous`: one position at a time, no gap).
 */
async function readWhile(
  readPage: (after: number) => Promise<readonly RecordedEvent[]>,
  write: () => Promise<unknown>,
  { contiguous = false, pauseMs = 2 } = {},
): Promise<RecordedEvent[]> {
  let writing = true;
  const seen: RecordedEvent[] = [];
  const read = async (): Promise<void> => {
    let after = 0;
    for (;;) {
      const stillWriting = writing;
      const page = await readPage(after);
      for (const event of page) {
        if (contiguous) expect(event.position).toBe(after + 1);
        else expect(event.position).toBeGreaterThan(after);
        seen.push(event);
        after = event.position;
      }
      if (page.length === 0) {
        if (!stillWriting) return;
        await pause(pauseMs);
      }
    }
  };
  const reader = read();
  await write();
  writing = false;
  await reader;
  return seen;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries an assertion until it passes or `timeoutMs` runs out (then its last failure is thrown). */
async function eventually(assertion: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(10);
    }
  }
}
