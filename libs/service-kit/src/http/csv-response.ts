import type { Response } from 'express';

/** Sends rows as a CSV attachment (the next page's cursor in X-Next-Cursor). */
export function sendCsv(res: Response, filename: string, csv: string, nextCursor?: string): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  if (nextCursor) res.setHeader('X-Next-Cursor', nextCursor);
  return csv;
}
