import { Kind, Type, TypeRegistry, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * The building blocks of the TypeBox schemas of every context's answers
 * (OpenAPI 3.1 / JSON Schema 2020-12): the one description of what a route
 * sends, declared with `@Answers`.
 */

// So that TypeBox's own checks (`Value.Check`) know the string enums below.
if (!TypeRegistry.Has('StringEnum')) {
  TypeRegistry.Set<{ enum: unknown[] }>('StringEnum', (schema, value) =>
    schema.enum.includes(value),
  );
}

/** A string of one of `values`, as `{ type: 'string', enum: [...] }` (what client generators turn into an enum). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({
    [Kind]: 'StringEnum',
    type: 'string',
    enum: [...values],
    ...options,
  });
}

/** An instant written by `Date.prototype.toISOString()` (always a full ISO 8601 date-time, UTC). */
export const IsoDateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

/** A calendar date as YYYY-MM-DD. */
export const IsoDateString = (description?: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...(description ? { description } : {}) });

/**
 * Compile-time check that two types are assignable both ways: a schema's
 * `Static` and the TypeScript type the code returns cannot drift apart.
 * `true` only when they are; use as `const same: MutuallyAssignable<A, B> = true`.
 */
export type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time check that two types are the same type, property by property
 * (optional and nullable alike, nested objects included): `true` only when
 * they are, so not even an optional property one of them lacks goes unseen.
 */
export type SameType<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * The same check as a statement: `sameShape<Static<typeof XSchema>, X>(true)`
 * fails to compile when the schema and the type differ.
 */
export function sameShape<A, B>(proof: SameType<A, B>): void {
  void proof;
}

/** A page of a paged view (`{ items, nextCursor }`): its items, and the cursor of the next page when there is one. */
export const PageOf = <T extends TSchema>(item: T, title: string) =>
  Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Optional(
        Type.String({ description: 'Pass as `cursor` for the next page; absent on the last one' }),
      ),
    },
    { title },
  );

/** The CSV variant of a view (`format=csv`): a file with a header line. */
export const CsvFile = (description: string) => Type.String({ description });

/** The headers of a CSV export named `filename` (with X-Next-Cursor when `paged`). */
export function csvHeadersOf(filename: string, { paged = false }: { paged?: boolean } = {}) {
  return {
    'Content-Disposition': { description: `CSV only: attachment; filename="${filename}"` },
    ...(paged
      ? {
          'X-Next-Cursor': {
            description: 'CSV only: the cursor of the next page (absent on the last page)',
          },
        }
      : {}),
  };
}
