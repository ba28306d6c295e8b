// The shapes every context's answers share (see /api/docs-json). The reference
// data and the allowed transitions are @sfp/contracts, imported as such; each
// context's own shapes are in its API module (src/contexts/<context>/*.api.ts).
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

/** Who recorded an event: a person, an integration client or the platform itself. */
export interface Actor {
  kind: 'person' | 'integration-client' | 'system' | string;
  id: string;
  department?: string;
}

/** One event of a record's stream, as its history lists it. */
export interface HistoryEntry {
  streamVersion: number;
  position: number;
  event: string;
  occurredAt: string;
  recordedAt: string;
  actor?: Actor;
  correlationId?: string;
  data: Record<string, unknown>;
}
