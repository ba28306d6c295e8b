import fc from 'fast-check';

/**
 * Request generators for the OpenAPI-driven fuzz test: from an operation of
 * the platform's OpenAPI document, requests with valid-shaped and hostile
 * bodies, path parameters, query strings, headers and credentials. Bodies are
 * built as JSON text (never JSON.stringify of a deep object), so they can hold
 * what JSON.stringify cannot write: 1e400, 5,000 levels of nesting, duplicate
 * keys, an own `__proto__` key.
 */

export interface OpenApiSchema {
  type?: string;
  $ref?: string;
  allOf?: OpenApiSchema[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}
export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: OpenApiSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. /api/auth/users/{id}. */
  path: string;
  operation: OpenApiOperation;
  key: string;
}

/** Who calls: the administrator, nobody, or someone with a credential that means nothing. */
export type Caller =
  | { kind: 'admin' }
  | { kind: 'anonymous' }
  | { kind: 'garbage'; headers: Record<string, string> };

export interface FuzzRequest {
  /** What the request tries, for the report. */
  label: string;
  /** Path parameters, already percent-encoded (or deliberately not). */
  pathValues: Record<string, string>;
  /** Query pairs, already encoded. */
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** JSON text (or not JSON at all) and its content type; none for GET. */
  body?: { contentType: string; text: string; extraHeaders?: Record<string, string> };
  caller: Caller;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        operation,
        key: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  return operations;
}

/** Follows $ref into components.schemas and merges allOf. */
export function resolveSchema(
  schema: OpenApiSchema | undefined,
  doc: OpenApiDocument,
  seen: string[] = [],
): OpenApiSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return { type: 'object' };
    const { $ref: _, ...rest } = schema;
    return { ...resolveSchema(doc.components?.schemas?.[name], doc, [...seen, name]), ...rest };
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    const parts = allOf.map((part) => resolveSchema(part, doc, seen));
    return parts.reduce<OpenApiSchema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }),
      rest,
    );
  }
  return schema;
}

export function requestBodySchema(
  operation: OpenApiOperation,
  doc: OpenApiDocument,
): OpenApiSchema | undefined {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return schema ? resolveSchema(schema, doc) : undefined;
}

// ---------------------------------------------------------------- JSON text

/** A piece of JSON text taken as is: 1e400, a 5,000-deep array, an object with an own __proto__ key. */
export class RawJson {
  constructor(readonly json: string) {}
}

/** JSON text of a value that may hold RawJson pieces (objects of ordinary depth). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.json;
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Arrays (`[[[...]]]`) or objects (`{"a":{"a":...}}`) nested `depth` levels, built as text. */
export function deeplyNested(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
}

export const DEEP_DEPTH = 5_000;
export const MANY_ITEMS = 10_000;

const rawArray = (item: string, count: number) =>
  new RawJson(`[${new Array(count).fill(item).join(',')}]`);

/** Numbers at and past the edges of a double, and integers past 2^53. */
export const HUGE_NUMBERS = [
  '1e308',
  '-1e308',
  String(Number.MAX_SAFE_INTEGER + 2),
  '9007199254740993',
  '1e-320',
  '-0',
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '2147483648',
  '-2147483649',
  '0.30000000000000004',
  '-1',
  '0',
].map((n) => new RawJson(n));

export const HOSTILE_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-0',
  '0x1F',
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  '😀'.repeat(200),
  'Ω≈ç√∫˜µ≤≥÷ ЁЖЗ 日本語 عربى',
  '\r\n\t\b\f\u001b[31m',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '$where',
  'true',
  'null',
  'undefined',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '-271821-04-20T00:00:00Z',
  'x'.repeat(10_000),
];

export const WRONG_TYPES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  '',
  'a string',
  [],
  {},
  [null],
  ['x', 1, {}, [], null, true],
  { $gt: '' },
  { $ne: null, $where: 'sleep(1000)' },
  new RawJson('{"__proto__":{"polluted":true,"isAdmin":true}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":true}}}'),
  new RawJson('{"a":1,"a":{"b":2}}'),
];

/** Large things that still fit in a 1 MB body. */
export const BIG_VALUES: Array<{ label: string; value: unknown }> = [
  { label: `${MANY_ITEMS} numbers`, value: rawArray('1', MANY_ITEMS) },
  { label: `${MANY_ITEMS} strings`, value: rawArray('"youth"', MANY_ITEMS) },
  { label: `${MANY_ITEMS} objects`, value: rawArray('{"a":1}', MANY_ITEMS) },
  { label: `${MANY_ITEMS} nulls`, value: rawArray('null', MANY_ITEMS) },
  { label: '200,000-character string', value: 'é'.repeat(100_000) },
  { label: '200,000-character string', value: 'A'.repeat(200_000) },
];

export const DEEP_VALUES: Array<{ label: string; value: RawJson }> = [
  {
    label: `array nested ${DEEP_DEPTH} deep`,
    value: new RawJson(deeplyNested(DEEP_DEPTH, 'array')),
  },
  {
    label: `object nested ${DEEP_DEPTH} deep`,
    value: new RawJson(deeplyNested(DEEP_DEPTH, 'object')),
  },
  { label: 'array nested 100 deep', value: new RawJson(deeplyNested(100, 'array')) },
];

const describeValue = (value: unknown): string => {
  const text = toJsonText(value);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
};

// ------------------------------------------------------------ valid shapes

/** Values of the shape the schema describes (enums, examples, types), though not always what the domain accepts. */
export function validValue(
  schema: OpenApiSchema,
  doc: OpenApiDocument,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolveSchema(schema, doc);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const withExample = (arb: fc.Arbitrary<unknown>) =>
    s.example !== undefined ? fc.oneof(fc.constant(s.example), arb) : arb;
  if (depth > 6) return fc.constant(null);
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      if (!s.properties || Object.keys(s.properties).length === 0) {
        return withExample(
          fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        );
      }
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(s.properties))
        model[name] = validValue(property, doc, depth + 1);
      // Mostly every property (so the request reaches the domain), sometimes only the required ones.
      return fc.oneof(
        { weight: 3, arbitrary: fc.record(model) },
        {
          weight: 1,
          arbitrary: fc.record(model, {
            requiredKeys: (s.required ?? []).filter((k) => k in model),
          }),
        },
      );
    }
    case 'array':
      return withExample(fc.array(validValue(s.items ?? {}, doc, depth + 1), { maxLength: 4 }));
    case 'string':
      return withExample(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.uuid().map(String),
          fc.constantFrom(
            '2026-01-01',
            '2025-12-31',
            '2026-01-15T10:00:00Z',
            'KE',
            'GH',
            'KES',
            'USD',
            'sfp-youth-employment',
          ),
          fc.emailAddress(),
        ),
      );
    case 'number':
    case 'integer': {
      const double = fc.double({
        min: s.minimum ?? -1e6,
        max: s.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
      // The whole numbers within the bounds, which need not be whole (a fee of at least 0.01).
      const low = Math.ceil(s.minimum ?? -1_000);
      const high = Math.floor(s.maximum ?? 1_000_000);
      return withExample(
        low <= high ? fc.oneof(fc.integer({ min: low, max: high }), double) : double,
      );
    }
    case 'boolean':
      return fc.boolean();
    default:
      return withExample(fc.jsonValue({ maxDepth: 2 }));
  }
}

/** Every place inside a value (object keys, array indexes), the value itself first. */
function placesIn(
  value: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
) {
  out.push(prefix);
  if (prefix.length > 8) return out;
  if (Array.isArray(value)) value.forEach((v, i) => placesIn(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesIn(v, [...prefix, k], out);
  return out;
}

function replaceAt(value: unknown, place: Array<string | number>, replacement: unknown): unknown {
  if (place.length === 0) return replacement;
  const [head, ...rest] = place;
  if (Array.isArray(value))
    return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = replaceAt(copy[head as string], rest, replacement);
  return copy;
}

function removeAt(value: unknown, place: Array<string | number>): unknown {
  if (place.length === 0) return value;
  if (place.length === 1) {
    if (Array.isArray(value)) return value.filter((_, i) => i !== place[0]);
    const { [place[0] as string]: _, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  const [head, ...rest] = place;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? removeAt(v, rest) : v));
  return {
    ...(value as Record<string, unknown>),
    [head as string]: removeAt((value as Record<string, unknown>)[head as string], rest),
  };
}

const json = (text: string) => ({ contentType: 'application/json', text });

/** Hostile leaves: huge numbers, strange strings, wrong JSON types, big and deep values. */
export const hostileLeaf: fc.Arbitrary<{ label: string; value: unknown }> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...HUGE_NUMBERS)
      .map((value) => ({ label: `number ${value.json}`, value: value as unknown })),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...HOSTILE_STRINGS)
      .map((value) => ({ label: `string ${describeValue(value)}`, value: value as unknown })),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...WRONG_TYPES)
      .map((value) => ({ label: `wrong type ${describeValue(value)}`, value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 40 })
      .map((value) => ({ label: 'random unicode', value: value as unknown })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...BIG_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP_VALUES) },
);

/** Request bodies for an operation: valid-shaped, then valid-shaped with one hostile change, then hostile as a whole. */
export function bodyArbitrary(
  schema: OpenApiSchema | undefined,
  doc: OpenApiDocument,
  base?: unknown,
): fc.Arbitrary<{ label: string; body: NonNullable<FuzzRequest['body']> }> {
  // Half from a body the domain accepts (given, else the document's examples), so a hostile value goes deep; half generated.
  const valid = fc.oneof(
    fc.constant(base ?? exampleValue(schema ?? { type: 'object' }, doc)),
    validValue(schema ?? { type: 'object' }, doc),
  );
  const required = resolveSchema(schema, doc).required ?? [];
  return fc.oneof(
    {
      weight: 3,
      arbitrary: valid.map((v) => ({ label: 'valid-shaped body', body: json(toJsonText(v)) })),
    },
    {
      // One place (anywhere, nested too) gets a hostile value.
      weight: 8,
      arbitrary: fc.tuple(valid, fc.nat(), hostileLeaf).map(([v, n, leaf]) => {
        const places = placesIn(v);
        const place = places.length > 1 ? (places[1 + (n % (places.length - 1))] ?? []) : [];
        return {
          label: `${leaf.label} at ${place.length ? place.join('.') : 'the top'}`,
          body: json(toJsonText(replaceAt(v, place, leaf.value))),
        };
      }),
    },
    {
      // Required fields missing, or extra properties.
      weight: 3,
      arbitrary: fc
        .tuple(valid, fc.subarray(required), fc.constantFrom('none', 'extra', 'proto'))
        .map(([v, dropped, extra]) => {
          let body = dropped.reduce<unknown>((b, name) => removeAt(b, [name]), v);
          let text: string;
          if (
            extra === 'proto' &&
            body !== null &&
            typeof body === 'object' &&
            !Array.isArray(body)
          ) {
            const inner = toJsonText(body).slice(1, -1);
            text = `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}}${inner ? `,${inner}` : ''}}`;
          } else {
            if (
              extra === 'extra' &&
              body !== null &&
              typeof body === 'object' &&
              !Array.isArray(body)
            ) {
              body = { ...body, unknownProperty: 'x', $where: '1', 'a.b': { c: 1 }, '': null };
            }
            text = toJsonText(body);
          }
          return {
            label: `missing [${dropped.join(', ')}]${extra === 'none' ? '' : `, ${extra} properties`}`,
            body: json(text),
          };
        }),
    },
    {
      // The whole body hostile.
      weight: 3,
      arbitrary: fc.oneof(
        fc
          .constantFrom(...DEEP_VALUES, ...BIG_VALUES)
          .map((b) => ({ label: `body: ${b.label}`, body: json(toJsonText(b.value)) })),
        fc
          .constantFrom(
            'null',
            '"a string"',
            '123',
            'true',
            '[]',
            '[{}]',
            '',
            '{',
            '{"a":1,}',
            "{'a':1}",
            'NaN',
            '{"a":NaN}',
            '{"a":Infinity}',
            '{"a":undefined}',
            '\uFEFF{}',
            '{"a":"\\ud800"}',
            '{"a":"\\u0000"}',
            '{"a":1,"a":2}',
            '{"__proto__":{"polluted":true}}',
            '{"constructor":{"prototype":{"polluted":true}}}',
            '{"a":' + '9'.repeat(5_000) + '}',
            '{"a":1e999999}',
            '{"a":"' + '\\u0000'.repeat(20_000) + '"}',
          )
          .map((text) => ({
            label: `body text ${describeValue(new RawJson(text))}`,
            body: json(text),
          })),
        fc.constantFrom(
          { label: 'body over the 1 MB limit', body: json(`{"a":"${'x'.repeat(1_100_000)}"}`) },
          { label: 'text/plain body', body: { contentType: 'text/plain', text: '{"a":1}' } },
          {
            label: 'form body',
            body: {
              contentType: 'application/x-www-form-urlencoded',
              text: 'a[b][c]=1&__proto__[x]=1&a=2',
            },
          },
          {
            label: 'unsupported charset',
            body: { contentType: 'application/json; charset=utf-7', text: '{}' },
          },
          {
            label: 'utf-16 charset',
            body: { contentType: 'application/json; charset=utf-16', text: '{}' },
          },
          {
            label: 'garbage gzip body',
            body: {
              contentType: 'application/json',
              text: 'not gzip',
              extraHeaders: { 'content-encoding': 'gzip' },
            },
          },
          {
            label: 'unknown content encoding',
            body: {
              contentType: 'application/json',
              text: '{}',
              extraHeaders: { 'content-encoding': 'br, zstd, x-bogus' },
            },
          },
          {
            label: 'content-type +json suffix',
            body: { contentType: 'application/merge-patch+json', text: '{"a":1}' },
          },
        ),
      ),
    },
  );
}

// ------------------------------------------------------------ parameters

/**
 * encodeURIComponent that does not throw on a lone surrogate: it is sent as
 * its three bytes (invalid UTF-8), which the server must refuse cleanly.
 */
export function enc(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i += 1;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(text.charAt(i));
  }
  return out;
}

/** Path segment values, percent-encoded (a few deliberately malformed). */
export function pathValueArbitrary(known: string[]): fc.Arbitrary<string> {
  const encoded = (values: string[]) => fc.constantFrom(...values).map(enc);
  return fc.oneof(
    ...(known.length ? [{ weight: 6, arbitrary: fc.constantFrom(...known).map(enc) }] : []),
    { weight: 2, arbitrary: fc.uuid().map(String) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(enc) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        encoded([
          '../../etc/passwd',
          '..',
          '%00',
          '\u0000',
          '__proto__',
          'constructor',
          'toString',
          ' ',
          'NaN',
          '-1',
          '1e308',
          '9'.repeat(400),
          'x'.repeat(5_000),
        ]),
        encoded([
          'Ω≈ç',
          '😀',
          '\uFEFF',
          '<script>',
          "' OR '1'='1",
          '${jndi:ldap://x}',
          'a/b',
          'a?b=c',
          'a#b',
          'a;b',
          'COM1',
          '.git',
        ]),
        // Not encoded at all: a lone %, a broken escape, a null escape.
        fc.constantFrom(
          '%',
          '%E0%A4%A',
          '%zz',
          '%00',
          '%2e%2e%2f%2e%2e%2fetc',
          '%C0%AE%C0%AE',
          '%uD800',
        ),
      ),
    },
  );
}

function queryValueArbitrary(schema: OpenApiSchema, doc: OpenApiDocument): fc.Arbitrary<string> {
  const s = resolveSchema(schema, doc);
  const items = s.items ? resolveSchema(s.items, doc) : undefined;
  const valid: fc.Arbitrary<string> = s.enum?.length
    ? fc.constantFrom(...s.enum.map(String))
    : items?.enum?.length
      ? fc.subarray(items.enum.map(String), { minLength: 1 }).map((v) => v.join(','))
      : s.type === 'boolean'
        ? fc.constantFrom('true', 'false')
        : s.type === 'number' || s.type === 'integer'
          ? fc.integer({ min: 0, max: 500 }).map(String)
          : s.example !== undefined
            ? fc.constant(typeof s.example === 'string' ? s.example : JSON.stringify(s.example))
            : fc.oneof(
                fc.string({ maxLength: 20 }),
                fc.constantFrom(
                  '2026',
                  '2026-01-01',
                  '2026-Q1',
                  '2026-2027',
                  'KE',
                  '{}',
                  '{"limit":5}',
                ),
              );
  const hostile = fc.constantFrom(
    '',
    '1e308',
    '-1e308',
    '1e400',
    '99999999999999999999999',
    '9007199254740993',
    '-1',
    '-0',
    '0',
    '1.5',
    'NaN',
    'Infinity',
    '0x10',
    'yes',
    'null',
    'undefined',
    '[]',
    '{}',
    '{"$gt":""}',
    '__proto__',
    '2026-13-45',
    '-271821-04-20',
    '../../etc/passwd',
    '\u0000',
    '\uD800',
    'Ω≈ç😀',
    'x'.repeat(6_000),
    deeplyNested(1_000, 'array'),
    deeplyNested(700, 'object'),
  );
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: hostile });
}

/** Query pairs from the operation's query parameters, with repeated, bracketed and unknown parameters. */
export function queryArbitrary(
  parameters: OpenApiParameter[],
  doc: OpenApiDocument,
): fc.Arbitrary<{ label: string; pairs: Array<[string, string]> }> {
  const names = parameters.filter((p) => p.in === 'query');
  const single = names.map((p) =>
    queryValueArbitrary(p.schema ?? {}, doc).map((v) => [p.name, v] as [string, string]),
  );
  const pairsOf = (pairs: Array<[string, string]>) =>
    pairs.map(([k, v]) => [enc(k), enc(v)] as [string, string]);
  const required = names.filter((p) => p.required);
  const base = single.length
    ? fc.subarray(single).chain((chosen) => fc.tuple(...chosen))
    : fc.constant([] as Array<[string, string]>);
  const withRequired = (pairs: Array<[string, string]>) => [
    ...required
      .filter((r) => !pairs.some(([k]) => k === r.name))
      .map((r) => [r.name, '2026'] as [string, string]),
    ...pairs,
  ];
  const nameArb = names.length
    ? fc.constantFrom(...names.map((p) => p.name))
    : fc.constantFrom('limit', 'q', 'filter');
  return fc.oneof(
    {
      weight: 4,
      arbitrary: base.map((pairs) => ({
        label: 'query from the parameters',
        pairs: pairsOf(withRequired(pairs)),
      })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          base,
          nameArb,
          fc.constantFrom(
            'repeat',
            'gt',
            'brackets',
            'deep-brackets',
            'proto',
            'unknown',
            'empty-name',
            'no-value',
          ),
        )
        .map(([pairs, name, kind]) => {
          const extra: Array<[string, string]> = {
            repeat: [
              [name, '1'],
              [name, '2'],
              [name, 'x'],
            ] as Array<[string, string]>,
            gt: [[`${name}[$gt]`, '']] as Array<[string, string]>,
            brackets: [
              [`${name}[]`, 'a'],
              [`${name}[]`, 'b'],
            ] as Array<[string, string]>,
            'deep-brackets': [[`${name}[a][b][c][d][e][f][g][h]`, '1']] as Array<[string, string]>,
            proto: [
              ['__proto__[polluted]', '1'],
              ['constructor[prototype][polluted]', '1'],
              ['__proto__', 'x'],
            ] as Array<[string, string]>,
            unknown: [['unknownParameter', 'x'.repeat(100)]] as Array<[string, string]>,
            'empty-name': [['', 'x']] as Array<[string, string]>,
            'no-value': [[name, '']] as Array<[string, string]>,
          }[kind];
          // Brackets are sent as brackets (not %5B), as a browser form would.
          const encoded = extra.map(
            ([k, v]) =>
              [enc(k).replace(/%5B/g, '[').replace(/%5D/g, ']'), enc(v)] as [string, string],
          );
          return {
            label: `query with ${kind} ${name}`,
            pairs: [...pairsOf(withRequired(pairs)), ...encoded],
          };
        }),
    },
  );
}

export const GARBAGE_CREDENTIALS: Array<Record<string, string>> = [
  { authorization: 'Bearer garbage' },
  { authorization: 'Bearer ' },
  {
    authorization:
      'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbImFkbWluaXN0cmF0b3IiXX0.',
  },
  { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.' + 'A'.repeat(43) },
  { authorization: `Bearer ${'a'.repeat(6_000)}` },
  { authorization: 'Bearer a.b.c.d.e' },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'ApiKey sfp_garbage' },
  { authorization: 'bearer' },
  { 'x-api-key': 'garbage' },
  { 'x-api-key': 'sfp_' + 'x'.repeat(2_000) },
];

export const callerArbitrary: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 16, arbitrary: fc.constant<Caller>({ kind: 'admin' }) },
  { weight: 2, arbitrary: fc.constant<Caller>({ kind: 'anonymous' }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...GARBAGE_CREDENTIALS)
      .map<Caller>((headers) => ({ kind: 'garbage', headers })),
  },
);

const IF_MATCH = [
  '"1"',
  'W/"1"',
  '"2"',
  '"0"',
  '"999999999999999"',
  '"9999999999999999999"',
  '"-1"',
  '*',
  'garbage',
  '"1", "2"',
  '',
];

/**
 * Requests for one operation: path values from `known` (by parameter name) and
 * generated ones; `base`, a body the domain accepts, to start hostile changes from.
 */
export function requestArbitrary(
  op: Operation,
  doc: OpenApiDocument,
  known: (param: string) => string[],
  base?: unknown,
): fc.Arbitrary<FuzzRequest> {
  const parameters = op.operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [p.name, pathValueArbitrary(known(p.name))]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const headerArb: fc.Arbitrary<Record<string, string>> = parameters.some(
    (p) => p.in === 'header' && p.name.toLowerCase() === 'if-match',
  )
    ? fc
        .option(fc.constantFrom(...IF_MATCH), { nil: undefined })
        .map((v): Record<string, string> => (v === undefined ? {} : { 'if-match': v }))
    : fc.constant({});
  const withBody = op.method !== 'GET' && op.method !== 'DELETE';
  const bodyArb = withBody
    ? bodyArbitrary(requestBodySchema(op.operation, doc), doc, base).map(
        (b) => b as { label: string; body?: FuzzRequest['body'] },
      )
    : fc.constant({ label: '', body: undefined });
  return fc
    .tuple(pathArb, queryArbitrary(parameters, doc), headerArb, bodyArb, callerArbitrary)
    .map(([pathValues, query, headers, body, caller]) => ({
      label: [
        body.label,
        query.pairs.length ? query.label : '',
        headers['if-match'] !== undefined ? `If-Match ${headers['if-match']}` : '',
      ]
        .filter(Boolean)
        .join('; '),
      pathValues,
      query: query.pairs,
      headers,
      ...(body.body ? { body: body.body } : {}),
      caller,
    }));
}

/** The URL path of a request: the OpenAPI path with its parameters substituted. */
export function urlOf(op: Operation, request: FuzzRequest): string {
  const path = op.path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => request.pathValues[name] ?? 'x',
  );
  const query = request.query.map(([k, v]) => `${k}=${v}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** A stable 32-bit seed per operation, so adding an operation does not change the requests of the others. */
export function seedFor(baseSeed: number, key: string): number {
  let hash = baseSeed | 0;
  for (let i = 0; i < key.length; i++)
    hash = (Math.imul(hash ^ key.charCodeAt(i), 0x5bd1e995) + 0x7ed55d16) | 0;
  return hash;
}

/** One value of the schema's shape from its examples and first enum values: deterministic, often what the domain accepts. */
export function exampleValue(
  schema: OpenApiSchema | undefined,
  doc: OpenApiDocument,
  depth = 0,
): unknown {
  const s = resolveSchema(schema, doc);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (depth > 8) return null;
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, p]) => [k, exampleValue(p, doc, depth + 1)]),
      );
    case 'array':
      return [exampleValue(s.items, doc, depth + 1)];
    case 'string':
      return 'example';
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return {};
  }
}

function replaceNumbers(value: unknown, by: RawJson): unknown {
  if (typeof value === 'number') return by;
  if (Array.isArray(value)) return value.map((v) => replaceNumbers(v, by));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceNumbers(v, by)]));
  return value;
}

/**
 * The requests every operation gets whatever the seed: with a body, 5,000
 * levels of nesting (the whole body and under a property), 10,000 items
 * under a property and every number past a double; with query parameters,
 * each repeated, each as `name[$gt]=` and each at 1e308.
 */
export function fixedRequests(
  op: Operation,
  doc: OpenApiDocument,
  known: (param: string) => string[],
  acceptedBody?: unknown,
): FuzzRequest[] {
  const parameters = op.operation.parameters ?? [];
  const pathValues = Object.fromEntries(
    parameters
      .filter((p) => p.in === 'path')
      .map((p) => [p.name, enc(known(p.name)[0] ?? '00000000-0000-4000-8000-000000000000')]),
  );
  const headers: Record<string, string> = parameters.some(
    (p) => p.in === 'header' && p.name.toLowerCase() === 'if-match',
  )
    ? { 'if-match': '"1"' }
    : {};
  const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const admin: Caller = { kind: 'admin' };
  const base = { pathValues, headers, caller: admin, query: [] as Array<[string, string]> };
  const requests: FuzzRequest[] = [];
  if (op.method !== 'GET' && op.method !== 'DELETE') {
    const example =
      acceptedBody ?? exampleValue(requestBodySchema(op.operation, doc) ?? { type: 'object' }, doc);
    const first =
      example !== null && typeof example === 'object' && !Array.isArray(example)
        ? Object.keys(example)[0]
        : undefined;
    const under = (label: string, value: unknown): FuzzRequest => ({
      ...base,
      label: `${label} under ${first ?? 'a'}`,
      body: json(toJsonText(first ? { ...(example as object), [first]: value } : { a: value })),
    });
    requests.push(
      {
        ...base,
        label: `body: array nested ${DEEP_DEPTH} deep`,
        body: json(deeplyNested(DEEP_DEPTH, 'array')),
      },
      under(`object nested ${DEEP_DEPTH} deep`, new RawJson(deeplyNested(DEEP_DEPTH, 'object'))),
      under(`${MANY_ITEMS} items`, rawArray('{"a":[1]}', MANY_ITEMS)),
      {
        ...base,
        label: 'every number 1e400 (Infinity), else 1e308 first',
        body: json(
          toJsonText(
            first
              ? replaceNumbers(
                  { ...(example as object), [first]: new RawJson('1e308') },
                  new RawJson('1e400'),
                )
              : { a: new RawJson('1e400') },
          ),
        ),
      },
    );
  }
  if (queryNames.length) {
    const q = (pairs: Array<[string, string]>) =>
      pairs.map(
        ([k, v]) => [enc(k).replace(/%5B/g, '[').replace(/%5D/g, ']'), enc(v)] as [string, string],
      );
    requests.push(
      {
        ...base,
        label: 'every query parameter repeated',
        query: q(
          queryNames.flatMap(
            (n) =>
              [
                [n, '1'],
                [n, '2'],
              ] as Array<[string, string]>,
          ),
        ),
      },
      {
        ...base,
        label: 'every query parameter as name[$gt]=',
        query: q(queryNames.map((n) => [`${n}[$gt]`, ''] as [string, string])),
      },
      {
        ...base,
        label: 'every query parameter 1e308',
        query: q(queryNames.map((n) => [n, '1e308'] as [string, string])),
      },
    );
  }
  if (requests.length === 0) requests.push({ ...base, label: 'plain request' });
  return requests;
}
