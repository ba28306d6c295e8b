import { prepareWrite } from './read-model.document';
import { InvalidQueryError } from './read-model.errors';
import type { ReadModelStore } from './read-model-store.port';
import {
  assertValidTable,
  type ReadModelDocument,
  type ReadModelTable,
  type StoredRecord,
} from './read-model.types';
import { encodeCursor } from './query/cursor.codec';
import type { FindQuery, Page, ReadModelFilter } from './query/read-model.query';
import { validateFilter, validateFind } from './query/query.validation';

/**
 * One read-model version, seen through the port with validation around it:
 * queries are validated against the declared fields, documents prepared
 * (JSON, extracted fields) before any adapter sees them. The write methods are
 * the guarded single-document operations (the projection runner batches the
 * same writes through the store directly).
 */
export class ReadModelCollection<T extends object = Record<string, unknown>> {
  constructor(
    readonly store: ReadModelStore,
    readonly table: ReadModelTable,
  ) {
    assertValidTable(table);
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.getDocument(id))?.data;
  }

  async getDocument(id: string): Promise<ReadModelDocument<T> | undefined> {
    if (typeof id !== 'string') {
      throw new InvalidQueryError(this.table.projection, [
        { field: 'id', message: 'must be a string' },
      ]);
    }
    const [record] = await this.store.load(this.table, [id]);
    return record?.data ? toDocument<T>(record) : undefined;
  }

  /**
   * The live documents of these ids, in one round trip per few hundred ids
   * (one `$in` query on MongoDB), keyed by id; absent and deleted ids are left out.
   */
  async getMany(ids: readonly string[]): Promise<Map<string, T>> {
    if (ids.some((id) => typeof id !== 'string')) {
      throw new InvalidQueryError(this.table.projection, [
        { field: 'id', message: 'must be a string' },
      ]);
    }
    const found = new Map<string, T>();
    for (const record of await this.store.load(this.table, ids)) {
      if (record.data) found.set(record.id, record.data as T);
    }
    return found;
  }

  /** A page of documents; pass `nextCursor` back as `cursor` for the next one. */
  async find(query: FindQuery = {}): Promise<Page<T>> {
    const { query: validated, pageSize } = validateFind(this.table, query);
    const records = await this.store.find(this.table, validated);
    const items = records.slice(0, pageSize).map((record) => toDocument<T>(record));
    const last = items[items.length - 1];
    if (records.length <= pageSize || !last) return { items };
    const { field, direction } = validated.sort;
    const value =
      field === 'id' ? last.id : ((last.data as Record<string, unknown>)[field] ?? null);
    return {
      items,
      nextCursor: encodeCursor({
        field,
        direction,
        value: value as string | number | boolean | null,
        id: last.id,
      }),
    };
  }

  async count(filter?: ReadModelFilter): Promise<number> {
    return this.store.count(this.table, validateFilter(this.table, filter));
  }

  /** Replaces the document, unless it is already at `position` or later (then not updated: false). */
  async upsert(id: string, data: T, position: number): Promise<boolean> {
    return (
      (await this.store.write({
        table: this.table,
        writes: [prepareWrite(this.table, id, position, data)],
      })) === 1
    );
  }

  /**
   * Merges top-level properties into an existing document (undefined removes
   * one). False when the document is absent, deleted, or already at `position`.
   */
  async patch(id: string, fields: Partial<T>, position: number): Promise<boolean> {
    const [record] = await this.store.load(this.table, [id]);
    if (!record?.data || record.position >= position) return false;
    const merged = { ...record.data, ...fields };
    return (
      (await this.store.write({
        table: this.table,
        writes: [prepareWrite(this.table, id, position, merged)],
      })) === 1
    );
  }

  /** Deletes, keeping a tombstone at `position` so a replayed earlier event cannot bring it back. */
  async delete(id: string, position: number): Promise<boolean> {
    return (
      (await this.store.write({
        table: this.table,
        writes: [prepareWrite(this.table, id, position, null)],
      })) === 1
    );
  }
}

function toDocument<T>(record: StoredRecord): ReadModelDocument<T> {
  return { id: record.id, position: record.position, data: record.data as T };
}
