import { FormatRegistry, TypeRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Response } from 'express';

// The string enums (Type.Unsafe with `enum`), so that TypeBox's own checks know them.
if (!TypeRegistry.Has('Unsafe')) {
  TypeRegistry.Set<{ enum?: unknown[] }>('Unsafe', (schema, value) =>
    schema.enum ? schema.enum.includes(value) : true,
  );
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
FormatRegistry.Set('uuid', (value) => UUID.test(value));
FormatRegistry.Set('date', (value) => /^\d{4}-\d{2}-\d{2}$/.test(value));
FormatRegistry.Set(
  'date-time',
  (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !isNaN(Date.parse(value)),
);

/**
 * What a schema says is wrong with an answer, one `path: message` per error
 * ([] when it conforms). The answer goes through JSON first, as the client
 * gets it (undefined properties dropped).
 */
export function schemaErrors(schema: TSchema, answer: unknown): string[] {
  const sent: unknown = JSON.parse(JSON.stringify(answer));
  return [...Value.Errors(schema, sent)].map((e) => `${e.path}: ${e.message}`);
}

/** The answer matches the schema the route documents; on a mismatch, says where. */
export function expectConforms(schema: TSchema, answer: unknown): void {
  expect(schemaErrors(schema, answer)).toEqual([]);
}

/** A response that keeps the headers a controller sets (a CSV route's, say), for calling the controller directly. */
export function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
  } as unknown as Response & { headers: Record<string, string> };
}
