import type { ShapeProblem } from '../registry/reporting-plugin';

/**
 * What a payload field must be:
 *  - `string`: a non-empty string; `string?`: a string when present;
 *  - `time`: an ISO 8601 timestamp (a string Date.parse reads);
 *  - `number`: a finite number; `number|null`: that or null;
 *  - `object`: an object (not an array, not null); `string[]`: an array of strings.
 */
export type FieldCheck =
  | 'string'
  | 'string?'
  | 'time'
  | 'number'
  | 'number|null'
  | 'object'
  | 'string[]';

/** The fields reporting reads from each event type's data, and what each must be. */
export type PayloadShapes = Readonly<Record<string, Readonly<Record<string, FieldCheck>>>>;

/**
 * What is wrong with the data of an event of `type` against its shape ([] when
 * usable; a type without a shape is not checked). `timeFields`: names of
 * `string` fields that must also be timestamps.
 */
export function payloadShapeProblems(
  shapes: PayloadShapes,
  type: string,
  data: unknown,
  timeFields?: RegExp,
): ShapeProblem[] {
  const shape = shapes[type];
  if (!shape) return [];
  if (!isObject(data)) return [{ field: 'data', messages: ['must be an object'] }];
  const problems: ShapeProblem[] = [];
  for (const [field, check] of Object.entries(shape)) {
    const message = fieldProblem(check, data[field], timeFields?.test(field) ?? false);
    if (message) problems.push({ field: `data.${field}`, messages: [message] });
  }
  return problems;
}

function fieldProblem(check: FieldCheck, value: unknown, isTime: boolean): string | undefined {
  switch (check) {
    case 'string':
      if (typeof value !== 'string' || value === '') return 'must be a non-empty string';
      return isTime ? fieldProblem('time', value, false) : undefined;
    case 'string?':
      return value !== undefined && typeof value !== 'string'
        ? 'must be a string when present'
        : undefined;
    case 'time':
      return typeof value !== 'string' || Number.isNaN(Date.parse(value))
        ? 'must be an ISO 8601 timestamp'
        : undefined;
    case 'number':
      return isNumber(value) ? undefined : 'must be a number';
    case 'number|null':
      return value === null || isNumber(value) ? undefined : 'must be a number or null';
    case 'object':
      return isObject(value) ? undefined : 'must be an object';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? undefined
        : 'must be an array of strings';
    default: {
      const unexpected: never = check;
      throw new Error(`Unknown check ${String(unexpected)}`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
