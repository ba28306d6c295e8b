import type { Response } from 'express';
import type { FindQuery, ProjectionReadModel, ReadModelDocument } from '@sfp/projections';
import { toCsv, type CsvColumn } from '@sfp/service-kit';
import { pageAnswer, pageOf, type PagedQueryDto } from '../shared/http/view-query.dto';
import { sendCsv } from './csv-response';

/**
 * The page of a view that a paged query asks for, filtered and sorted as
 * `find` says: with `format=csv` a CSV file of `csv.columns` (the next page's
 * cursor in X-Next-Cursor), else `{ items, nextCursor }` with each document as
 * `item` shows it (its data as it is, unless told).
 */
export async function answerPage<T extends object>(
  view: Pick<ProjectionReadModel<T>, 'find'>,
  query: PagedQueryDto,
  res: Response,
  find: Pick<FindQuery, 'filter' | 'sort'>,
  csv: { file: string; columns: CsvColumn<T>[] },
  item: (doc: ReadModelDocument<T>) => unknown = (doc) => doc.data,
): Promise<string | { items: unknown[]; nextCursor?: string }> {
  const page = await view.find({ ...find, ...pageOf(query) });
  if (query.format === 'csv') {
    const rows = page.items.map((doc) => doc.data);
    return sendCsv(res, csv.file, toCsv(rows, csv.columns), page.nextCursor);
  }
  return pageAnswer(page.items.map(item), page.nextCursor);
}
