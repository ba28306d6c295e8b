import { InvalidQueryError } from '../read-model.errors';
import type { Condition, SortDirection } from '../read-model-store.port';
import type { FieldValue, ReadModelTable } from '../read-model.types';
import { fieldTypeOf } from '../query/query.validation';

export type MongoFilter = Record<string, unknown>;

/**
 * The document property of `id` or a declared field. Checked again here,
 * although the conditions were validated, because this is where a name
 * becomes part of a MongoDB query: only `_id` and `f_<declared name>` ever do.
 */
export function propertyOf(table: ReadModelTable, field: string): string {
  if (!fieldTypeOf(table, field)) {
    throw new InvalidQueryError(table.projection, [{ field, message: 'not a queryable field' }]);
  }
  return field === 'id' ? '_id' : `f_${field}`;
}

/**
 * A filter over live documents. Values are validated scalars and always sit
 * under an explicit operator (`$eq`, `$in`, ...), so no value can act as one.
 */
export function translateFilter(table: ReadModelTable, where: readonly Condition[]): MongoFilter {
  const clauses: MongoFilter[] = [{ live: { $eq: true } }];
  for (const condition of where) {
    const property = propertyOf(table, condition.field);
    switch (condition.kind) {
      case 'eq':
        clauses.push({ [property]: { $eq: condition.value } });
        break;
      case 'range':
        clauses.push({ [property]: { [`$${condition.op}`]: condition.value } });
        break;
      case 'in':
        clauses.push({ [property]: { $in: condition.values } });
        break;
      case 'after':
        clauses.push(afterFilter(property, condition.direction, condition.value, condition.id));
        break;
      default: {
        const unexpected: never = condition;
        throw new Error(`Unknown condition ${JSON.stringify(unexpected)}`);
      }
    }
  }
  return { $and: clauses };
}

export function translateSort(property: string, direction: SortDirection): Record<string, 1 | -1> {
  const order = direction === 'asc' ? 1 : -1;
  return property === '_id' ? { _id: order } : { [property]: order, _id: order };
}

/**
 * Keyset pagination after (value, id). Null sorts lowest, and a range operator
 * never matches null (type bracketing), so the null cases are spelled out, as
 * in the SQLite translator.
 */
function afterFilter(
  property: string,
  direction: SortDirection,
  value: FieldValue,
  id: string,
): MongoFilter {
  const next = direction === 'asc' ? '$gt' : '$lt';
  if (property === '_id') return { _id: { [next]: id } };
  if (value === null) {
    return direction === 'asc'
      ? { $or: [{ [property]: { $eq: null }, _id: { $gt: id } }, { [property]: { $ne: null } }] }
      : { [property]: { $eq: null }, _id: { $lt: id } };
  }
  const alternatives: MongoFilter[] = [
    { [property]: { [next]: value } },
    { [property]: { $eq: value }, _id: { [next]: id } },
  ];
  if (direction === 'desc') alternatives.push({ [property]: { $eq: null } });
  return { $or: alternatives };
}
