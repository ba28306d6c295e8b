import { useContractFixture } from '@sfp/event-sourcing/testing';
import type { ConsumerStateStores } from './consumer-state.port';

export interface ConsumerStateFixture {
  stores: ConsumerStateStores;
  /** Moves the stores' clock forward (leases expire by it). */
  advanceClock(ms: number): void;
  cleanup(): Promise<void>;
}

/** The contract of the checkpoint, lease and processed-message stores, run on every adapter. */
export function describeConsumerStateContract(
  adapter: string,
  createFixture: () => Promise<ConsumerStateFixture>,
): void {
  describe(`consumer state contract: ${adapter}`, () => {
    let stores: ConsumerStateStores;
    const fixture = useContractFixture(createFixture, {
      opened: (opened) => (stores = opened.stores),
    });

    describe('checkpoints', () => {
      it('starts at 0 and keeps the last saved position', async () => {
        expect(await stores.checkpoints.load('relay')).toBe(0);
        await stores.checkpoints.save('relay', 41);
        await stores.checkpoints.save('relay', 42);
        await stores.checkpoints.save('other', 7);
        expect(await stores.checkpoints.load('relay')).toBe(42);
        expect(await stores.checkpoints.load('other')).toBe(7);
      });
    });

    describe('leases', () => {
      it('gives a free lease to one owner and refuses it to another while valid', async () => {
        expect(await stores.leases.acquire('relay', 'a', 10_000)).toBe(true);
        expect(await stores.leases.acquire('relay', 'b', 10_000)).toBe(false);
        expect(await stores.leases.acquire('relay', 'a', 10_000)).toBe(true); // renewal
        expect(await stores.leases.acquire('other-relay', 'b', 10_000)).toBe(true);
      });

      it('lets another owner take an expired lease, and the old owner loses it', async () => {
        expect(await stores.leases.acquire('relay', 'a', 1_000)).toBe(true);
        fixture.current().advanceClock(1_001);
        expect(await stores.leases.acquire('relay', 'b', 1_000)).toBe(true);
        expect(await stores.leases.acquire('relay', 'a', 1_000)).toBe(false);
      });

      it('frees a released lease at once, but only for its owner', async () => {
        await stores.leases.acquire('relay', 'a', 60_000);
        await stores.leases.release('relay', 'b');
        expect(await stores.leases.acquire('relay', 'b', 60_000)).toBe(false);
        await stores.leases.release('relay', 'a');
        expect(await stores.leases.acquire('relay', 'b', 60_000)).toBe(true);
      });

      it('gives a contended lease to exactly one of many concurrent owners', async () => {
        const owners = Array.from({ length: 8 }, (_, i) => `owner-${i}`);
        const results = await Promise.all(
          owners.map((o) => stores.leases.acquire('contended', o, 60_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('processed messages', () => {
      it('records a message once per group, with its outcome', async () => {
        expect(await stores.processed.find('g', 'm1')).toBeUndefined();
        const outcome = { status: 'accepted', 'a.b': { $c: [[1]] }, streamVersion: 3 };
        expect(await stores.processed.record('g', 'm1', outcome)).toBe(true);
        expect(await stores.processed.record('g', 'm1', { status: 'other' })).toBe(false);
        expect((await stores.processed.find('g', 'm1'))?.outcome).toEqual(outcome);
        expect(await stores.processed.find('other-group', 'm1')).toBeUndefined();
        expect(await stores.processed.record('other-group', 'm1')).toBe(true);
        expect((await stores.processed.find('other-group', 'm1'))?.outcome).toBeUndefined();
      });

      it('finds and records many at once, per group, keeping what was recorded before', async () => {
        const { processed } = stores;
        expect(typeof processed.findMany).toBe('function');
        expect(typeof processed.recordMany).toBe('function');
        expect(await processed.record('g', 'm-2', { status: 'first' })).toBe(true);
        const ids = Array.from({ length: 120 }, (_, i) => `m-${i}`);
        expect(await processed.findMany!('g', ids)).toEqual(new Set(['m-2']));
        await processed.recordMany!('g', ids.slice(0, 60));
        await processed.recordMany!('g', ids.slice(50, 120)); // 50..59 and m-2 recorded already
        expect(await processed.findMany!('g', [...ids, 'unknown'])).toEqual(new Set(ids));
        expect((await processed.find('g', 'm-2'))?.outcome).toEqual({ status: 'first' });
        expect(await processed.find('g', 'm-119')).toMatchObject({
          processedAt: expect.any(String),
        });
        expect(await processed.findMany!('other-group', ids)).toEqual(new Set());
        expect(await processed.record('g', 'm-70')).toBe(false);
      });

      it('lets exactly one of many concurrent recorders win', async () => {
        const results = await Promise.all(
          Array.from({ length: 8 }, () => stores.processed.record('g', 'same', { n: 1 })),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });
  });
}
