import type { SortDirection } from '../read-model-store.port';
import type { FieldValue } from '../read-model.types';

/** Where a page ended: the sort it belongs to and the last document's sort value and id. */
export interface PageCursor {
  field: string;
  direction: SortDirection;
  value: FieldValue;
  id: string;
}

/** Opaque to clients (base64url of JSON); decoded values are re-validated by the query validation. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.field, cursor.direction, cursor.value, cursor.id]),
    'utf8',
  ).toString('base64url');
}

/** Undefined when the text is not a cursor this module made. */
export function decodeCursor(text: string): PageCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
    const [field, direction, value, id] = parsed as unknown[];
    if (typeof field !== 'string' || typeof id !== 'string') return undefined;
    if (direction !== 'asc' && direction !== 'desc') return undefined;
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) return undefined;
    return { field, direction, value: value as FieldValue, id };
  } catch {
    return undefined;
  }
}
