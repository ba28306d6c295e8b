import { useContractFixture } from '@sfp/event-sourcing/testing';
import fc from 'fast-check';
import { ReadModelCollection } from './read-model.collection';
import { prepareWrite } from './read-model.document';
import {
  InvalidQueryError,
  ProjectionStateConflictError,
  ReadModelDocumentError,
} from './read-model.errors';
import type { ProjectionState, ReadModelStore } from './read-model-store.port';
import type { FieldValue, ReadModelTable } from './read-model.types';
import type { FindQuery, ReadModelFilter } from './query/read-model.query';

export interface ReadModelStoreFixture {
  store: ReadModelStore;
  cleanup(): Promise<void>;
}

export interface ReadModelStoreContractOptions {
  /** Runs of the pagination property (each builds a fresh table); fewer on a slow server. */
  paginationRuns?: number;
}

interface Item {
  title?: string | null;
  status?: string | null;
  amount?: number | null;
  urgent?: boolean | null;
  [key: string]: unknown;
}

const FIELDS = { status: 'string', amount: 'number', urgent: 'boolean', title: 'string' } as const;

/** The contract of the read-model store, run on every adapter (embedded SQLite, MongoDB). */
export function describeReadModelStoreContract(
  adapter: string,
  createFixture: () => Promise<ReadModelStoreFixture>,
  options: ReadModelStoreContractOptions = {},
): void {
  describe(`read-model store contract: ${adapter}`, () => {
    let store: ReadModelStore;
    let generation = 0;
    const newTable = async (fields: ReadModelTable['fields'] = FIELDS): Promise<ReadModelTable> => {
      generation += 1;
      const table = { projection: 'contract-items', generation, fields };
      await store.ensureTable(table);
      return table;
    };
    const newItems = async (): Promise<ReadModelCollection<Item>> =>
      new ReadModelCollection<Item>(store, await newTable());
    /**
     * A collection on a fresh table and `count` ids `<prefix>-<n>` (`n` zero-padded:
     * they sort in order), the first `seeded` of them written in one batch with
     * the title 'first', id `i` at `position(i)`.
     */
    const seededItems = async (
      prefix: string,
      count: number,
      seeded: number,
      position: (i: number) => number,
    ) => {
      const items = await newItems();
      const { table } = items;
      const width = String(count - 1).length;
      const ids = Array.from(
        { length: count },
        (_, i) => `${prefix}-${String(i).padStart(width, '0')}`,
      );
      const writes = ids
        .slice(0, seeded)
        .map((id, i) => prepareWrite(table, id, position(i), { title: 'first' }));
      await store.write({ table, writes });
      return { items, table, ids };
    };

    useContractFixture(createFixture, { per: 'suite', opened: (opened) => (store = opened.store) });

    /** Expects the collection to hold document `id` at `position` with `data`. */
    const expectDocument = async (
      items: ReadModelCollection<Item>,
      id: string,
      position: number,
      data: Item,
    ): Promise<void> => {
      expect(await items.getDocument(id)).toEqual({ id, position, data });
    };

    describe('guarded writes', () => {
      it('gets nothing for an unknown id, then the upserted document with its position', async () => {
        const items = await newItems();
        expect(await items.get('a')).toBeUndefined();
        expect(await items.upsert('a', { title: 'first', amount: 3 }, 5)).toBe(true);
        await expectDocument(items, 'a', 5, { title: 'first', amount: 3 });
      });

      it('gets many documents at once, keyed by id, leaving out absent and deleted ones', async () => {
        const items = await newItems();
        await items.upsert('a', { title: 'first' }, 1);
        await items.upsert('b', { title: 'second' }, 2);
        await items.upsert('gone', { title: 'deleted' }, 3);
        await items.delete('gone', 4);
        const found = await items.getMany(['b', 'missing', 'a', 'gone', 'a']);
        expect([...found.entries()].sort()).toEqual([
          ['a', { title: 'first' }],
          ['b', { title: 'second' }],
        ]);
        expect((await items.getMany([])).size).toBe(0);
      });

      it('round-trips any JSON document, keys with dots or $ and nested arrays included', async () => {
        const items = await newItems();
        const awkward = {
          'a.b': 1,
          $where: 'sleep(1000)',
          nested: [[1, 2], [[3]], []],
          deep: { x: { y: [{ $gt: true, 'k.k': null }] } },
          text: 'é€ 😀 "quoted" \\ \n',
          big: 2 ** 52,
          negative: -1.5,
          nothing: null,
          status: 'open',
        };
        await items.upsert('odd id/with spaces & ünïcode', awkward, 1);
        expect(await items.get('odd id/with spaces & ünïcode')).toEqual(awkward);
        expect(await items.count({ status: 'open' })).toBe(1);
      });

      it('then not updated: an upsert at the same or an older position changes nothing', async () => {
        const items = await newItems();
        await items.upsert('a', { title: 'v5' }, 5);
        expect(await items.upsert('a', { title: 'replayed' }, 5)).toBe(false);
        expect(await items.upsert('a', { title: 'older' }, 3)).toBe(false);
        await expectDocument(items, 'a', 5, { title: 'v5' });
        expect(await items.upsert('a', { title: 'v6' }, 6)).toBe(true);
        await expectDocument(items, 'a', 6, { title: 'v6' });
      });

      it('patches top-level properties under the same guard; undefined removes one', async () => {
        const items = await newItems();
        expect(await items.patch('missing', { status: 'x' }, 2)).toBe(false);
        expect(await items.get('missing')).toBeUndefined();
        await items.upsert('a', { title: 't', status: 'open', amount: 1 }, 2);
        expect(await items.patch('a', { status: 'closed', amount: undefined }, 4)).toBe(true);
        await expectDocument(items, 'a', 4, { title: 't', status: 'closed' });
        expect(await items.patch('a', { status: 'replayed' }, 4)).toBe(false);
        expect(await items.patch('a', { status: 'older' }, 3)).toBe(false);
        expect(await items.get('a')).toEqual({ title: 't', status: 'closed' });
        expect(await items.count({ status: 'closed', amount: null })).toBe(1);
      });

      it('deletes with a tombstone: a replayed earlier event cannot bring the document back', async () => {
        const items = await newItems();
        await items.upsert('a', { status: 'open' }, 1);
        await items.upsert('b', { status: 'open' }, 2);
        expect(await items.delete('a', 3)).toBe(true);
        expect(await items.get('a')).toBeUndefined();
        expect(await items.upsert('a', { status: 'open' }, 1)).toBe(false);
        expect(await items.patch('a', { status: 'x' }, 4)).toBe(false);
        expect(await items.delete('a', 3)).toBe(false);
        expect(await items.get('a')).toBeUndefined();
        expect(await items.count()).toBe(1);
        expect((await items.find()).items.map((d) => d.id)).toEqual(['b']);
        expect(await items.upsert('a', { status: 'reopened' }, 7)).toBe(true);
        await expectDocument(items, 'a', 7, { status: 'reopened' });
      });

      it('applies each write of a batch by its own guard, and saves the checkpoint with them', async () => {
        const items = await newItems();
        const { table } = items;
        await items.upsert('old', { title: 'kept' }, 10);
        const applied = await store.write({
          table,
          writes: [
            prepareWrite(table, 'old', 8, { title: 'stale' }),
            prepareWrite(table, 'new-1', 9, { title: 'n1' }),
            prepareWrite(table, 'new-2', 11, null),
          ],
          checkpoint: {
            readModel: 'contract-batch',
            position: 11,
            updatedAt: '2025-01-02T03:04:05.000Z',
          },
        });
        expect(applied).toBe(2);
        expect(await items.get('old')).toEqual({ title: 'kept' });
        expect(await items.get('new-1')).toEqual({ title: 'n1' });
        expect(await store.load(table, ['new-2', 'absent'])).toEqual([
          { id: 'new-2', position: 11, data: null },
        ]);
        expect(await store.loadCheckpoint('contract-batch')).toEqual({
          readModel: 'contract-batch',
          position: 11,
          updatedAt: '2025-01-02T03:04:05.000Z',
        });
      });

      it('then not updated: a replayed batch changes nothing and applies only what is new', async () => {
        const { items, table, ids } = await seededItems('doc', 30, 20, (i) => i + 1);
        const replay = ids.map((id, i) =>
          prepareWrite(table, id, i + 1, { title: i < 20 ? 'replayed' : 'new' }),
        );
        expect(await store.write({ table, writes: replay })).toBe(10);
        expect(await items.count({ title: 'first' })).toBe(20);
        expect(await items.count({ title: 'new' })).toBe(10);
        expect(await items.count({ title: 'replayed' })).toBe(0);
        expect(await store.write({ table, writes: replay })).toBe(0);
      });

      it('applies a batch of 250 guarded writes in one call (more than a server takes in one update command)', async () => {
        // FerretDB v1 never answers an update command of 100 statements or more:
        // an adapter must split the batch, and still apply each write by its guard.
        const { items, table, ids } = await seededItems('big', 250, 150, () => 100);
        const writes = ids.map((id, i) =>
          prepareWrite(table, id, 200, { title: 'second', amount: i }),
        );
        expect(await store.write({ table, writes })).toBe(250);
        expect(await items.count({ title: 'second' })).toBe(250);
        const loaded = await store.load(table, ids);
        expect(loaded).toHaveLength(250);
        expect(loaded.find((r) => r.id === 'big-249')).toEqual({
          id: 'big-249',
          position: 200,
          data: { title: 'second', amount: 249 },
        });
        expect(await store.write({ table, writes })).toBe(0);
        // Stale writes (position 150) mixed with newer ones: each applies by its own guard.
        const mixed = ids.map((id, i) =>
          prepareWrite(table, id, i % 3 === 0 ? 150 : 300, { title: 'third', amount: i }),
        );
        await store.write({ table, writes: mixed });
        expect(await items.count({ title: 'third' })).toBe(250 - 84);
        expect(await items.count({ title: 'second' })).toBe(84);
        expect(await store.load(table, ['big-000', 'big-001'])).toEqual([
          { id: 'big-000', position: 200, data: { title: 'second', amount: 0 } },
          { id: 'big-001', position: 300, data: { title: 'third', amount: 1 } },
        ]);
      }, 120_000);

      it('loads each stored record once, whatever ids repeat or are absent (131 ids asked)', async () => {
        const table = await newTable();
        const stored = Array.from({ length: 100 }, (_, i) => `load-${String(i).padStart(3, '0')}`);
        await store.write({
          table,
          writes: stored.map((id, i) => prepareWrite(table, id, i + 1, { title: id, amount: i })),
        });
        const asked = [
          ...stored.slice(0, 90),
          ...stored.slice(80, 95), // asked twice
          ...Array.from({ length: 20 }, (_, i) => `absent-${i}`),
          ...stored.slice(0, 6), // asked twice, out of order
        ];
        expect(asked).toHaveLength(131);
        const loaded = await store.load(table, asked);
        expect(loaded.map((r) => r.id).sort()).toEqual(stored.slice(0, 95));
        expect(loaded.find((r) => r.id === 'load-094')).toEqual({
          id: 'load-094',
          position: 95,
          data: { title: 'load-094', amount: 94 },
        });
        expect(await store.load(table, [])).toEqual([]);
      });

      it('applies writes believed new by the same guard, whether they are new, older or newer', async () => {
        const items = await newItems();
        const { table } = items;
        await items.upsert('older', { title: 'older' }, 3);
        await items.upsert('newer', { title: 'newer' }, 30);
        await items.delete('gone', 40);
        const write = (id: string, position: number) => ({
          ...prepareWrite(table, id, position, { title: `${id} at ${position}` }),
          maybeNew: true,
        });
        const writes = [
          write('fresh-1', 10),
          write('newer', 10),
          write('older', 10),
          write('gone', 10),
          write('fresh-2', 10),
        ];
        expect(await store.write({ table, writes })).toBe(3);
        expect(await items.get('fresh-1')).toEqual({ title: 'fresh-1 at 10' });
        expect(await items.get('fresh-2')).toEqual({ title: 'fresh-2 at 10' });
        expect(await items.get('older')).toEqual({ title: 'older at 10' });
        expect(await items.get('newer')).toEqual({ title: 'newer' });
        expect(await items.get('gone')).toBeUndefined();
        expect(await store.write({ table, writes })).toBe(0);
      });

      it('refuses a document whose declared field has the wrong type', async () => {
        const items = await newItems();
        await expect(
          items.upsert('a', { amount: '12' as unknown as number }, 1),
        ).rejects.toBeInstanceOf(ReadModelDocumentError);
        await expect(items.upsert('a', { amount: Number.NaN }, 1)).rejects.toBeInstanceOf(
          ReadModelDocumentError,
        );
        expect(await items.get('a')).toBeUndefined();
      });
    });

    describe('queries', () => {
      let items: ReadModelCollection<Item>;
      beforeAll(async () => {
        items = await newItems();
        const docs: [string, Item][] = [
          ['r1', { status: 'open', amount: 10, urgent: true, title: 'b' }],
          ['r2', { status: 'open', amount: 20, urgent: false, title: 'a' }],
          ['r3', { status: 'closed', amount: 30, urgent: true, title: 'a' }],
          ['r4', { status: 'triaged', amount: 20, urgent: null, title: 'c' }],
          ['r5', { amount: -5, title: 'd' }],
          ['r6', { status: 'open', amount: 2.5, urgent: false }],
        ];
        let position = 0;
        for (const [id, data] of docs) await items.upsert(id, data, ++position);
        await items.delete('r6', ++position);
      });
      const ids = async (query: FindQuery): Promise<string[]> =>
        (await items.find(query)).items.map((d) => d.id);

      it('filters by equality, null, range and in, alone and combined', async () => {
        expect(await ids({ filter: { status: 'open' } })).toEqual(['r1', 'r2']);
        expect(await ids({ filter: { status: { eq: 'open' }, urgent: true } })).toEqual(['r1']);
        expect(await ids({ filter: { status: null } })).toEqual(['r5']);
        expect(await ids({ filter: { urgent: null } })).toEqual(['r4', 'r5']);
        expect(await ids({ filter: { amount: { gt: 10, lte: 30 } } })).toEqual(['r2', 'r3', 'r4']);
        expect(await ids({ filter: { amount: { lt: 10 } } })).toEqual(['r5']);
        expect(await ids({ filter: { amount: { gte: 20 }, status: 'open' } })).toEqual(['r2']);
        expect(await ids({ filter: { title: { gte: 'b', lt: 'd' } } })).toEqual(['r1', 'r4']);
        expect(await ids({ filter: { status: { in: ['closed', 'triaged'] } } })).toEqual([
          'r3',
          'r4',
        ]);
        expect(await ids({ filter: { status: { in: ['closed', null] } } })).toEqual(['r3', 'r5']);
        expect(await ids({ filter: { status: { in: [] } } })).toEqual([]);
        expect(await ids({ filter: { id: { in: ['r2', 'r4', 'r6', 'nope'] } } })).toEqual([
          'r2',
          'r4',
        ]);
        expect(await ids({ filter: { id: { gt: 'r3' } } })).toEqual(['r4', 'r5']);
      });

      it('sorts on a declared field with ties broken by id in the same direction, null lowest', async () => {
        // Ties broken by id in the same direction: descending is ascending reversed.
        const ascending: Array<[string, string[]]> = [
          ['amount', ['r5', 'r1', 'r2', 'r4', 'r3']],
          ['status', ['r5', 'r3', 'r1', 'r2', 'r4']],
        ];
        for (const [field, order] of ascending) {
          expect(await ids({ sort: { field } })).toEqual(order);
          expect(await ids({ sort: { field, direction: 'desc' } })).toEqual([...order].reverse());
        }
        expect(await ids({ sort: { field: 'urgent' } })).toEqual(['r4', 'r5', 'r2', 'r1', 'r3']);
        expect(await ids({ sort: { field: 'id', direction: 'desc' }, limit: 2 })).toEqual([
          'r5',
          'r4',
        ]);
      });

      it('pages with a cursor through every document once, and counts', async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await items.find({
            sort: { field: 'urgent', direction: 'desc' },
            limit: 2,
            ...(cursor ? { cursor } : {}),
          });
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((d) => d.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(['r3', 'r1', 'r2', 'r5', 'r4']);
        expect(await items.count()).toBe(5);
        expect(await items.count({ status: 'open' })).toBe(2);
        expect(await items.count({ amount: { gte: 20 }, urgent: { in: [true, null] } })).toBe(2);
      });

      it('refuses anything but declared fields and known operators, with field-level problems', async () => {
        const refused: unknown[] = [
          { filter: { $where: 'sleep(1000)' } },
          { filter: { status: { $gt: '' } } },
          { filter: { status: { $ne: null } } },
          { filter: { status: { eq: { $gt: '' } } } },
          { filter: { status: ['open'] } },
          { filter: { 'data.status': 'open' } },
          { filter: { __proto__: 'x', constructor: 'y' } },
          { filter: { json: 'x' } },
          { filter: { amount: '10' } },
          { filter: { amount: { gt: null } } },
          { filter: { status: {} } },
          { filter: { status: { in: 'open' } } },
          { filter: 'status = 1' },
          { sort: { field: 'secret' } },
          { sort: { field: 'amount', direction: 1 } },
          { limit: 0 },
          { limit: 5000 },
          { $where: 'x' },
          { cursor: 'not-a-cursor' },
        ];
        for (const query of refused) {
          const attempt = items.find(query as FindQuery);
          await expect(attempt).rejects.toBeInstanceOf(InvalidQueryError);
        }
        await expect(items.count({ $or: [] } as unknown as ReadModelFilter)).rejects.toBeInstanceOf(
          InvalidQueryError,
        );
        const error = await items
          .find({ filter: { nope: 1, amount: 'x' } } as FindQuery)
          .catch((e: unknown) => e);
        expect((error as InvalidQueryError).problems.map((p) => p.field)).toEqual([
          'nope',
          'amount',
        ]);
        const page = await items.find({ sort: { field: 'amount' }, limit: 1 });
        await expect(
          items.find({ sort: { field: 'title' }, cursor: page.nextCursor as string }),
        ).rejects.toBeInstanceOf(InvalidQueryError);
      });

      it('pages every filtered, sorted result exactly once in order (property)', async () => {
        await fc.assert(
          fc.asyncProperty(paginationCase(), async ({ docs, sort, direction, filter, limit }) => {
            const table = new ReadModelCollection<Item>(store, await newTable());
            await store.write({
              table: table.table,
              writes: docs.map((doc, index) =>
                prepareWrite(table.table, doc.id, index + 1, doc.data),
              ),
            });
            const expected = docs
              .filter((doc) => filter === undefined || doc.data.status === filter)
              .sort((a, b) => compareDocs(a, b, sort, direction))
              .map((doc) => doc.id);
            const seen: string[] = [];
            let cursor: string | undefined;
            let pages = 0;
            do {
              const page = await table.find({
                sort: { field: sort, direction },
                limit,
                ...(filter === undefined ? {} : { filter: { status: filter } }),
                ...(cursor ? { cursor } : {}),
              });
              seen.push(...page.items.map((d) => d.id));
              cursor = page.nextCursor;
              pages += 1;
            } while (cursor && pages <= docs.length + 1);
            expect(seen).toEqual(expected);
            await store.dropTable(table.table);
          }),
          { numRuns: options.paginationRuns ?? 60 },
        );
      });
    });

    describe('checkpoints, states and tables', () => {
      it('loads no checkpoint, then the last one saved, error included', async () => {
        expect(await store.loadCheckpoint('cp-contract')).toBeUndefined();
        const lastError = {
          message: 'boom',
          errorName: 'Error',
          position: 42,
          eventId: 'e-42',
          eventType: 'test.Thing',
          stage: 'handler' as const,
          attempts: 3,
          at: '2025-01-01T00:00:00.000Z',
        };
        await store.saveCheckpoint({
          readModel: 'cp-contract',
          position: 41,
          updatedAt: '2025-01-01T00:00:00.000Z',
          lastError,
        });
        expect(await store.loadCheckpoint('cp-contract')).toEqual({
          readModel: 'cp-contract',
          position: 41,
          updatedAt: '2025-01-01T00:00:00.000Z',
          lastError,
        });
        await store.saveCheckpoint({
          readModel: 'cp-contract',
          position: 50,
          updatedAt: '2025-01-01T00:01:00.000Z',
        });
        expect(await store.loadCheckpoint('cp-contract')).toEqual({
          readModel: 'cp-contract',
          position: 50,
          updatedAt: '2025-01-01T00:01:00.000Z',
        });
      });

      it('saves projection states by compare-and-set on the revision', async () => {
        const generation = {
          generation: 1,
          definitionVersion: 1,
          fields: { status: 'string' as const },
          createdAt: 'now',
        };
        const initial: ProjectionState = {
          name: 'cas-contract',
          revision: 0,
          active: generation,
          retired: [],
        };
        const results = await Promise.allSettled([
          store.saveState(initial),
          store.saveState(initial),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(ProjectionStateConflictError);
        const saved = (await store.loadState('cas-contract')) as ProjectionState;
        expect(saved).toEqual({ ...initial, revision: 1 });
        const next = await store.saveState({ ...saved, rebuild: { ...generation, generation: 2 } });
        expect(next.revision).toBe(2);
        await expect(store.saveState({ ...saved, retired: [] })).rejects.toBeInstanceOf(
          ProjectionStateConflictError,
        );
        expect(await store.loadState('cas-contract')).toEqual(next);
        // Many writers from the same revision: exactly one wins, every time.
        let current = next;
        for (let round = 0; round < 5; round++) {
          const attempts = await Promise.allSettled(
            Array.from({ length: 6 }, (_, i) =>
              store.saveState({ ...current, retired: [{ ...generation, generation: 10 + i }] }),
            ),
          );
          expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
          current = (await store.loadState('cas-contract')) as ProjectionState;
          expect(current.revision).toBe(next.revision + round + 1);
        }
        // A writer far behind (its revision long replaced) is refused too.
        await expect(store.saveState({ ...saved, retired: [] })).rejects.toBeInstanceOf(
          ProjectionStateConflictError,
        );
        expect(await store.loadState('cas-contract')).toEqual(current);
        expect((await store.listStates()).map((s) => s.name)).toContain('cas-contract');
        expect(await store.loadState('no-such-projection')).toBeUndefined();
      });

      it('keeps versions apart, and drops one with its checkpoint', async () => {
        const v1 = await newTable();
        const v2 = { ...v1, generation: v1.generation + 1 };
        generation += 1;
        await store.ensureTable(v2);
        await store.ensureTable(v2);
        const one = new ReadModelCollection<Item>(store, v1);
        const two = new ReadModelCollection<Item>(store, v2);
        await one.upsert('a', { title: 'one' }, 1);
        await two.upsert('a', { title: 'two' }, 1);
        await store.saveCheckpoint({
          readModel: 'rm_contract_items__v' + v1.generation,
          position: 1,
          updatedAt: 'x',
        });
        await store.dropTable(v1);
        expect(await store.loadCheckpoint('rm_contract_items__v' + v1.generation)).toBeUndefined();
        await store.ensureTable(v1);
        expect(await one.get('a')).toBeUndefined();
        expect(await two.get('a')).toEqual({ title: 'two' });
      });
    });
  });
}

interface CaseDoc {
  id: string;
  data: Item;
}

function paginationCase() {
  const text = fc.constantFrom('a', 'b', 'B', 'ab', 'é', 'z', '');
  const doc = fc.record({
    status: fc.option(fc.constantFrom('open', 'closed'), { nil: null }),
    amount: fc.option(fc.constantFrom(-1, 0, 0.5, 1, 2, 100), { nil: null }),
    urgent: fc.option(fc.boolean(), { nil: null }),
    title: fc.option(text, { nil: null }),
  });
  return fc.record({
    docs: fc
      .uniqueArray(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 0, maxLength: 25 })
      .chain((ids) => fc.tuple(...ids.map((id) => doc.map((data) => ({ id, data })))))
      .map((docs) => docs as CaseDoc[]),
    sort: fc.constantFrom('id', 'status', 'amount', 'urgent', 'title'),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
    filter: fc.option(fc.constantFrom('open', 'closed'), { nil: undefined }),
    limit: fc.integer({ min: 1, max: 7 }),
  });
}

/** The order every adapter must give: null lowest, strings by UTF-8 bytes, ties by id. */
function compareDocs(a: CaseDoc, b: CaseDoc, field: string, direction: 'asc' | 'desc'): number {
  const sign = direction === 'asc' ? 1 : -1;
  const value = (doc: CaseDoc): FieldValue =>
    field === 'id' ? doc.id : ((doc.data[field] as FieldValue) ?? null);
  const byValue = compareValues(value(a), value(b));
  return sign * (byValue !== 0 ? byValue : compareValues(a.id, b.id));
}

function compareValues(a: FieldValue, b: FieldValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string')
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : 1;
}
