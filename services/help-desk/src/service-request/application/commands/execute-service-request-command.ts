import type { Actor } from '@sfp/event-sourcing';
import type { ServiceRequestCommand } from '../../domain/service-request.commands';

/** What the command bus carries for every service request command, from HTTP or Kafka. */
export class ExecuteServiceRequestCommand {
  constructor(
    readonly requestId: string,
    readonly command: ServiceRequestCommand,
    readonly context: {
      correlationId: string;
      causationId?: string;
      actor: Actor;
      /** From If-Match; absent means "the version I load" (retried on a concurrent write). */
      expectedVersion?: number;
      /** Derives event ids from an inbound message id, so a redelivered message appends nothing twice. */
      idempotencyKey?: string;
    },
  ) {}
}

export interface ServiceRequestCommandResult {
  requestId: string;
  /** The stream's version after the command: the request's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything (an idempotent repeat records nothing). */
  changed: boolean;
}
