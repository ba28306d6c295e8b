import type { DeadLetterEntry } from './dead-letter-entry';

export interface DeadLetterQuery {
  dlqTopics?: readonly string[];
  status?: DeadLetterEntry['status'];
  /** At most 200 (default 50). */
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

export interface DeadLetterPage {
  items: DeadLetterEntry[];
  nextCursor?: string;
}

/**
 * Where the dead letters of the platform's dead-letter topics are indexed for
 * operators (the topics stay the record): SQLite embedded, MongoDB
 * distributed, one contract suite (dead-letter-index.contract.ts).
 */
export interface DeadLetterIndex {
  /** Adds an entry; false when its id is already there (a redelivered dead letter). */
  record(entry: DeadLetterEntry): Promise<boolean>;
  get(id: string): Promise<DeadLetterEntry | undefined>;
  /** Newest first (by `deadLetteredAt`, then id). */
  list(query: DeadLetterQuery): Promise<DeadLetterPage>;
  /** Counts per dead-letter topic and status. */
  summary(): Promise<Array<{ dlqTopic: string; pending: number; redriven: number }>>;
  /** Marks a pending entry re-driven; true for exactly one caller. */
  claimRedrive(id: string, at: string, by: string): Promise<boolean>;
  /** Undoes a claim whose re-publication failed. */
  releaseRedrive(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Page cursors: the last entry's time and id, opaque to clients. */
export function cursorOf(entry: { deadLetteredAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([entry.deadLetteredAt, entry.id])).toString('base64url');
}

export function parseCursor(cursor: string): { at: string; id: string } | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    return typeof at === 'string' && typeof id === 'string' ? { at, id } : undefined;
  } catch {
    return undefined;
  }
}
