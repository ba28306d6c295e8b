import type { Actor } from '@sfp/event-sourcing';
import type { DeadLetterReason } from '../dead-letters/dead-letter.errors';

/** Header names of an inbound command message from a department's system. */
export const COMMAND_HEADERS = {
  /** The sender's unique id for this message; the outcome carries it back. Required. */
  messageId: 'message-id',
  /** Which command, e.g. `SubmitServiceRequest`. Required. */
  commandType: 'command-type',
  /** Optional: ties the command to the sender's wider conversation. */
  correlationId: 'correlation-id',
  /** The sending system (integration client id). */
  sender: 'sender',
  /** The department the sender acts for. */
  department: 'department',
} as const;

/** What a command produced when the command bus accepted it. */
export interface CommandAccepted {
  streamId: string;
  streamVersion: number;
  /** Global position of the command's last event (for read-your-writes). */
  position: number;
}

export interface InboundCommandContext {
  messageId: string;
  correlationId: string;
  /** The inbound message is the cause of the events the command records. */
  causationId: string;
  actor: Actor;
}

export interface InboundCommandDefinition<Dto extends object = object> {
  type: string;
  /** The same class-validator DTO the HTTP endpoint validates with. */
  dto: new () => Dto;
  execute(dto: Dto, context: InboundCommandContext): Promise<CommandAccepted>;
}

/** Published on `sfp.<context>.outcomes`, keyed by the sender's message id. */
export interface CommandOutcome {
  messageId: string;
  commandType?: string;
  status: 'accepted' | 'rejected';
  streamId?: string;
  streamVersion?: number;
  position?: number;
  rejection?: {
    code: string;
    message: string;
    fieldErrors?: Array<{ field: string; messages: string[] }>;
  };
  handledAt: string;
}

/**
 * The rejection code of the outcome a sender gets for a dead-lettered command
 * (when the message had a `message-id`), by dead-letter reason.
 */
export const DEAD_LETTER_REJECTION_CODES = {
  unauthorised: 'UNAUTHORISED',
  undecodable: 'UNDECODABLE',
  'schema-invalid': 'SCHEMA_INVALID',
  failed: 'COMMAND_FAILED',
} as const satisfies Record<DeadLetterReason, string>;

/** A refusal the sender must hear about (illegal transition, unknown id, invalid input). */
export interface CommandRejection {
  code: string;
  message: string;
}
