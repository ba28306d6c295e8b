import { Kind, Type, TypeRegistry, type TUnsafe } from '@sinclair/typebox';

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
export const IsoDateTime = (description: string) =>
  Type.String({ format: 'date-time', description });

/**
 * Compile-time check that two types are assignable both ways: a schema's
 * `Static` and the TypeScript type the code returns cannot drift apart.
 * `true` only when they are; use as `const _: MutuallyAssignable<A, B> = true`.
 */
export type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
