import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';
import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * What a route tells the OpenAPI document about itself, next to the code that
 * does it. The request side (body, query and path schemas) is not declared
 * here: it is derived from the DTOs' class-validator rules, the ones the
 * validation pipe enforces. Statuses every route of a kind can answer (400 for
 * input, 401/403 by its access, 503 for `minPosition`…) are added by
 * `documentContract`; a route declares only its own.
 */

/** A JSON Schema: a TypeBox schema, or a plain object written as JSON Schema 2020-12. */
export type JsonSchema = TSchema | Record<string, unknown>;

/** The operation's name for client generators (`updateUser`) and its one-line summary. */
export function Operation(operationId: string, summary: string, description?: string) {
  return ApiOperation({ operationId, summary, ...(description ? { description } : {}) });
}

export interface AnswerHeader {
  description: string;
  schema?: JsonSchema;
}

export interface AnswerSpec {
  description: string;
  /** The JSON body (`application/json`); absent for a response without a body (204). */
  schema?: JsonSchema;
  /** Bodies in other media types (`text/csv`, `text/html`, `text/plain`), each with its schema. */
  content?: Record<string, JsonSchema>;
  /** Response headers the caller relies on (`ETag`, `Location`…). */
  headers?: Record<string, AnswerHeader>;
}

/** A success answer of the route: its status, description, body schema and headers. */
export function Answers(status: number, spec: AnswerSpec) {
  const content: Record<string, { schema: JsonSchema }> = {};
  if (spec.schema) content['application/json'] = { schema: spec.schema };
  for (const [type, schema] of Object.entries(spec.content ?? {})) content[type] = { schema };
  const headers = spec.headers
    ? Object.fromEntries(
        Object.entries(spec.headers).map(([name, header]) => [
          name,
          { description: header.description, schema: header.schema ?? { type: 'string' } },
        ]),
      )
    : undefined;
  return ApiResponse({
    status,
    description: spec.description,
    ...(Object.keys(content).length ? { content: content as never } : {}),
    ...(headers ? { headers: headers as never } : {}),
  });
}

/**
 * The refusals particular to this route, status → when it happens
 * (`{ 404: 'No such request in your department', 409: 'Not allowed in its status' }`).
 * Each is documented with the problem-document body.
 */
export function Refuses(refusals: Partial<Record<number, string>>) {
  return applyDecorators(
    ...Object.entries(refusals).map(([status, description]) =>
      ApiResponse({ status: Number(status), description: description ?? '' }),
    ),
  );
}

const SCHEMA_RULES = 'sfp:openapi:schema-rules';

/**
 * Rules between a body's fields that its field decorators cannot say, as JSON
 * Schema (`if`/`then`, `dependentRequired`…), added to the DTO's derived schema
 * as `allOf`. The domain enforces them (RULE_VIOLATED); the API tester in CI
 * checks that the two agree.
 */
export function SchemaRules(...rules: JsonSchema[]): ClassDecorator {
  return (target) => {
    const before = (Reflect.getMetadata(SCHEMA_RULES, target) ?? []) as JsonSchema[];
    Reflect.defineMetadata(SCHEMA_RULES, [...before, ...rules], target);
  };
}

/** The rules `@SchemaRules` gave a class (and its parents). */
export function schemaRulesOf(type: object): JsonSchema[] {
  return (Reflect.getMetadata(SCHEMA_RULES, type) ?? []) as JsonSchema[];
}

/** A calendar date `YYYY-MM-DD` that exists (not 2026-02-30); documented as `format: date`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CALENDAR_DATE,
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a date YYYY-MM-DD, e.g. 2026-03-31`,
          options,
        ),
      },
    },
    options,
  );
}

export const IS_CALENDAR_DATE = 'isCalendarDate';

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
