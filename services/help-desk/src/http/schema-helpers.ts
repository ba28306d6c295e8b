import { Kind, Type, TypeRegistry, type TUnsafe } from '@sinclair/typebox';

export { IsoDateTime, StringEnum, type MutuallyAssignable } from '@sfp/service-kit';

/**
 * Helpers for the TypeBox schemas of the help desk's answers (OpenAPI 3.1 /
 * JSON Schema 2020-12): the one description of what a route sends.
 */

// So that TypeBox's own checks (`Value.Check`) know the kind below.
if (!TypeRegistry.Has('HelpDeskCounts')) {
  TypeRegistry.Set('HelpDeskCounts', (_schema, value) => isCounts(value));
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

/** The ETag header of a request's answer: its stream version, for If-Match. */
export const ETAG_HEADER = {
  ETag: {
    description: 'The request’s version (e.g. "3"), to send as If-Match with its next command',
  },
} as const;
