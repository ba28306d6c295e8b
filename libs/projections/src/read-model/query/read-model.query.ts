import type { FieldValue, ReadModelDocument } from '../read-model.types';
import type { SortDirection } from '../read-model-store.port';

/** Conditions on one field; all given ones must hold. Operator names carry no `$`. */
export interface FieldOperators {
  eq?: FieldValue;
  in?: FieldValue[];
  gt?: string | number | boolean;
  gte?: string | number | boolean;
  lt?: string | number | boolean;
  lte?: string | number | boolean;
}

/** A plain value means equality (null: the field has no value). */
export type FieldCondition = FieldValue | FieldOperators;

/** Keys are `id` or declared fields; anything else is refused. */
export type ReadModelFilter = Record<string, FieldCondition>;

export interface FindQuery {
  filter?: ReadModelFilter;
  /** Default: by id, ascending. */
  sort?: { field: string; direction?: SortDirection };
  /** 1..MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE. */
  limit?: number;
  /** The `nextCursor` of the previous page, with the same filter and sort. */
  cursor?: string;
}

export interface Page<T> {
  items: ReadModelDocument<T>[];
  /** Present when more documents follow. */
  nextCursor?: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
