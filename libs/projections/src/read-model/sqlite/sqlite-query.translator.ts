import { InvalidQueryError } from '../read-model.errors';
import type { Condition, SortDirection } from '../read-model-store.port';
import type { FieldValue, ReadModelTable } from '../read-model.types';
import { fieldTypeOf } from '../query/query.validation';

type SqlParam = string | number | null;

export interface SqlWhere {
  sql: string;
  params: SqlParam[];
}

/**
 * The column of `id` or a declared field. Checked again here, although the
 * conditions were validated, because this is where a name becomes SQL text.
 */
export function columnOf(table: ReadModelTable, field: string): string {
  if (!fieldTypeOf(table, field)) {
    throw new InvalidQueryError(table.projection, [{ field, message: 'not a queryable field' }]);
  }
  return field === 'id' ? 'id' : `"f_${field}"`;
}

/** SQLite has no boolean: declared boolean fields are stored as 0 and 1. */
export function sqlValue(value: FieldValue): SqlParam {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** A WHERE clause over live documents (tombstones have json NULL). */
export function translateWhere(table: ReadModelTable, where: readonly Condition[]): SqlWhere {
  const parts = ['json IS NOT NULL'];
  const params: SqlParam[] = [];
  for (const condition of where) {
    const column = columnOf(table, condition.field);
    switch (condition.kind) {
      case 'eq':
        if (condition.value === null) parts.push(`${column} IS NULL`);
        else {
          parts.push(`${column} = ?`);
          params.push(sqlValue(condition.value));
        }
        break;
      case 'range':
        parts.push(`${column} ${RANGE_SQL[condition.op]} ?`);
        params.push(sqlValue(condition.value));
        break;
      case 'in': {
        const values = condition.values.filter((value) => value !== null);
        const alternatives: string[] = [];
        if (values.length > 0)
          alternatives.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        if (values.length < condition.values.length) alternatives.push(`${column} IS NULL`);
        parts.push(alternatives.length === 0 ? '0' : `(${alternatives.join(' OR ')})`);
        params.push(...values.map(sqlValue));
        break;
      }
      case 'after':
        parts.push(afterSql(column, condition.direction, condition.value, condition.id, params));
        break;
      default: {
        const unexpected: never = condition;
        throw new Error(`Unknown condition ${JSON.stringify(unexpected)}`);
      }
    }
  }
  return { sql: parts.join(' AND '), params };
}

export function orderBySql(column: string, direction: SortDirection): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return column === 'id' ? `id ${dir}` : `${column} ${dir}, id ${dir}`;
}

const RANGE_SQL = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/**
 * Keyset pagination after (value, id). SQLite sorts NULL first ascending and
 * last descending, as MongoDB does, and a comparison with NULL is never true,
 * so the NULL cases are spelled out.
 */
function afterSql(
  column: string,
  direction: SortDirection,
  value: FieldValue,
  id: string,
  params: SqlParam[],
): string {
  const next = direction === 'asc' ? '>' : '<';
  if (column === 'id') {
    params.push(id);
    return `id ${next} ?`;
  }
  if (value === null) {
    params.push(id);
    return direction === 'asc'
      ? `((${column} IS NULL AND id > ?) OR ${column} IS NOT NULL)`
      : `(${column} IS NULL AND id < ?)`;
  }
  params.push(sqlValue(value), sqlValue(value), id);
  const tail = direction === 'desc' ? ` OR ${column} IS NULL` : '';
  return `(${column} ${next} ? OR (${column} = ? AND id ${next} ?)${tail})`;
}
