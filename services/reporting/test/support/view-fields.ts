import type { ViewFieldType, ViewFields } from '../../src/query/domain/view-fields';

/** The fields of a view in a test, by type (a test's fields need no description for the catalogue). */
export function fieldsOfTypes(types: Record<string, ViewFieldType>): ViewFields {
  return Object.fromEntries(
    Object.entries(types).map(([name, type]) => [name, { type, description: '' }]),
  );
}
