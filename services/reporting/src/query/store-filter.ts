import type { FieldOperators, ReadModelFilter } from '@sfp/projections';
import type { Condition } from './domain/analyst-query';
import type { ViewFields } from './domain/view-fields';

/**
 * The conditions a read-model store can answer (on indexed scalar fields) as
 * its own filter. Names are declared fields and values checked scalars, and
 * the store's query validation checks them again: nothing here is a MongoDB
 * operator. List conditions stay for the in-memory pass.
 */
export function storeFilterOf(
  fields: ViewFields,
  conditions: readonly Condition[],
): ReadModelFilter {
  const filter: Record<string, FieldOperators> = {};
  for (const condition of conditions) {
    const type = fields[condition.field]?.type;
    if (!type || type === 'string-list') continue;
    const operators = (filter[condition.field] ??= {});
    if (condition.op === 'in') operators.in = condition.values;
    else if (condition.op === 'eq') operators.eq = condition.value;
    else operators[condition.op] = condition.value;
  }
  return filter;
}
