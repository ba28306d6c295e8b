import { ReadModelCollection } from '../read-model/read-model.collection';
import { ReadModelDocumentError } from '../read-model/read-model.errors';
import type { ReadModelTable } from '../read-model/read-model.types';
import { SqliteReadModelStore } from '../read-model/sqlite/sqlite-read-model-store';
import { ViewUnitOfWork } from './view.unit-of-work';

interface Doc {
  status?: string;
  count?: number;
  tags?: string[];
}

describe('ViewUnitOfWork', () => {
  const table: ReadModelTable = {
    projection: 'uow',
    generation: 1,
    fields: { status: 'string', count: 'number' },
  };
  let store: SqliteReadModelStore;
  let docs: ReadModelCollection<Doc>;
  let loads: string[][];
  const commit = async (unit: ViewUnitOfWork<Doc>): Promise<number> =>
    store.write({ table, writes: await unit.prepare() });

  beforeEach(async () => {
    store = new SqliteReadModelStore({ filename: ':memory:' });
    await store.ensureTable(table);
    docs = new ReadModelCollection<Doc>(store, table);
    loads = [];
    const load = store.load.bind(store);
    jest.spyOn(store, 'load').mockImplementation(async (t, ids) => {
      loads.push([...ids]);
      return load(t, ids);
    });
  });
  afterEach(() => store.close());

  it('given documents read ahead in one call, when handlers update them, then no other read and the same result', async () => {
    await docs.upsert('a', { status: 'open', count: 1 }, 1);
    await docs.upsert('b', { status: 'open', count: 5 }, 9);
    loads = [];
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await unit.prefetch(['a', 'b', 'absent', 'a']);
    expect(loads).toEqual([['a', 'b', 'absent']]);
    const bump = (d: Doc | undefined): Doc => ({ status: 'counted', count: (d?.count ?? 0) + 1 });
    await unit.writer(3).update('a', bump);
    await unit.writer(4).update('b', bump); // stored at 9: the guard keeps it
    await unit.writer(5).update('absent', bump);
    await unit.writer(6).update('a', bump);
    expect(loads).toHaveLength(1);
    expect([...unit.readIds]).toEqual(['a', 'b', 'absent']);
    await commit(unit);
    expect(await docs.get('a')).toEqual({ status: 'counted', count: 3 });
    expect(await docs.get('b')).toEqual({ status: 'open', count: 5 });
    expect(await docs.get('absent')).toEqual({ status: 'counted', count: 1 });
  });

  it('given nothing stored, when a batch upserts, patches and counts, then one write per document', async () => {
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await unit.writer(1).upsert('a', { status: 'open', count: 0 });
    await unit.writer(2).patch('a', { status: 'triaged' });
    for (let p = 3; p <= 5; p++)
      await unit.writer(p).update('a', (d) => d && { ...d, count: (d.count ?? 0) + 1 });
    const writes = await unit.prepare();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      id: 'a',
      position: 5,
      fields: { status: 'triaged', count: 3 },
    });
    expect(loads).toEqual([]); // written whole first: nothing to read
  });

  it('reads the documents that patches need in one query at the end', async () => {
    await docs.upsert('a', { status: 'open' }, 1);
    await docs.upsert('b', { status: 'open' }, 2);
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await unit.writer(3).patch('a', { status: 'closed' });
    await unit.writer(4).patch('b', { count: 7 });
    await unit.writer(5).patch('missing', { status: 'x' });
    expect(loads).toEqual([]);
    await commit(unit);
    expect(loads).toEqual([['a', 'b', 'missing']]);
    expect(await docs.get('a')).toEqual({ status: 'closed' });
    expect(await docs.get('b')).toEqual({ status: 'open', count: 7 });
    expect(await docs.get('missing')).toBeUndefined();
  });

  it('tells the store what it read: the loaded position of a stored document, maybeNew of an absent or unread one', async () => {
    await docs.upsert('read', { status: 'open' }, 2);
    await docs.upsert('patched', { status: 'open' }, 3);
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await unit.writer(4).update('read', (d) => ({ ...d, count: 1 }));
    await unit.writer(5).patch('patched', { count: 2 });
    await unit.writer(6).update('absent', () => ({ status: 'new' }));
    await unit.writer(7).upsert('unread', { status: 'whole' });
    const writes = await unit.prepare();
    const flags = Object.fromEntries(
      writes.map((w) => [w.id, { maybeNew: w.maybeNew, loadedPosition: w.loadedPosition }]),
    );
    expect(flags).toEqual({
      read: { maybeNew: undefined, loadedPosition: 2 },
      patched: { maybeNew: undefined, loadedPosition: 3 },
      absent: { maybeNew: true, loadedPosition: undefined },
      unread: { maybeNew: true, loadedPosition: undefined },
    });
  });

  it('given the stored document is ahead (a replay), then not updated', async () => {
    await docs.upsert('a', { status: 'closed', count: 10 }, 10);
    await docs.upsert('b', { status: 'closed', count: 10 }, 10);
    const unit = new ViewUnitOfWork<Doc>(store, table);
    // 'a' is read before it is written: its stored state is ahead, so nothing applies.
    await unit.writer(4).update('a', (d) => d && { ...d, count: (d.count ?? 0) + 1 });
    await unit.writer(6).patch('a', { status: 'reopened' });
    // 'b' is written whole first: the batch works from that state, the store's guard refuses the result.
    await unit.writer(4).upsert('b', { status: 'open', count: 0 });
    await unit.writer(5).update('b', (d) => d && { ...d, count: (d.count ?? 0) + 1 });
    expect(await unit.writer(5).get('b')).toEqual({ status: 'open', count: 1 });
    expect(await commit(unit)).toBe(0);
    expect(loads).toEqual([['a']]);
    expect(await docs.getDocument('a')).toEqual({
      id: 'a',
      position: 10,
      data: { status: 'closed', count: 10 },
    });
    expect(await docs.getDocument('b')).toEqual({
      id: 'b',
      position: 10,
      data: { status: 'closed', count: 10 },
    });
  });

  it('deletes within the batch, and a later upsert in it brings the document back', async () => {
    await docs.upsert('a', { status: 'open' }, 1);
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await unit.writer(2).delete('a');
    expect(await unit.writer(3).get('a')).toBeUndefined();
    await unit.writer(3).patch('a', { status: 'ignored' });
    await unit.writer(4).delete('b');
    await commit(unit);
    expect(await docs.get('a')).toBeUndefined();
    expect(await store.load(table, ['a', 'b'])).toEqual([
      { id: 'a', position: 2, data: null },
      { id: 'b', position: 4, data: null },
    ]);
    const later = new ViewUnitOfWork<Doc>(store, table);
    await later.writer(5).upsert('a', { status: 'again' });
    await commit(later);
    expect(await docs.get('a')).toEqual({ status: 'again' });
  });

  it('hands out copies: changing what get returned changes nothing', async () => {
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await unit.writer(1).upsert('a', { status: 'open', tags: ['x'] });
    const read = (await unit.writer(2).get('a')) as Doc;
    read.tags?.push('also mutated');
    expect(await unit.writer(2).get('a')).toEqual({ status: 'open', tags: ['x'] });
  });

  it('refuses a wrong field type in the handler that wrote it', async () => {
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await expect(
      unit.writer(1).upsert('a', { count: 'many' as unknown as number }),
    ).rejects.toBeInstanceOf(ReadModelDocumentError);
    await expect(
      unit.writer(1).patch('a', { status: 3 as unknown as string }),
    ).rejects.toBeInstanceOf(ReadModelDocumentError);
    expect(unit.size).toBe(0);
  });

  it('removes a property patched to undefined', async () => {
    await docs.upsert('a', { status: 'open', count: 2 }, 1);
    const unit = new ViewUnitOfWork<Doc>(store, table);
    await unit.writer(2).patch('a', { count: undefined });
    await commit(unit);
    expect(await docs.get('a')).toEqual({ status: 'open' });
  });
});
