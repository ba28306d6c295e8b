import type { Response } from 'express';
import { MAX_PAGE_SIZE, type FindQuery, type ProjectionEngine } from '@sfp/projections';
import { toCsv, type CsvColumn } from '../csv/csv';
import { sendCsv } from './csv-response';
import { pageOf } from './query-fields';
import { MIN_POSITION_WAIT_MS } from './read-position';

/** What a paged list route reads of its query: the position to wait for, the page, the format. */
export interface PagedListQuery {
  minPosition?: number;
  limit?: number;
  cursor?: string;
  format?: 'json' | 'csv';
}

/** One list: the read model it pages, how it selects and sorts, how a document reads, and its CSV. */
export interface PagedList<TDoc extends object, TEntry> {
  projection: string;
  filter: FindQuery['filter'];
  sort: FindQuery['sort'];
  entryOf: (doc: TDoc) => TEntry;
  csv: { filename: string; columns: readonly CsvColumn<TEntry>[] };
}

/** Read your writes: waits until `projection` has applied `minPosition` (nothing to wait for without one). */
export async function waitForMinPosition(
  projections: ProjectionEngine,
  projection: string,
  minPosition: number | undefined,
): Promise<void> {
  if (minPosition === undefined) return;
  await projections.waitForPosition(projection, minPosition, MIN_POSITION_WAIT_MS);
}

/**
 * A page of a read model for a list route: waits for `minPosition` first
 * (read-your-writes), then answers the entries and the next page's cursor, or
 * with `format=csv` the page as a CSV attachment (the cursor in X-Next-Cursor).
 */
export async function pagedList<TDoc extends object, TEntry>(
  projections: ProjectionEngine,
  query: PagedListQuery,
  res: Response,
  list: PagedList<TDoc, TEntry>,
): Promise<{ items: TEntry[]; nextCursor?: string } | string> {
  await waitForMinPosition(projections, list.projection, query.minPosition);
  const page = await projections.readModel<TDoc>(list.projection).find({
    filter: list.filter,
    sort: list.sort,
    ...pageOf(query),
  });
  const items = page.items.map((doc) => list.entryOf(doc.data));
  if (query.format === 'csv') {
    return sendCsv(res, list.csv.filename, toCsv(items, list.csv.columns), page.nextCursor);
  }
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** Every document of a read model matching `filter`, page by page (for the reports that aggregate a view). */
export async function allDocumentsOf<T extends object>(
  projections: ProjectionEngine,
  projection: string,
  filter: FindQuery['filter'],
): Promise<T[]> {
  const found: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await projections
      .readModel<T>(projection)
      .find({ filter, limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    found.push(...page.items.map((d) => d.data));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}
