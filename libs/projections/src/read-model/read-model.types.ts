import { InvalidReadModelError } from './read-model.errors';

/** The kinds of value a query may filter and sort on. */
export type FieldType = 'string' | 'number' | 'boolean';

/** A value of a query field; null when the document has no value for it. */
export type FieldValue = string | number | boolean | null;

/**
 * The fields of a read model that queries may filter and sort on: top-level
 * properties of its documents, declared with their type. Only declared fields
 * are extracted into columns (embedded) or indexed properties (MongoDB), and
 * only they are accepted in a client's filter or sort.
 */
export type ReadModelFields = Readonly<Record<string, FieldType>>;

/**
 * One physical version of a read model: the table (embedded) or collection
 * (MongoDB) `rm_<projection>__v<generation>`. A rebuild writes into the next
 * generation beside the current one.
 */
export interface ReadModelTable {
  readonly projection: string;
  readonly generation: number;
  readonly fields: ReadModelFields;
}

/** A document as stored: `data` is null for a tombstone (a deleted document whose position is kept). */
export interface StoredRecord {
  id: string;
  /** The position of the last event applied to this document. */
  position: number;
  data: Record<string, unknown> | null;
}

/**
 * A guarded write, ready for an adapter: applied only if the stored document is
 * absent or its position is lower than `position`.
 */
export interface PreparedWrite {
  id: string;
  position: number;
  /** The document as JSON text; null writes a tombstone. */
  json: string | null;
  /** The declared fields' values, extracted from the document (all null for a tombstone). */
  fields: Record<string, FieldValue>;
  /**
   * True when the writer found the document absent, or never looked: an
   * adapter may then try a plain insert first (much cheaper than a
   * conditional replace on some servers) and fall back to the guarded write.
   */
  maybeNew?: boolean;
  /**
   * The stored document's position as the writer read it in this batch, when
   * it did (the document existed). One runner writes a read model (the
   * projection lease), so an adapter whose guard is a read then a write may
   * take this as the read instead of asking again. Set it only from a read
   * made for this batch.
   */
  loadedPosition?: number;
}

/** A document as a query returns it. */
export interface ReadModelDocument<T> {
  id: string;
  /** The position of the last event applied to this document. */
  position: number;
  data: T;
}

export const PROJECTION_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
export const MAX_ID_LENGTH = 512;
const FIELD_TYPES: readonly string[] = ['string', 'number', 'boolean'];

/**
 * The physical name of a read-model version: `rm_<projection>__v<generation>`.
 * Projection names are kebab-case without `--`, so mapping `-` to `_` cannot
 * make two names collide, and the name is a safe SQL identifier and collection name.
 */
export function physicalName(table: Pick<ReadModelTable, 'projection' | 'generation'>): string {
  return `rm_${table.projection.replace(/-/g, '_')}__v${table.generation}`;
}

export function assertProjectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length > 48 || !PROJECTION_NAME_PATTERN.test(name)) {
    throw new InvalidReadModelError(
      `Projection name ${JSON.stringify(name)} is invalid: use kebab-case (a-z, 0-9, single hyphens), at most 48 characters`,
    );
  }
}

/** Checks a table description; adapters call it before building names from it. */
export function assertValidTable(table: ReadModelTable): void {
  assertProjectionName(table.projection);
  if (!Number.isSafeInteger(table.generation) || table.generation < 1) {
    throw new InvalidReadModelError(
      `Generation ${table.generation} of ${table.projection} is not a positive integer`,
    );
  }
  assertValidFields(table.fields, table.projection);
}

export function assertValidFields(
  fields: unknown,
  projection: string,
): asserts fields is ReadModelFields {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new InvalidReadModelError(
      `The fields of ${projection} must be an object of field name to type`,
    );
  }
  for (const [name, type] of Object.entries(fields)) {
    if (!FIELD_NAME_PATTERN.test(name) || name === 'id') {
      throw new InvalidReadModelError(
        `Field ${JSON.stringify(name)} of ${projection} is invalid: letters, digits and _ , starting with a letter; "id" is implicit`,
      );
    }
    if (!FIELD_TYPES.includes(type as string)) {
      throw new InvalidReadModelError(
        `Field ${name} of ${projection} has unknown type ${JSON.stringify(type)}`,
      );
    }
  }
}

export function assertValidId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new InvalidReadModelError(
      `A document id must be a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    );
  }
}

export function sameFields(a: ReadModelFields, b: ReadModelFields): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
