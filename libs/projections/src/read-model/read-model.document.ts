import { ReadModelDocumentError } from './read-model.errors';
import {
  assertValidId,
  type FieldType,
  type FieldValue,
  type ReadModelFields,
  type PreparedWrite,
  type ReadModelTable,
} from './read-model.types';

/**
 * Prepares a guarded write: checks the id, serialises the document to JSON once,
 * and extracts the declared fields (a missing or null property gives null; any
 * other value must have the declared type, else the write is refused: a query
 * on that field would silently miss the document).
 */
export function prepareWrite(
  table: ReadModelTable,
  id: string,
  position: number,
  data: object | null,
): PreparedWrite {
  assertValidId(id);
  if (!Number.isSafeInteger(position) || position < 1) {
    throw new ReadModelDocumentError(
      table.projection,
      id,
      `position ${position} is not a positive integer`,
    );
  }
  if (data === null) return { id, position, json: null, fields: nullFields(table) };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ReadModelDocumentError(table.projection, id, 'a document must be a JSON object');
  }
  return { id, position, json: JSON.stringify(data), fields: extractFields(table, id, data) };
}

/** The declared fields' values of a document, type-checked. */
export function extractFields(
  table: ReadModelTable,
  id: string,
  data: object,
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [name, type] of fieldList(table)) {
    const value: unknown = Object.prototype.hasOwnProperty.call(data, name)
      ? (data as Record<string, unknown>)[name]
      : undefined;
    if (value === undefined || value === null) {
      fields[name] = null;
    } else if (typeof value === type && (type !== 'number' || Number.isFinite(value))) {
      fields[name] = value as FieldValue;
    } else {
      throw new ReadModelDocumentError(
        table.projection,
        id,
        `field ${name} is declared ${type} but holds ${JSON.stringify(value)}`,
      );
    }
  }
  return fields;
}

/**
 * Checks the declared fields' types without building anything: the handler-side
 * check of every write, so it must be cheap.
 */
export function assertFieldTypes(table: ReadModelTable, id: string, data: object): void {
  for (const [name, type] of fieldList(table)) {
    const value: unknown = (data as Record<string, unknown>)[name];
    if (value === undefined || value === null || !Object.prototype.hasOwnProperty.call(data, name))
      continue;
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) {
      throw new ReadModelDocumentError(
        table.projection,
        id,
        `field ${name} is declared ${type} but holds ${JSON.stringify(value)}`,
      );
    }
  }
}

/** The declared fields as a list, computed once per fields object (this runs for every write). */
const fieldLists = new WeakMap<ReadModelFields, [string, FieldType][]>();
function fieldList(table: ReadModelTable): [string, FieldType][] {
  let list = fieldLists.get(table.fields);
  if (!list) {
    list = Object.entries(table.fields);
    fieldLists.set(table.fields, list);
  }
  return list;
}

export function parseDocument(json: string | null): Record<string, unknown> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

function nullFields(table: ReadModelTable): Record<string, FieldValue> {
  return Object.fromEntries(Object.keys(table.fields).map((name) => [name, null]));
}
