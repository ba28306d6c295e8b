import type { Actor } from '@sfp/event-sourcing';

/** Where a command comes from: HTTP or an inbound message. */
export interface CommandContext {
  correlationId: string;
  causationId?: string;
  actor: Actor;
  /** From If-Match; absent means "the version I load" (retried on a concurrent write). */
  expectedVersion?: number;
  /** Derives event ids from an inbound message id, so a redelivered message appends nothing twice. */
  idempotencyKey?: string;
}

export interface CommandResult {
  /** The record's id (institution, report, target, entry). */
  id: string;
  streamId: string;
  /** The stream's version after the command: the record's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything. */
  changed: boolean;
}
