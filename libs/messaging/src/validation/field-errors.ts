import type { ValidationError } from 'class-validator';

/** One refused field: where it is and one short message that says what was expected. */
export interface FieldError {
  /** Dotted path of the field, e.g. `requester.email`, `themes.0`; `(body)` for the whole body. */
  field: string;
  /** The same place as a JSON pointer (RFC 6901) into the body, e.g. `/requester/email`. */
  pointer?: string;
  messages: string[];
}

/** The JSON type of a value, as a client would name it in a message. */
export function jsonTypeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isFinite(value) ? 'a number' : 'a number too large to represent';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** class-validator constraints that fix a field's JSON type, and how a message names it. */
const TYPE_CONSTRAINTS: ReadonlyArray<
  readonly [constraint: string, expected: string, received: (v: unknown) => boolean]
> = [
  ['isArray', 'an array', Array.isArray],
  // Rules that only an array can meet: a DTO may bound an array without @IsArray.
  ['arrayMaxSize', 'an array', Array.isArray],
  ['arrayMinSize', 'an array', Array.isArray],
  ['arrayNotEmpty', 'an array', Array.isArray],
  ['arrayUnique', 'an array', Array.isArray],
  ['nestedValidation', 'an object', (v) => typeof v === 'object' && v !== null],
  ['isObject', 'an object', (v) => typeof v === 'object' && v !== null && !Array.isArray(v)],
  ['isString', 'a string', (v) => typeof v === 'string'],
  ['isInt', 'a whole number', (v) => typeof v === 'number' && Number.isInteger(v)],
  ['isNumber', 'a number', (v) => typeof v === 'number' && Number.isFinite(v)],
  ['isBoolean', 'true or false', (v) => typeof v === 'boolean'],
];

const EACH = 'each value in ';

/**
 * One short message for a field that class-validator refused: "expected a
 * number, got a string" when the JSON type is wrong, "is required (expected a
 * string)" when it is missing, else the first rule it breaks, without the
 * property name in front (the field is given beside it).
 */
export function messageFor(
  error: Pick<ValidationError, 'property' | 'constraints' | 'value'>,
): string {
  const constraints = error.constraints ?? {};
  const value = error.value;
  if ('unknownValue' in constraints) return `expected a JSON object, got ${jsonTypeOf(value)}`;
  if ('whitelistValidation' in constraints)
    return 'is not a property of this request (unknown properties are refused)';

  for (const [name, expected, matches] of TYPE_CONSTRAINTS) {
    const text = constraints[name];
    if (text === undefined) continue;
    if (value === undefined || value === null) return `is required (expected ${expected})`;
    if (text.startsWith(EACH) && Array.isArray(value)) {
      const index = value.findIndex((item) => !matches(item));
      if (index >= 0)
        return `expected every item to be ${expected}, item ${index} is ${jsonTypeOf(value[index])}`;
      continue;
    }
    if (!matches(value)) return `expected ${expected}, got ${jsonTypeOf(value)}`;
  }
  if (value === undefined) return 'is required';
  const first = Object.values(constraints)[0] ?? 'is invalid';
  return first.startsWith(`${error.property} `) ? first.slice(error.property.length + 1) : first;
}

/** A JSON pointer (RFC 6901) from path segments. */
export function jsonPointer(segments: readonly string[]): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Field errors reported at most: a body of 10,000 wrong items gets the first ones and a count of the rest. */
export const MAX_FIELD_ERRORS = 100;

/**
 * class-validator's nested errors as a flat list, one entry and one message
 * per refused field, with its dotted path and JSON pointer, in document
 * order. At most MAX_FIELD_ERRORS entries: beyond them, a last entry on the
 * body says how many more fields were refused.
 */
export function fieldErrorsOf(
  errors: readonly ValidationError[],
  parent: readonly string[] = [],
): FieldError[] {
  const result: FieldError[] = [];
  let more = 0;
  // Depth first, without recursion: a body may nest deeply and hold many items.
  const pending: Array<{ error: ValidationError; parent: readonly string[] }> = errors
    .map((error) => ({ error, parent }))
    .reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { error } = next;
    const path =
      error.property === undefined || error.property === ''
        ? next.parent
        : [...next.parent, error.property];
    if (error.constraints && Object.keys(error.constraints).length) {
      if (result.length < MAX_FIELD_ERRORS) {
        result.push({
          field: path.length ? path.join('.') : '(body)',
          pointer: jsonPointer(path),
          messages: [messageFor(error)],
        });
      } else more += 1;
    }
    for (let i = (error.children?.length ?? 0) - 1; i >= 0; i -= 1) {
      const child = error.children?.[i];
      if (child) pending.push({ error: child, parent: path });
    }
  }
  if (more > 0) {
    result.push({
      field: '(body)',
      pointer: '',
      messages: [`and ${more} more refused field(s), not listed`],
    });
  }
  return result;
}

/** "field: message; field: message", for a one-line summary. */
export function summariseFieldErrors(fieldErrors: readonly FieldError[]): string {
  return fieldErrors.map((f) => `${f.field} ${f.messages[0] ?? 'is invalid'}`).join('; ');
}
