// The shapes every context's answers share (see /api/docs-json) that
// @sfp/contracts does not declare (a record's HistoryEntry it does). The
// reference data and the allowed transitions are @sfp/contracts, imported as
// such; each context's own shapes are in its API module
// (src/contexts/<context>/*.api.ts).
import type { Permission } from '@sfp/contracts';

export interface Me {
  kind: 'person' | 'integration-client';
  id: string;
  name: string;
  displayName?: string;
  roles: string[];
  permissions: Permission[];
  passwordChangeRequired: boolean;
}

/** A page of a cursor-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
