import type { Response } from 'express';
import type { CsvColumn } from '@sfp/service-kit';

type CsvValue = ReturnType<CsvColumn<unknown>['value']>;
/** The fields of a row that a CSV cell can show as they are. */
type CsvField<T> = { [K in keyof T & string]: T[K] extends CsvValue ? K : never }[keyof T & string];

/** Columns that show fields of the row as they are, each headed by the field's name. */
export function fieldColumns<T>(...fields: CsvField<T>[]): CsvColumn<T>[] {
  return fields.map((field) => ({ header: field, value: (row: T) => row[field] as CsvValue }));
}

/** Sends rows as a CSV attachment (the next page's cursor in X-Next-Cursor). */
export function sendCsv(res: Response, filename: string, csv: string, nextCursor?: string): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  if (nextCursor) res.setHeader('X-Next-Cursor', nextCursor);
  return csv;
}
