import type { Scalar } from './view-fields';

export const COMPARISON_OPERATORS = ['eq', 'in', 'gt', 'gte', 'lt', 'lte'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

export const TIME_BUCKETS = ['year', 'quarter', 'month', 'day'] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];

export const AGGREGATE_FUNCTIONS = ['count', 'sum', 'avg', 'median', 'min', 'max'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** One checked condition on a declared field. Values are scalars of the field's type, never objects. */
export type Condition =
  | { field: string; op: 'eq'; value: Scalar }
  | { field: string; op: 'in'; values: Scalar[] }
  | { field: string; op: RangeOperator; value: string | number };

export interface GroupKey {
  /** The column name in the result: the field, or `field:bucket`. */
  name: string;
  field: string;
  bucket?: TimeBucket;
}

export interface Aggregate {
  /** The column name in the result: `count`, or `fn_field` (e.g. `median_hoursToFirstResolution`). */
  name: string;
  fn: AggregateFunction;
  field?: string;
}

export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

/** A validated analyst query: only declared fields, known operators, values of the declared types. */
export interface AnalystQuery {
  conditions: Condition[];
  /** Row queries: the columns returned (declared fields). */
  select: string[];
  /** Grouped queries: the group keys (empty for a row query or an overall aggregate). */
  groupBy: GroupKey[];
  /** Empty for a row query. */
  aggregates: Aggregate[];
  sort: SortKey[];
  limit: number;
  offset: number;
  /** Normalised ISO instant: the view as it stood then. */
  asOf?: string;
}

export const QUERY_LIMITS = {
  defaultLimit: 100,
  maxLimit: 1_000,
  maxOffset: 100_000,
  maxConditions: 20,
  maxInValues: 100,
  maxGroupBy: 3,
  maxAggregates: 10,
  maxSort: 3,
  maxStringLength: 200,
} as const;

export interface QueryProblem {
  field: string;
  message: string;
}

/** The result of a query: columns in order, one object per row, the total before paging. */
export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  total: number;
  offset: number;
  limit: number;
}
