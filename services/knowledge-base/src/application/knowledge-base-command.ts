import type { Actor } from '@sfp/event-sourcing';
import { OutOfDepartmentScopeError } from '../shared/domain/knowledge-base.errors';

/** Where a command comes from: HTTP or an inbound message. */
export interface CommandContext {
  correlationId: string;
  causationId?: string;
  actor: Actor;
  /** From If-Match; absent means "the version I load" (retried on a concurrent write). */
  expectedVersion?: number;
  /** Derives event ids from an inbound message id, so a redelivered message appends nothing twice. */
  idempotencyKey?: string;
  /** Set for an integration client: the only department whose institutions it may act on. */
  scope?: string;
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

/** A domain command as a use case's caller gives it: the handler adds its time and author. */
export type Untimed<C> = C extends unknown ? Omit<C, 'at' | 'by'> : never;

/**
 * What the command bus carries for a knowledge-base use case: its request, as
 * HTTP or an inbound message gives it (the handler adds time and author), and
 * where it comes from. Each use case declares its own subclass, which the bus
 * routes to that use case's handler.
 */
export abstract class KnowledgeBaseCommand<TRequest> {
  constructor(
    readonly request: TRequest,
    readonly context: CommandContext,
  ) {}
}

/**
 * The department scope: an integration client (`scope` set) acts only on the
 * institutions its department reports on, and their records. `department`
 * undefined: a record of no department (programme and portfolio targets, the
 * GNI table), which no integration client may change.
 */
export function assertInDepartment(
  scope: string | undefined,
  department: string | undefined,
): void {
  if (scope !== undefined && scope !== department)
    throw new OutOfDepartmentScopeError(scope, department);
}
