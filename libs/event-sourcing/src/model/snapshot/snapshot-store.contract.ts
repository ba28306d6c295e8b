import type { ReopenableStoreFixture } from '../test-fixtures/store-contract.fixtures';
import type { SnapshotStore } from './snapshot-store.port';

export type SnapshotStoreFixture = ReopenableStoreFixture<SnapshotStore>;

/**
 * The one contract every SnapshotStore adapter keeps. Run by
 * `snapshot-store.contract-spec.ts` on memory, SQLite and MongoDB.
 */
export function describeSnapshotStoreContract(
  adapter: string,
  createFixture: () => Promise<SnapshotStoreFixture>,
): void {
  describe(`SnapshotStore contract: ${adapter}`, () => {
    let fixture: SnapshotStoreFixture;
    let store: SnapshotStore;
    let counter = 0;
    const streamId = () => `stream-${Date.now().toString(36)}-${++counter}`;

    beforeEach(async () => {
      fixture = await createFixture();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    it('has no snapshot of a stream it never saw', async () => {
      expect(await store.load(streamId())).toBeUndefined();
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
      await store.save({ streamId: id, version: 3, schemaVersion: 2, state });
      expect(await store.load(id)).toEqual({ streamId: id, version: 3, schemaVersion: 2, state });
      for (const scalar of [0, 'text', null, [1, [2]]]) {
        const other = streamId();
        await store.save({ streamId: other, version: 1, schemaVersion: 1, state: scalar });
        expect((await store.load(other))!.state).toEqual(scalar);
      }
    });

    it('keeps the snapshot with the higher version; an equal version replaces', async () => {
      const id = streamId();
      await store.save({ streamId: id, version: 10, schemaVersion: 1, state: { at: 10 } });
      await store.save({ streamId: id, version: 5, schemaVersion: 1, state: { at: 5 } });
      expect(await store.load(id)).toMatchObject({ version: 10, state: { at: 10 } });
      await store.save({ streamId: id, version: 20, schemaVersion: 1, state: { at: 20 } });
      expect(await store.load(id)).toMatchObject({ version: 20, state: { at: 20 } });
      await store.save({ streamId: id, version: 20, schemaVersion: 1, state: { at: 'again' } });
      expect(await store.load(id)).toMatchObject({ version: 20, state: { at: 'again' } });
    });

    it('returns the newest snapshot whatever its schema version (the loader judges it)', async () => {
      const id = streamId();
      await store.save({ streamId: id, version: 30, schemaVersion: 1, state: { v: 1 } });
      await store.save({ streamId: id, version: 33, schemaVersion: 2, state: { v: 2 } });
      expect(await store.load(id)).toEqual({
        streamId: id,
        version: 33,
        schemaVersion: 2,
        state: { v: 2 },
      });
      await store.save({ streamId: id, version: 31, schemaVersion: 1, state: { v: 1 } });
      expect(await store.load(id)).toMatchObject({ version: 33, schemaVersion: 2 });
    });

    it('keeps streams apart', async () => {
      const a = streamId();
      const b = streamId();
      await store.save({ streamId: a, version: 1, schemaVersion: 1, state: 'a' });
      await store.save({ streamId: b, version: 2, schemaVersion: 1, state: 'b' });
      expect((await store.load(a))!.state).toBe('a');
      expect((await store.load(b))!.state).toBe('b');
    });

    it('ends at the highest version when saves race', async () => {
      const id = streamId();
      const versions = Array.from({ length: 30 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
      await Promise.all(
        versions.map((version) =>
          store.save({ streamId: id, version, schemaVersion: 1, state: { version } }),
        ),
      );
      expect(await store.load(id)).toMatchObject({ version: 30, state: { version: 30 } });
    });

    it('does not alias the saved state', async () => {
      const id = streamId();
      const state = { list: [1] };
      await store.save({ streamId: id, version: 1, schemaVersion: 1, state });
      state.list.push(2);
      const loaded = (await store.load(id))!.state as { list: number[] };
      expect(loaded.list).toEqual([1]);
      loaded.list.push(3);
      expect(((await store.load(id))!.state as { list: number[] }).list).toEqual([1]);
    });

    it('keeps snapshots across a restart', async () => {
      const id = streamId();
      await store.save({ streamId: id, version: 4, schemaVersion: 1, state: { kept: true } });
      const reopened = await fixture.reopen();
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
      await expect(
        store.save({ streamId: id, version: 0, schemaVersion: 1, state: {} }),
      ).rejects.toThrow(TypeError);
      await expect(
        store.save({ streamId: id, version: 1, schemaVersion: 0, state: {} }),
      ).rejects.toThrow(TypeError);
      await expect(
        store.save({ streamId: '', version: 1, schemaVersion: 1, state: {} }),
      ).rejects.toThrow(TypeError);
      expect(await store.load(id)).toBeUndefined();
    });
  });
}
