import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Response } from 'express';

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

/** A response that keeps the headers a controller sets. */
export function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
  } as unknown as Response & { headers: Record<string, string> };
}
