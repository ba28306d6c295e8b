import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';

// class-transformer keeps `@Type(() => X)` here; the package has no typed entry for it.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerMetadata;
};

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of a DTO class, derived
 * from the class-validator rules the validation pipe enforces: the document
 * says what the code checks because it is read from the same decorators.
 */

export type Schema = Record<string, unknown>;

export interface DerivedObject {
  properties: Record<string, Schema>;
  required: string[];
  /** DTO classes nested in it (`@ValidateNested` + `@Type`), by class name. */
  nested: Map<string, new () => unknown>;
}

type Constructor = new () => unknown;

/** The rules of a class, its parents' included, grouped by property. */
function rulesOf(type: Constructor): Map<string, ValidationMetadata[]> {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of metadatas) {
    const list = byProperty.get(meta.propertyName) ?? [];
    list.push(meta);
    byProperty.set(meta.propertyName, list);
  }
  return byProperty;
}

const swapCase = (text: string) =>
  text.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

/**
 * JS RegExp → an ECMA-262 pattern (JSON Schema's dialect, which has no flags):
 * under `i`, each letter outside a class becomes a class of both cases, and a
 * class gains its letters and ranges in the other case (escapes kept as they are).
 */
function patternOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!(value instanceof RegExp)) return undefined;
  if (!value.flags.includes('i')) return value.source;
  return value.source.replace(/\\.|\[(\^?)((?:\\.|[^\]])*)\]|[a-zA-Z]/g, (part, negated, body) => {
    if (part.startsWith('\\')) return part;
    if (body === undefined) return `[${part.toLowerCase()}${part.toUpperCase()}]`;
    const other = (body as string)
      .split(/(\\.)/)
      .map((piece) => (piece.startsWith('\\') ? '' : swapCase(piece)))
      .join('');
    return `[${negated as string}${body as string}${other}]`;
  });
}

const UUID_PATTERNS: Record<string, string> = {
  '4': '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
  all: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
};

/** What one rule says of a value (of each item when the rule has `each`). */
function schemaOfRule(meta: ValidationMetadata): Schema | undefined {
  const c = meta.constraints ?? [];
  switch (meta.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isObject':
      return { type: 'object' };
    case 'isArray':
      return { type: 'array' };
    case 'isIn':
      return { enum: [...(c[0] as unknown[])] };
    case 'isLength':
      return {
        type: 'string',
        minLength: c[0],
        ...(c[1] !== undefined ? { maxLength: c[1] } : {}),
      };
    case 'minLength':
      return { type: 'string', minLength: c[0] };
    case 'maxLength':
      return { type: 'string', maxLength: c[0] };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'matches': {
      const pattern = patternOf(c[0]);
      return pattern ? { type: 'string', pattern } : { type: 'string' };
    }
    case 'min':
      return { minimum: c[0] };
    case 'max':
      return { maximum: c[0] };
    case 'isPositive':
      return { exclusiveMinimum: 0 };
    case 'isUuid':
      return {
        type: 'string',
        format: 'uuid',
        pattern: UUID_PATTERNS[String(c[0] ?? 'all')] ?? UUID_PATTERNS['all'],
      };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isUrl':
      return { type: 'string', format: 'uri' };
    case 'isCalendarDate':
      return { type: 'string', format: 'date' };
    case 'isIso8601':
    case 'isDateString':
      return { type: 'string', format: 'date-time' };
    case 'arrayMinSize':
      return { type: 'array', minItems: c[0] };
    case 'arrayMaxSize':
      return { type: 'array', maxItems: c[0] };
    case 'arrayUnique':
      return { type: 'array', uniqueItems: true };
    case 'arrayNotEmpty':
      return { type: 'array', minItems: 1 };
    default:
      return undefined;
  }
}

/** Merges rule schemas: types narrow (integer wins over number), bounds and patterns add up. */
function merge(into: Schema, part: Schema): Schema {
  for (const [key, value] of Object.entries(part)) {
    if (key === 'type' && into['type'] && into['type'] !== value) {
      if (into['type'] === 'number' && value === 'integer') into['type'] = 'integer';
      continue;
    }
    if (key === 'pattern' && into['pattern'] && into['pattern'] !== value) {
      // Two patterns: both must match (allOf keeps each one whole).
      const all = (into['allOf'] as Schema[] | undefined) ?? [];
      into['allOf'] = [...all, { pattern: value }];
      continue;
    }
    into[key] = value;
  }
  return into;
}

/** The nested DTO class of a property: `@Type(() => X)` of class-transformer, else its design type. */
function nestedTypeOf(type: Constructor, property: string): Constructor | undefined {
  const declared = defaultMetadataStorage.findTypeMetadata(type, property);
  const nested = declared?.typeFunction() as Constructor | undefined;
  if (nested) return nested;
  const design = Reflect.getMetadata('design:type', type.prototype as object, property) as
    | Constructor
    | undefined;
  return design && ![String, Number, Boolean, Array, Object].includes(design as never)
    ? design
    : undefined;
}

/** The schema of a value with no rule of its own but its design type (`@Type(() => Number)` query numbers…). */
function designSchema(type: Constructor, property: string): Schema {
  const design = Reflect.getMetadata('design:type', type.prototype as object, property) as unknown;
  if (design === String) return { type: 'string' };
  if (design === Number) return { type: 'number' };
  if (design === Boolean) return { type: 'boolean' };
  if (design === Array) return { type: 'array' };
  return {};
}

/** What the field's `@ApiProperty` says for people: description, example, default… */
function wordsOf(type: Constructor, property: string): Schema {
  const declared = (Reflect.getMetadata(
    'swagger/apiModelProperties',
    type.prototype as object,
    property,
  ) ?? {}) as Schema;
  const words: Schema = {};
  for (const key of ['description', 'example', 'examples', 'default', 'title', 'deprecated']) {
    if (declared[key] !== undefined) words[key] = declared[key];
  }
  return words;
}

export interface DeriveOptions {
  /** How a nested class is referred to (a `$ref` into components.schemas). */
  refOf: (nested: Constructor) => Schema;
  /** Whether `@IsOptional` admits null (it does in bodies; a query or path value is never null). */
  nullableOptional: boolean;
}

/** The properties, required list and nested classes of a DTO class, from its class-validator rules. */
export function deriveObject(type: Constructor, options: DeriveOptions): DerivedObject {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const nested = new Map<string, Constructor>();
  for (const [property, metas] of rulesOf(type)) {
    const conditional = metas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    const optional = conditional.length > 0;
    const value: Schema = {};
    const items: Schema = {};
    let each = false;
    let isNested = false;
    for (const meta of metas) {
      if (meta.type === ValidationTypes.NESTED_VALIDATION) {
        isNested = true;
        if (meta.each) each = true;
        continue;
      }
      if (meta.type !== ValidationTypes.CUSTOM_VALIDATION) continue;
      const part = schemaOfRule(meta);
      if (!part) continue;
      if (meta.each) {
        each = true;
        merge(items, part);
      } else merge(value, part);
    }
    if (isNested) {
      const nestedType = nestedTypeOf(type, property);
      if (nestedType) {
        nested.set(nestedType.name, nestedType);
        const target = each || value['type'] === 'array' ? items : value;
        if (target === items) each = true;
        delete value['type'];
        Object.assign(target, options.refOf(nestedType));
      }
    }
    if (each) {
      value['type'] = 'array';
      value['items'] = items;
    }
    if (value['type'] === undefined && value['enum'] === undefined && value['$ref'] === undefined) {
      for (const [key, part] of Object.entries(designSchema(type, property))) value[key] ??= part;
    }
    const schema = optional && options.nullableOptional ? nullable(value) : value;
    properties[property] = { ...wordsOf(type, property), ...schema };
    if (!optional) required.push(property);
  }
  return { properties, required, nested };
}

/** The same schema, admitting null as well. */
export function nullable(schema: Schema): Schema {
  if (schema['$ref']) return { anyOf: [{ $ref: schema['$ref'] }, { type: 'null' }] };
  const copy: Schema = { ...schema };
  if (Array.isArray(copy['enum'])) copy['enum'] = [...(copy['enum'] as unknown[]), null];
  if (typeof copy['type'] === 'string') copy['type'] = [copy['type'], 'null'];
  return copy;
}

/** Whether a class declares any class-validator rule (a DTO), as opposed to a primitive or an untyped value. */
export function isValidatedClass(type: unknown): type is Constructor {
  if (typeof type !== 'function') return false;
  if ([String, Number, Boolean, Array, Object].includes(type as never)) return false;
  return (
    getMetadataStorage().getTargetValidationMetadatas(type as Constructor, '', true, false).length >
    0
  );
}
