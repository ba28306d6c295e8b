import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  API_KEY_SCHEME,
  openApiPath,
  PROBLEM_SCHEMA,
  schemaRulesOf,
  type RouteAccess,
} from '@sfp/auth';
import { IF_MATCH_PATTERN } from '../http/if-match';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { MIN_POSITION_REFUSALS } from '../http/read-position';
import { deriveObject, isValidatedClass, type Schema } from './validation-schema';

/**
 * Makes the OpenAPI document say what the routes do, from the code that does
 * it (`documentContract`):
 * - each body, query and path DTO's schema is derived from its class-validator
 *   rules (the ones the validation pipe enforces), a body closed to unknown
 *   properties as the pipe is (`forbidNonWhitelisted`);
 * - each operation lists the refusals every route of its kind can answer (400
 *   for input, 413 for a body, 429 for API keys, 503 for `minPosition` and for
 *   a store that cannot be reached, 507 for a write the storage refused), on top
 *   of the 401/403 of its access and of what the route declares itself, each
 *   with the problem-document body;
 * - the document is OpenAPI 3.1: `nullable` becomes a `null` type.
 */

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema } & Schema;
type Constructor = new () => unknown;

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

interface RouteInput {
  body?: Constructor;
  query?: Constructor;
  path?: Constructor;
}

/** The DTO classes of a handler's `@Body()`, `@Query()` and `@Param()` (whole-object ones). */
function inputOf(route: RouteAccess): RouteInput {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controllerType, route.handler) ??
    {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    route.controllerType.prototype as object,
    route.handler,
  ) ?? []) as unknown[];
  const input: RouteInput = {};
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    const type = types[arg.index];
    if (arg.data !== undefined || !isValidatedClass(type)) continue;
    if (kind === Number(RouteParamtypes.BODY)) input.body = type;
    if (kind === Number(RouteParamtypes.QUERY)) input.query = type;
    if (kind === Number(RouteParamtypes.PARAM)) input.path = type;
  }
  return input;
}

class ContractWriter {
  private readonly schemas: Record<string, Schema>;

  constructor(document: OpenAPIObject) {
    document.components ??= {};
    document.components.schemas ??= {};
    this.schemas = document.components.schemas as Record<string, Schema>;
  }

  /** `components.schemas[<class name>]`, derived from the class's rules (and its nested classes'). */
  bodySchema(type: Constructor, seen = new Set<string>()): Schema {
    const ref = { $ref: `#/components/schemas/${type.name}` };
    if (seen.has(type.name)) return ref;
    seen.add(type.name);
    const derived = deriveObject(type, {
      nullableOptional: true,
      refOf: (nested) => ({ $ref: `#/components/schemas/${nested.name}` }),
    });
    const properties = derived.properties;
    const description = this.schemas[type.name]?.['description'];
    const rules = schemaRulesOf(type);
    this.schemas[type.name] = {
      type: 'object',
      ...(description ? { description } : {}),
      properties,
      ...(derived.required.length ? { required: derived.required } : {}),
      additionalProperties: false,
      ...(rules.length ? { allOf: rules } : {}),
    };
    for (const nested of derived.nested.values()) this.bodySchema(nested, seen);
    return ref;
  }

  /** The operation's query or path parameters of a DTO class, replacing those Nest listed for it. */
  parameters(operation: Operation, where: 'query' | 'path', type: Constructor): void {
    const derived = deriveObject(type, {
      nullableOptional: false,
      refOf: (nested) => this.bodySchema(nested),
    });
    const existing = (operation.parameters ?? []) as Parameter[];
    const byName = new Map(existing.filter((p) => p.in === where).map((p) => [p.name, p]));
    const others = existing.filter((p) => p.in !== where || !(p.name in derived.properties));
    const listed = Object.entries(derived.properties).map(([name, schema]) => {
      const before = byName.get(name);
      const description = before?.['description'] ?? schema['description'];
      const { description: _drop, ...rest } = schema;
      void _drop;
      return {
        name,
        in: where,
        required: where === 'path' || derived.required.includes(name),
        ...(description ? { description } : {}),
        ...(rest['example'] !== undefined ? { example: rest['example'] } : {}),
        schema: rest,
      };
    });
    operation.parameters = [...others, ...listed] as never;
  }

  /** A refusal every route of a kind can answer; a description the route gave is kept. */
  refusal(operation: Operation, status: number, description: string, headers?: Schema): void {
    const key = String(status);
    const existing = operation.responses[key] as Schema | undefined;
    const before = (existing?.['description'] as string | undefined) ?? '';
    operation.responses[key] = {
      ...existing,
      description: !before
        ? description
        : before.includes(description)
          ? before
          : `${before.replace(/\.?\s*$/, '.')} ${description}`,
      ...(headers ? { headers: { ...(existing?.['headers'] as Schema), ...headers } } : {}),
    } as never;
  }

  /** Every answer of 400 and more carries the problem document, unless the route declares its own body. */
  problemBodies(operation: Operation): void {
    for (const [status, response] of Object.entries(operation.responses)) {
      const r = response as unknown as Schema | undefined;
      if (Number(status) < 400 || !r || '$ref' in r) continue;
      // A route that answers its own body (readiness's 503 with each check) keeps it.
      if (r['content']) continue;
      r['content'] = {
        [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
      };
    }
  }
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before asking again.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
};

/** The 503 of every route that uses a store (isStoreUnavailable, http/storage-errors.ts). */
const STORE_OUTAGE =
  'The data store cannot be reached right now (STORE_UNAVAILABLE: the MongoDB server is down or unreachable; STORAGE_UNAVAILABLE: the embedded files cannot be read): nothing waited for it; send the request again after the Retry-After header.';

/** The 507 of every write (see http/storage-errors.ts). */
const STORAGE_REFUSAL =
  'The disk holding the data is full (STORAGE_FULL) or read-only (STORAGE_READ_ONLY): the command was not completed; send it again after the Retry-After header, once an operator has freed the disk.';

/** Writes into the document what the routes enforce (see the file's header). Mutates and returns it. */
export function documentContract(
  document: OpenAPIObject,
  routes: readonly RouteAccess[],
  globalPrefix = '',
): OpenAPIObject {
  const writer = new ContractWriter(document);
  for (const route of routes) {
    const path = openApiPath(route.path, globalPrefix);
    const method = route.method.toLowerCase() as HttpMethod;
    const operation = document.paths[path]?.[method] as Operation | undefined;
    if (!operation) continue;
    const input = inputOf(route);
    if (input.body) {
      const schema = writer.bodySchema(input.body);
      // A body whose fields are all optional may be left out (Nest validates `{}` then).
      const required =
        deriveObject(input.body, { nullableOptional: true, refOf: () => ({}) }).required.length > 0;
      operation.requestBody = {
        required,
        content: { 'application/json': { schema } },
      } as never;
    }
    if (input.query) writer.parameters(operation, 'query', input.query);
    if (input.path) writer.parameters(operation, 'path', input.path);

    const parameters = (operation.parameters ?? []) as Parameter[];
    for (const header of parameters.filter(
      (p) => p.in === 'header' && p.name.toLowerCase() === 'if-match',
    )) {
      header.schema = { type: 'string', pattern: IF_MATCH_PATTERN.source };
    }
    if (operation.requestBody || parameters.length) {
      writer.refusal(
        operation,
        400,
        'Invalid input: a field breaks its rule (VALIDATION_FAILED, one entry per field in `fieldErrors`), or the body is not JSON, too deep, or holds an unknown property.',
      );
    }
    if (operation.requestBody) {
      writer.refusal(operation, 413, 'The body is larger than the limit (PAYLOAD_TOO_LARGE).');
    }
    if (parameters.some((p) => p.in === 'query' && p.name === 'minPosition')) {
      writer.refusal(operation, 400, MIN_POSITION_REFUSALS[400]);
      writer.refusal(operation, 503, MIN_POSITION_REFUSALS[503], RETRY_AFTER);
    }
    if (method !== 'get') {
      writer.refusal(operation, 507, STORAGE_REFUSAL, RETRY_AFTER);
    }
    // Every write and every signed-in read use a store; a public read (liveness, a ping) may not.
    if (method !== 'get' || ((operation.security ?? []) as unknown[]).length > 0) {
      writer.refusal(operation, 503, STORE_OUTAGE, RETRY_AFTER);
    }
    const security = (operation.security ?? []) as Array<Record<string, unknown>>;
    if (security.some((s) => API_KEY_SCHEME in s)) {
      writer.refusal(
        operation,
        429,
        'Too many calls with this API key in the last minute (RATE_LIMITED).',
        RETRY_AFTER,
      );
    }
    writer.problemBodies(operation);
  }
  toOpenApi31(document);
  return document;
}

/** OpenAPI 3.0's `nullable: true` as 3.1 says it (a `null` type, or `null` in an enum). */
function toOpenApi31(document: OpenAPIObject): void {
  document.openapi = '3.1.0';
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const schema = node as Schema;
    if (schema['nullable'] === true) {
      delete schema['nullable'];
      if (typeof schema['type'] === 'string') schema['type'] = [schema['type'], 'null'];
      if (Array.isArray(schema['enum']) && !schema['enum'].includes(null))
        schema['enum'] = [...(schema['enum'] as unknown[]), null];
      if (schema['$ref'] || schema['allOf']) {
        const { description, ...rest } = schema;
        for (const key of Object.keys(schema)) delete schema[key];
        Object.assign(schema, {
          ...(description ? { description } : {}),
          anyOf: [rest, { type: 'null' }],
        });
      }
    }
    Object.values(schema).forEach(visit);
  };
  visit(document.paths);
  visit(document.components);
}
