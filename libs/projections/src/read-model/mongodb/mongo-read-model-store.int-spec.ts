import { isFerretDb } from '@sfp/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { prepareWrite } from '../read-model.document';
import type { PreparedWrite, ReadModelTable } from '../read-model.types';
import { MongoReadModelStore } from './mongo-read-model-store';

/**
 * What the MongoDB adapter asks the server for, beyond the shared contract:
 * the guard's read of stored positions is left out for documents the writer
 * read in the same batch (PreparedWrite.loadedPosition).
 */
describe('MongoReadModelStore (real server): the guard read', () => {
  const table: ReadModelTable = { projection: 'guard-reads', generation: 1, fields: {} };
  let db: TestDatabase;
  let store: MongoReadModelStore;
  /** The filters of every find on the read model's collection. */
  let finds: unknown[];

  beforeAll(async () => {
    db = await createTestDatabase('rm_guard');
    store = new MongoReadModelStore(db.connection);
    await store.ensureTable(table);
    const collection = db.connection.collection('rm_guard_reads__v1');
    const find = collection.find.bind(collection);
    jest.spyOn(collection, 'find').mockImplementation(((filter: unknown, ...rest: unknown[]) => {
      finds.push(filter);
      return (find as (...args: unknown[]) => unknown)(filter, ...rest);
    }) as typeof collection.find);
  });
  afterAll(() => db.cleanup());
  beforeEach(() => (finds = []));

  const write = (id: string, position: number, extra: Partial<PreparedWrite> = {}) =>
    store.write({
      table,
      writes: [{ ...prepareWrite(table, id, position, { id, position }), ...extra }],
    });
  const positionOf = async (id: string) => (await store.load(table, [id]))[0]?.position;

  it('given a document the writer loaded, when it writes it, then no positions read and the write applies', async () => {
    expect(await write('a', 3, { maybeNew: true })).toBe(1);
    finds = [];
    expect(await write('a', 5, { loadedPosition: 3 })).toBe(1);
    expect(finds).toEqual([]);
    expect(await positionOf('a')).toBe(5);
  });

  it('given a write without a loaded position, then the stored positions are read and an older write changes nothing', async () => {
    expect(await write('b', 7, { maybeNew: true })).toBe(1);
    finds = [];
    expect(await write('b', 6)).toBe(0);
    expect(finds).toEqual([{ _id: { $in: ['b'] } }]);
    expect(await positionOf('b')).toBe(7);
  });

  it('indexes the declared fields on MongoDB, and not on FerretDB, which never reads such an index', async () => {
    const indexed: ReadModelTable = {
      projection: 'guard-reads-indexed',
      generation: 1,
      fields: { status: 'string', rank: 'number' },
    };
    await store.ensureTable(indexed);
    await store.ensureTable(indexed); // again: nothing changes
    const names = (
      await db.connection.collection('rm_guard_reads_indexed__v1').listIndexes().toArray()
    )
      .map((index) => String(index['name']))
      .sort();
    expect(names).toEqual(
      (await isFerretDb(db.connection)) ? ['_id_'] : ['_id_', 'f_rank', 'f_status'],
    );
  });
});
