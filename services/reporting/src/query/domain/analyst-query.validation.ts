import {
  AGGREGATE_FUNCTIONS,
  COMPARISON_OPERATORS,
  QUERY_LIMITS,
  TIME_BUCKETS,
  type Aggregate,
  type AggregateFunction,
  type AnalystQuery,
  type Condition,
  type GroupKey,
  type QueryProblem,
  type SortKey,
  type TimeBucket,
} from './analyst-query';
import { viewFieldType, type Scalar, type ViewFields, type ViewFieldType } from './view-fields';
import { CodedError } from '@sfp/event-sourcing/domain';

const QUERY_KEYS = ['filter', 'select', 'groupBy', 'aggregates', 'sort', 'limit', 'offset', 'asOf'];
/** A date (2026-03-31) or a date-time with its offset (2026-03-31T23:59:59.5Z, …T12:00+02:00). */
export const ISO_INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;

/** A query an analyst sent is refused: every problem, with the field it is about. */
export class InvalidAnalystQueryError extends CodedError {
  constructor(
    readonly view: string,
    readonly problems: QueryProblem[],
  ) {
    super(
      'INVALID_QUERY',
      `The query on view ${view} is invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  }
}

/** What the checks of a query's options share: the view's fields and the problems found so far. */
interface QueryCheck {
  fields: ViewFields;
  problems: QueryProblem[];
  /** Records that `name`, at `path`, is not a field of the view. */
  fieldProblem(path: string, name: string): void;
}

/**
 * Checks a client's query (untrusted JSON) against the view's declared
 * fields. Refuses, with a problem per field: unknown options, field names the
 * view does not declare (`$where`, `a.b`, `__proto__`), operators outside
 * eq/in/gt/gte/lt/lte (`$gt`, `$regex`), objects or arrays where a value
 * belongs, values of the wrong type, limits past the bounds. So nothing a
 * client sends becomes a MongoDB operator or an SQL fragment.
 */
export function validateAnalystQuery(
  view: string,
  fields: ViewFields,
  input: unknown,
  now: Date,
): AnalystQuery {
  const problems: QueryProblem[] = [];
  const q = input ?? {};
  if (!isPlainObject(q))
    throw new InvalidAnalystQueryError(view, [
      { field: 'query', message: 'must be a JSON object' },
    ]);
  for (const key of Object.keys(q)) {
    if (!QUERY_KEYS.includes(key))
      problems.push({ field: key, message: `unknown query option (use ${QUERY_KEYS.join(', ')})` });
  }
  const known = `use one of: ${Object.keys(fields).join(', ')}`;
  const check: QueryCheck = {
    fields,
    problems,
    fieldProblem: (path, name) =>
      problems.push({
        field: path,
        message: `${JSON.stringify(name)} is not a queryable field of view ${view} (${known})`,
      }),
  };

  // null is the same as leaving the option out (its default).
  const option = (key: string): unknown => q[key] ?? undefined;
  const conditions = filterConditions(check, option('filter'));
  const groupBy = groupKeys(check, option('groupBy'));
  let aggregates = aggregateList(check, option('aggregates'));
  if (groupBy.length > 0 && aggregates.length === 0) aggregates = [{ name: 'count', fn: 'count' }];
  const grouped = groupBy.length > 0 || aggregates.length > 0;
  const select = selectList(check, option('select'), grouped);
  const columns = grouped
    ? [...groupBy.map((g) => g.name), ...aggregates.map((a) => a.name)]
    : select;
  const sort = sortKeys(fields, option('sort'), columns, grouped, problems);
  const limit = integerIn(
    option('limit'),
    'limit',
    1,
    QUERY_LIMITS.maxLimit,
    QUERY_LIMITS.defaultLimit,
    problems,
  );
  const offset = integerIn(option('offset'), 'offset', 0, QUERY_LIMITS.maxOffset, 0, problems);
  const asOf = asOfInstant(option('asOf'), now, problems);
  if (problems.length > 0) throw new InvalidAnalystQueryError(view, problems);
  return {
    conditions,
    select,
    groupBy,
    aggregates,
    sort,
    limit,
    offset,
    ...(asOf ? { asOf } : {}),
  };
}

function filterConditions(check: QueryCheck, filter: unknown): Condition[] {
  const { fields, problems, fieldProblem } = check;
  if (filter === undefined) return [];
  if (!isPlainObject(filter)) {
    problems.push({
      field: 'filter',
      message: 'must be an object of field name to value or { eq, in, gt, gte, lt, lte }',
    });
    return [];
  }
  const entries = Object.entries(filter);
  if (entries.length > QUERY_LIMITS.maxConditions) {
    problems.push({ field: 'filter', message: `at most ${QUERY_LIMITS.maxConditions} fields` });
    return [];
  }
  const conditions: Condition[] = [];
  for (const [name, condition] of entries) {
    const path = `filter.${name}`;
    const type = viewFieldType(fields, name);
    if (!type) {
      fieldProblem(path, name);
      continue;
    }
    if (!isPlainObject(condition)) {
      const value = checkValue(path, type, condition, 'eq', problems);
      if (value !== undefined) conditions.push({ field: name, op: 'eq', value });
      continue;
    }
    const operators = Object.keys(condition);
    if (operators.length === 0) problems.push({ field: path, message: 'has no condition' });
    for (const op of operators) {
      const operand = condition[op];
      const opPath = `${path}.${op}`;
      if (!(COMPARISON_OPERATORS as readonly string[]).includes(op)) {
        problems.push({
          field: opPath,
          message: `unknown operator ${JSON.stringify(op)} (use ${COMPARISON_OPERATORS.join(', ')})`,
        });
      } else if (op === 'eq') {
        const value = checkValue(opPath, type, operand, 'eq', problems);
        if (value !== undefined) conditions.push({ field: name, op: 'eq', value });
      } else if (op === 'in') {
        if (
          !Array.isArray(operand) ||
          operand.length === 0 ||
          operand.length > QUERY_LIMITS.maxInValues
        ) {
          problems.push({
            field: opPath,
            message: `must be an array of 1 to ${QUERY_LIMITS.maxInValues} values`,
          });
          continue;
        }
        const values = operand.map((item, index) =>
          checkValue(`${opPath}[${index}]`, type, item, 'in', problems),
        );
        if (values.every((v): v is Scalar => v !== undefined))
          conditions.push({ field: name, op: 'in', values });
      } else {
        if (type === 'boolean' || type === 'string-list') {
          problems.push({ field: opPath, message: `a ${type} field takes eq or in, not ranges` });
          continue;
        }
        const value = checkValue(opPath, type, operand, op, problems);
        if (value === null)
          problems.push({ field: opPath, message: 'a range needs a value, not null' });
        else if (value !== undefined)
          conditions.push({ field: name, op: op as 'gt', value: value as string | number });
      }
    }
  }
  return conditions;
}

/** The value if it fits the field's type (timestamps normalised to ISO), else undefined with a problem. */
function checkValue(
  path: string,
  type: ViewFieldType,
  value: unknown,
  operator: string,
  problems: QueryProblem[],
): Scalar | undefined {
  if (value === null && operator !== 'in' && type !== 'string-list') return null;
  const fail = (expected: string) => {
    problems.push({ field: path, message: `${operator} needs ${expected}` });
    return undefined;
  };
  switch (type) {
    case 'string':
    case 'string-list':
      if (typeof value !== 'string') return fail(`a string (an object or array is not a value)`);
      if (value.length > QUERY_LIMITS.maxStringLength)
        return fail(`a string of at most ${QUERY_LIMITS.maxStringLength} characters`);
      return value;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('a finite number');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'timestamp': {
      const instant = typeof value === 'string' ? isoInstant(value) : undefined;
      return instant ?? fail('an ISO 8601 date or time, e.g. 2026-03-31 or 2026-03-31T12:00:00Z');
    }
    default: {
      const unexpected: never = type;
      throw new Error(`Unknown field type ${String(unexpected)}`);
    }
  }
}

/** The list options whose items are named (no name twice), with their bounds and messages. */
const NAMED_LISTS = {
  groupBy: {
    max: QUERY_LIMITS.maxGroupBy,
    message: `must be an array of at most ${QUERY_LIMITS.maxGroupBy} field names`,
    itemMessage: 'must be a field name, or timestampField:year|quarter|month|day',
    twiceMessage: 'names a key twice',
  },
  aggregates: {
    max: QUERY_LIMITS.maxAggregates,
    message: `must be an array of at most ${QUERY_LIMITS.maxAggregates} of count, sum:field, avg:field, median:field, min:field, max:field`,
    itemMessage: 'must be count or <function>:<number field>',
    twiceMessage: 'names an aggregate twice',
  },
};

function groupKeys(check: QueryCheck, input: unknown): GroupKey[] {
  const { fields, problems, fieldProblem } = check;
  return namedListItems<GroupKey>(input, 'groupBy', problems, (item, path, refuse) => {
    const [name = '', bucket, ...rest] = item.split(':');
    const type = viewFieldType(fields, name);
    if (!type) return fieldProblem(path, name);
    if (type === 'number')
      return refuse(`cannot group by the number field ${name} (aggregate it instead)`);
    if (bucket === undefined) {
      if (type === 'timestamp')
        return refuse(`group a timestamp by ${name}:year, :quarter, :month or :day`);
      return { name, field: name };
    }
    if (
      type !== 'timestamp' ||
      rest.length > 0 ||
      !(TIME_BUCKETS as readonly string[]).includes(bucket)
    )
      return refuse(`only timestamp fields take a bucket, one of ${TIME_BUCKETS.join(', ')}`);
    return { name: item, field: name, bucket: bucket as TimeBucket };
  });
}

function aggregateList(check: QueryCheck, input: unknown): Aggregate[] {
  const { fields, problems, fieldProblem } = check;
  return namedListItems<Aggregate>(input, 'aggregates', problems, (item, path, refuse) => {
    const [fn = '', field, ...rest] = item.split(':');
    if (!(AGGREGATE_FUNCTIONS as readonly string[]).includes(fn) || rest.length > 0)
      return refuse(
        `unknown aggregate ${JSON.stringify(item)} (use ${AGGREGATE_FUNCTIONS.join(', ')})`,
      );
    if (fn === 'count')
      return field !== undefined ? refuse('count takes no field') : { name: 'count', fn: 'count' };
    if (field === undefined) return refuse(`${fn} needs a number field: ${fn}:<field>`);
    const type = viewFieldType(fields, field);
    if (!type) return fieldProblem(path, field);
    if (type !== 'number') return refuse(`${fn} needs a number field; ${field} is a ${type}`);
    return { name: `${fn}_${field}`, fn: fn as AggregateFunction, field };
  });
}

/**
 * The entries of a list option whose items are named (groupBy, aggregates): each string item
 * parsed into an entry, or refused with a problem at its path; a name given twice is a problem of the list.
 */
function namedListItems<T extends { name: string }>(
  input: unknown,
  field: keyof typeof NAMED_LISTS,
  problems: QueryProblem[],
  parse: (item: string, path: string, refuse: (message: string) => void) => T | void,
): T[] {
  const list = { field, ...NAMED_LISTS[field] };
  const entries: T[] = [];
  forEachListItem(input, list, problems, (item, path) => {
    const entry = parse(item, path, (message) => void problems.push({ field: path, message }));
    if (entry) entries.push(entry);
  });
  if (new Set(entries.map((e) => e.name)).size !== entries.length)
    problems.push({ field: list.field, message: list.twiceMessage });
  return entries;
}

function selectList(check: QueryCheck, input: unknown, grouped: boolean): string[] {
  const { fields, problems, fieldProblem } = check;
  if (input === undefined) return grouped ? [] : Object.keys(fields);
  if (grouped) {
    problems.push({
      field: 'select',
      message: 'a grouped query returns its group keys and aggregates; leave select out',
    });
    return [];
  }
  if (!Array.isArray(input) || input.length === 0 || input.length > Object.keys(fields).length) {
    problems.push({ field: 'select', message: 'must be a non-empty array of field names' });
    return [];
  }
  const names: string[] = [];
  input.forEach((item, index) => {
    if (typeof item !== 'string' || !viewFieldType(fields, item))
      return fieldProblem(`select[${index}]`, String(item));
    if (!names.includes(item)) names.push(item);
  });
  return names;
}

function sortKeys(
  fields: ViewFields,
  input: unknown,
  columns: string[],
  grouped: boolean,
  problems: QueryProblem[],
): SortKey[] {
  const keys: SortKey[] = [];
  const list = {
    field: 'sort',
    max: QUERY_LIMITS.maxSort,
    message: `must be an array of at most ${QUERY_LIMITS.maxSort} columns, - in front for descending`,
    itemMessage: 'must be a column name, - in front for descending',
  };
  forEachListItem(input, list, problems, (item, path) => {
    const column = item.replace(/^-/, '');
    const sortable = grouped
      ? columns.includes(column)
      : columns.includes(column) && viewFieldType(fields, column) !== 'string-list';
    if (!sortable) {
      problems.push({
        field: path,
        message: `cannot sort on ${JSON.stringify(column)} (use ${columns.filter((c) => grouped || viewFieldType(fields, c) !== 'string-list').join(', ')})`,
      });
      return;
    }
    keys.push({ column, direction: item.startsWith('-') ? 'desc' : 'asc' });
  });
  return keys;
}

/**
 * Calls `each` with every item of a list option (`input`, absent: none) and
 * its path (`groupBy[2]`), in order. A problem instead on the option when it
 * is not an array of at most `max` items (then no item is read), on an item
 * that is not a string.
 */
function forEachListItem(
  input: unknown,
  list: { field: string; max: number; message: string; itemMessage: string },
  problems: QueryProblem[],
  each: (item: string, path: string) => void,
): void {
  if (input === undefined) return;
  if (!Array.isArray(input) || input.length > list.max) {
    problems.push({ field: list.field, message: list.message });
    return;
  }
  input.forEach((item: unknown, index) => {
    const path = `${list.field}[${index}]`;
    if (typeof item !== 'string') problems.push({ field: path, message: list.itemMessage });
    else each(item, path);
  });
}

function integerIn(
  value: unknown,
  field: string,
  min: number,
  max: number,
  fallback: number,
  problems: QueryProblem[],
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.push({ field, message: `must be an integer from ${min} to ${max}` });
    return fallback;
  }
  return value;
}

function asOfInstant(value: unknown, now: Date, problems: QueryProblem[]): string | undefined {
  if (value === undefined) return undefined;
  const instant = typeof value === 'string' ? isoInstant(value) : undefined;
  if (!instant) {
    problems.push({
      field: 'asOf',
      message: 'must be an ISO 8601 date or time, e.g. 2026-03-31T23:59:59Z',
    });
    return undefined;
  }
  if (instant > now.toISOString()) {
    problems.push({ field: 'asOf', message: 'must not be in the future' });
    return undefined;
  }
  return instant;
}

/** A strict ISO 8601 date or date-time as a normalised instant (UTC, milliseconds), else undefined. */
export function isoInstant(text: string): string | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
