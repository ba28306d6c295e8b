import { Kind, Type, TypeRegistry, type TUnsafe } from '@sinclair/typebox';

/**
 * Helpers for the TypeBox schemas of the help desk's answers (OpenAPI 3.1 /
 * JSON Schema 2020-12): the one description of what a route sends.
 */

// So that TypeBox's own checks (`Value.Check`) know the kinds below.
if (!TypeRegistry.Has('StringEnum')) {
  TypeRegistry.Set<{ enum: unknown[] }>('StringEnum', (schema, value) =>
    schema.enum.includes(value),
  );
}
if (!TypeRegistry.Has('HelpDeskCounts')) {
  TypeRegistry.Set('HelpDeskCounts', (_schema, value) => isCounts(value));
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

/** Counts by a key (`{ "africa": 12 }`): an object of whole numbers, any keys. */
export function Counts(description: string): TUnsafe<Record<string, number>> {
  return Type.Unsafe<Record<string, number>>({
    [Kind]: 'HelpDeskCounts',
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    description,
  });
}

function isCounts(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0)
  );
}

/** An instant written by `Date.prototype.toISOString()` (always a full ISO 8601 date-time). */
export const IsoDateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

/**
 * Compile-time check that two types are assignable both ways: a schema's
 * `Static` and the TypeScript type the code answers with cannot drift apart.
 * `true` only when they are; use as `const same: MutuallyAssignable<A, B> = true`.
 */
export type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The ETag header of a request's answer: its stream version, for If-Match. */
export const ETAG_HEADER = {
  ETag: {
    description: 'The request’s version (e.g. "3"), to send as If-Match with its next command',
  },
} as const;
