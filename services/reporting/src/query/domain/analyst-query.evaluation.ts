import type {
  Aggregate,
  AnalystQuery,
  Condition,
  GroupKey,
  QueryResult,
  SortKey,
  TimeBucket,
} from './analyst-query';
import type { Scalar } from './view-fields';

type Row = Record<string, unknown>;

/** Whether a document meets every condition (lists: eq = contains, in = contains any; null never meets a range). */
export function matchesConditions(doc: Row, conditions: readonly Condition[]): boolean {
  return conditions.every((condition) => matches(doc[condition.field], condition));
}

function matches(raw: unknown, condition: Condition): boolean {
  if (Array.isArray(raw)) {
    switch (condition.op) {
      case 'eq':
        return raw.includes(condition.value);
      case 'in':
        return condition.values.some((value) => raw.includes(value));
      default:
        return false;
    }
  }
  const value = (raw ?? null) as Scalar;
  switch (condition.op) {
    case 'eq':
      return value === condition.value;
    case 'in':
      return condition.values.includes(value);
    default: {
      if (value === null || typeof value !== typeof condition.value) return false;
      const v = value as string | number;
      if (condition.op === 'gt') return v > condition.value;
      if (condition.op === 'gte') return v >= condition.value;
      if (condition.op === 'lt') return v < condition.value;
      return v <= condition.value;
    }
  }
}

/** The bucket of an ISO instant: 2026, 2026-Q2, 2026-05, 2026-05-17. */
export function timeBucket(iso: string, bucket: TimeBucket): string {
  switch (bucket) {
    case 'year':
      return iso.slice(0, 4);
    case 'quarter':
      return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
    case 'month':
      return iso.slice(0, 7);
    case 'day':
      return iso.slice(0, 10);
    default: {
      const unexpected: never = bucket;
      throw new Error(`Unknown bucket ${String(unexpected)}`);
    }
  }
}

/** Median of numbers (the mean of the two middle ones for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((s, v) => s + v, 0) / values.length);
}

/** Rounded to 4 decimals, so that figures compare exactly in tests and read well. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Runs a validated query over documents (pure): filters, then either returns
 * the selected fields of each row or groups and aggregates; then sorts and
 * pages. The same code answers live queries and "as of" queries.
 */
export function evaluateAnalystQuery(docs: Iterable<Row>, query: AnalystQuery): QueryResult {
  const matching: Row[] = [];
  for (const doc of docs) if (matchesConditions(doc, query.conditions)) matching.push(doc);
  const grouped = query.groupBy.length > 0 || query.aggregates.length > 0;
  const columns = grouped
    ? [...query.groupBy.map((g) => g.name), ...query.aggregates.map((a) => a.name)]
    : query.select;
  let rows: Row[] = grouped
    ? groupRows(matching, query.groupBy, query.aggregates)
    : matching.map((doc) =>
        Object.fromEntries(query.select.map((field) => [field, doc[field] ?? null])),
      );
  const sort =
    query.sort.length > 0 || !grouped
      ? query.sort
      : query.groupBy.map((g) => ({ column: g.name, direction: 'asc' as const }));
  if (sort.length > 0) rows = [...rows].sort(compareBy(sort));
  return {
    columns,
    rows: rows.slice(query.offset, query.offset + query.limit),
    total: rows.length,
    offset: query.offset,
    limit: query.limit,
  };
}

function groupRows(
  docs: Row[],
  groupBy: readonly GroupKey[],
  aggregates: readonly Aggregate[],
): Row[] {
  const groups = new Map<string, { key: Row; members: Row[] }>();
  for (const doc of docs) {
    for (const key of keysOf(doc, groupBy)) {
      const id = JSON.stringify(groupBy.map((g) => key[g.name]));
      let group = groups.get(id);
      if (!group) {
        group = { key, members: [] };
        groups.set(id, group);
      }
      group.members.push(doc);
    }
  }
  if (groupBy.length === 0 && groups.size === 0) groups.set('[]', { key: {}, members: [] });
  return [...groups.values()].map(({ key, members }) => {
    const row: Row = { ...key };
    for (const aggregate of aggregates) row[aggregate.name] = aggregateOf(members, aggregate);
    return row;
  });
}

/** The group keys of one document: one per value of a list field (a row counts in each of its themes). */
function keysOf(doc: Row, groupBy: readonly GroupKey[]): Row[] {
  let keys: Row[] = [{}];
  for (const g of groupBy) {
    const raw = doc[g.field];
    let values: Scalar[];
    if (Array.isArray(raw)) values = raw.length > 0 ? (raw as Scalar[]) : [null];
    else if (g.bucket) values = [typeof raw === 'string' ? timeBucket(raw, g.bucket) : null];
    else values = [(raw ?? null) as Scalar];
    keys = keys.flatMap((key) =>
      [...new Set(values)].map((value) => ({ ...key, [g.name]: value })),
    );
  }
  return keys;
}

function aggregateOf(members: Row[], aggregate: Aggregate): number | null {
  if (aggregate.fn === 'count') return members.length;
  const values = members
    .map((m) => m[aggregate.field as string])
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  switch (aggregate.fn) {
    case 'sum':
      return round(values.reduce((s, v) => s + v, 0));
    case 'avg':
      return mean(values);
    case 'median':
      return median(values);
    case 'min':
      return values.length ? Math.min(...values) : null;
    case 'max':
      return values.length ? Math.max(...values) : null;
    default: {
      const unexpected: never = aggregate.fn;
      throw new Error(`Unknown aggregate ${String(unexpected)}`);
    }
  }
}

/** Null sorts lowest; then numbers, booleans and strings by their natural order. */
function compareBy(sort: readonly SortKey[]) {
  return (a: Row, b: Row): number => {
    for (const key of sort) {
      const order = compareValues(a[key.column], b[key.column]);
      if (order !== 0) return key.direction === 'asc' ? order : -order;
    }
    return 0;
  };
}

function compareValues(a: unknown, b: unknown): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  if (typeof x !== typeof y) return String(typeof x) < String(typeof y) ? -1 : 1;
  return (x as string | number) < (y as string | number) ? -1 : 1;
}
