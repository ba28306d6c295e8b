import { InvalidQueryError, type QueryFieldProblem } from '../read-model.errors';
import type { Condition, SortDirection, ValidatedQuery } from '../read-model-store.port';
import type { FieldType, FieldValue, ReadModelTable } from '../read-model.types';
import { decodeCursor } from './cursor.codec';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './read-model.query';

const RANGE_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;
const OPERATORS: readonly string[] = ['eq', 'in', ...RANGE_OPERATORS];
const QUERY_KEYS: readonly string[] = ['filter', 'sort', 'limit', 'cursor'];
const MAX_IN_VALUES = 1000;

/**
 * Turns a client's query (untrusted: it may come straight from HTTP) into
 * conditions on declared fields. Everything not understood is refused with a
 * field-level problem, never passed on: a field name the read model does not
 * declare (`$where`, `a.b`, `__proto__`), an operator not in the list (`$gt`),
 * an object or array where a value belongs, a value of the wrong type. So no
 * client text ever becomes a MongoDB operator or an SQL fragment.
 */
export function validateFind(
  table: ReadModelTable,
  query: unknown,
): { query: ValidatedQuery; pageSize: number } {
  const problems: QueryFieldProblem[] = [];
  const input = query ?? {};
  if (!isPlainObject(input))
    throw new InvalidQueryError(table.projection, [
      { field: 'query', message: 'must be an object' },
    ]);
  for (const key of Object.keys(input)) {
    if (!QUERY_KEYS.includes(key))
      problems.push({ field: key, message: `unknown query option (use ${QUERY_KEYS.join(', ')})` });
  }
  const where = filterConditions(table, input['filter'], problems);

  const sort = validateSort(table, input['sort'], problems);
  const pageSize = validateLimit(input['limit'], problems);
  if (input['cursor'] !== undefined && sort) {
    const after = cursorCondition(table, input['cursor'], sort, problems);
    if (after) where.push(after);
  }
  if (problems.length > 0 || !sort) throw new InvalidQueryError(table.projection, problems);
  return { query: { where, sort, limit: pageSize + 1 }, pageSize };
}

/** The conditions of a filter alone (for count). */
export function validateFilter(table: ReadModelTable, filter: unknown): Condition[] {
  const problems: QueryFieldProblem[] = [];
  const where = filterConditions(table, filter, problems);
  if (problems.length > 0) throw new InvalidQueryError(table.projection, problems);
  return where;
}

/** The type of a queryable field, or undefined when the table does not declare it. */
export function fieldTypeOf(table: ReadModelTable, field: string): FieldType | undefined {
  if (field === 'id') return 'string';
  return Object.prototype.hasOwnProperty.call(table.fields, field)
    ? table.fields[field]
    : undefined;
}

function filterConditions(
  table: ReadModelTable,
  filter: unknown,
  problems: QueryFieldProblem[],
): Condition[] {
  if (filter === undefined) return [];
  if (!isPlainObject(filter)) {
    problems.push({ field: 'filter', message: 'must be an object of field name to condition' });
    return [];
  }
  const where: Condition[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    const type = fieldTypeOf(table, field);
    if (!type) {
      problems.push({ field, message: `not a queryable field (use ${queryableFields(table)})` });
      continue;
    }
    if (!isPlainObject(condition)) {
      const value = checkValue(field, type, condition, 'value', true, problems);
      if (value !== undefined) where.push({ kind: 'eq', field, value });
      continue;
    }
    const operators = Object.keys(condition);
    if (operators.length === 0) problems.push({ field, message: 'has no condition' });
    for (const operator of operators) {
      const operand = condition[operator];
      if (!OPERATORS.includes(operator)) {
        problems.push({
          field,
          message: `unknown operator ${JSON.stringify(operator)} (use ${OPERATORS.join(', ')})`,
        });
      } else if (operator === 'eq') {
        const value = checkValue(field, type, operand, 'eq', true, problems);
        if (value !== undefined) where.push({ kind: 'eq', field, value });
      } else if (operator === 'in') {
        if (!Array.isArray(operand) || operand.length > MAX_IN_VALUES) {
          problems.push({
            field,
            message: `in must be an array of at most ${MAX_IN_VALUES} values`,
          });
          continue;
        }
        const values = operand.map((item) => checkValue(field, type, item, 'in', true, problems));
        if (values.every((v): v is FieldValue => v !== undefined))
          where.push({ kind: 'in', field, values });
      } else {
        const value = checkValue(field, type, operand, operator, false, problems);
        if (value !== undefined && value !== null) {
          where.push({
            kind: 'range',
            field,
            op: operator as (typeof RANGE_OPERATORS)[number],
            value,
          });
        }
      }
    }
  }
  return where;
}

function validateSort(
  table: ReadModelTable,
  sort: unknown,
  problems: QueryFieldProblem[],
): { field: string; direction: SortDirection } | undefined {
  if (sort === undefined) return { field: 'id', direction: 'asc' };
  if (!isPlainObject(sort) || typeof sort['field'] !== 'string') {
    problems.push({ field: 'sort', message: 'must be { field, direction? }' });
    return undefined;
  }
  const unknownKeys = Object.keys(sort).filter((key) => key !== 'field' && key !== 'direction');
  if (unknownKeys.length > 0)
    problems.push({ field: 'sort', message: `unknown option ${unknownKeys.join(', ')}` });
  const field = sort['field'];
  const direction = sort['direction'] ?? 'asc';
  let valid = true;
  if (!fieldTypeOf(table, field)) {
    problems.push({
      field: 'sort',
      message: `cannot sort on ${JSON.stringify(field)} (use ${queryableFields(table)})`,
    });
    valid = false;
  }
  if (direction !== 'asc' && direction !== 'desc') {
    problems.push({ field: 'sort', message: 'direction must be asc or desc' });
    valid = false;
  }
  return valid ? { field, direction: direction as SortDirection } : undefined;
}

function validateLimit(limit: unknown, problems: QueryFieldProblem[]): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    problems.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_PAGE_SIZE}` });
    return DEFAULT_PAGE_SIZE;
  }
  return limit;
}

function cursorCondition(
  table: ReadModelTable,
  text: unknown,
  sort: { field: string; direction: SortDirection },
  problems: QueryFieldProblem[],
): Condition | undefined {
  const cursor = typeof text === 'string' ? decodeCursor(text) : undefined;
  if (!cursor) {
    problems.push({ field: 'cursor', message: 'is not a cursor returned by this query' });
    return undefined;
  }
  if (cursor.field !== sort.field || cursor.direction !== sort.direction) {
    problems.push({ field: 'cursor', message: 'belongs to a query with another sort' });
    return undefined;
  }
  const type = fieldTypeOf(table, sort.field) as FieldType;
  const value = checkValue('cursor', type, cursor.value, 'cursor', sort.field !== 'id', problems);
  if (value === undefined) return undefined;
  return { kind: 'after', field: sort.field, direction: sort.direction, value, id: cursor.id };
}

/** The value if it fits the field's type, else undefined with a problem recorded. */
function checkValue(
  field: string,
  type: FieldType,
  value: unknown,
  operator: string,
  nullAllowed: boolean,
  problems: QueryFieldProblem[],
): FieldValue | undefined {
  if (value === null && nullAllowed && field !== 'id') return null;
  if (typeof value === type && (type !== 'number' || Number.isFinite(value)))
    return value as FieldValue;
  problems.push({
    field,
    message: `${operator} needs a ${type === 'number' ? 'finite number' : type}${nullAllowed && field !== 'id' ? ' or null' : ''}`,
  });
  return undefined;
}

function queryableFields(table: ReadModelTable): string {
  return ['id', ...Object.keys(table.fields)].join(', ');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
