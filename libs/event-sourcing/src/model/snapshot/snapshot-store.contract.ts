import { contractSuite, uniqueIds } from '../../contract-fixture';
import type { ReopenableStoreFixture } from '../test-fixtures/store-contract.fixtures';
import type { SnapshotStore } from './snapshot-store.port';

export type SnapshotStoreFixture = ReopenableStoreFixture<SnapshotStore>;

/**
 * The one contract every SnapshotStore adapter keeps. Run by
 * `snapshot-store.contract-spec.ts` on memory, SQLite and MongoDB.
 */
export const describeSnapshotStoreContract = contractSuite<SnapshotStoreFixture>(
  'SnapshotStore',
  (fixture) => {
    const store = () => fixture.current().store;
    const streamId = uniqueIds('stream');
    /** A snapshot of stream `id` at `version` (schema version 1 unless given). */
    const snapshot = (id: string, version: number, state: unknown, schemaVersion = 1) => ({
      streamId: id,
      version,
      schemaVersion,
      state,
    });

    it('has no snapshot of a stream it never saw', async () => {
      expect(await store().load(streamId())).toBeUndefined();
    });

    it('round-trips any JSON state exactly', async () => {
      const id = streamId();
      const state = {
        status: 'open',
        'key.with.dots': { $dollar: 1, 'a.b': [[1, [2, [3]]], []] },
        unicode: 'naïve café — 日本語 — 🎉 — \u0000 nul',
        numbers: [0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER],
        nothing: null,
        flags: [true, false],
        big: 'x'.repeat(200_000),
        __proto__text: 'plain',
      };
      await store().save(snapshot(id, 3, state, 2));
      expect(await store().load(id)).toEqual({ streamId: id, version: 3, schemaVersion: 2, state });
      for (const scalar of [0, 'text', null, [1, [2]]]) {
        const other = streamId();
        await store().save(snapshot(other, 1, scalar));
        expect((await store().load(other))!.state).toEqual(scalar);
      }
    });

    it('keeps the snapshot with the higher version; an equal version replaces', async () => {
      const id = streamId();
      await store().save(snapshot(id, 10, { at: 10 }));
      await store().save(snapshot(id, 5, { at: 5 }));
      expect(await store().load(id)).toMatchObject({ version: 10, state: { at: 10 } });
      await store().save(snapshot(id, 20, { at: 20 }));
      expect(await store().load(id)).toMatchObject({ version: 20, state: { at: 20 } });
      await store().save(snapshot(id, 20, { at: 'again' }));
      expect(await store().load(id)).toMatchObject({ version: 20, state: { at: 'again' } });
    });

    it('returns the newest snapshot whatever its schema version (the loader judges it)', async () => {
      const id = streamId();
      await store().save(snapshot(id, 30, { v: 1 }));
      await store().save(snapshot(id, 33, { v: 2 }, 2));
      expect(await store().load(id)).toEqual({
        streamId: id,
        version: 33,
        schemaVersion: 2,
        state: { v: 2 },
      });
      await store().save(snapshot(id, 31, { v: 1 }));
      expect(await store().load(id)).toMatchObject({ version: 33, schemaVersion: 2 });
    });

    it('keeps streams apart', async () => {
      const a = streamId();
      const b = streamId();
      await store().save(snapshot(a, 1, 'a'));
      await store().save(snapshot(b, 2, 'b'));
      expect((await store().load(a))!.state).toBe('a');
      expect((await store().load(b))!.state).toBe('b');
    });

    it('ends at the highest version when saves race', async () => {
      const id = streamId();
      const versions = Array.from({ length: 30 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
      await Promise.all(
        versions.map((version) => store().save(snapshot(id, version, { version }))),
      );
      expect(await store().load(id)).toMatchObject({ version: 30, state: { version: 30 } });
    });

    it('does not alias the saved state', async () => {
      const id = streamId();
      const state = { list: [1] };
      await store().save(snapshot(id, 1, state));
      state.list.push(2);
      const loaded = (await store().load(id))!.state as { list: number[] };
      expect(loaded.list).toEqual([1]);
      loaded.list.push(3);
      expect(((await store().load(id))!.state as { list: number[] }).list).toEqual([1]);
    });

    it('keeps snapshots across a restart', async () => {
      const id = streamId();
      await store().save(snapshot(id, 4, { kept: true }));
      const reopened = await fixture.current().reopen();
      try {
        expect(await reopened.load(id)).toEqual({
          streamId: id,
          version: 4,
          schemaVersion: 1,
          state: { kept: true },
        });
      } finally {
        await reopened.close();
      }
    });

    it('refuses a malformed snapshot', async () => {
      const id = streamId();
      await expect(store().save(snapshot(id, 0, {}))).rejects.toThrow(TypeError);
      await expect(store().save(snapshot(id, 1, {}, 0))).rejects.toThrow(TypeError);
      await expect(store().save(snapshot('', 1, {}))).rejects.toThrow(TypeError);
      expect(await store().load(id)).toBeUndefined();
    });
  },
);
