import type { CommandBus } from '@nestjs/cqrs';
import { DuplicateEventError, type EventStore } from '@sfp/event-sourcing';
import type {
  CommandAccepted,
  InboundCommandContext,
  InboundCommandDefinition,
} from '@sfp/messaging';
import type {
  CommandContext,
  CommandResult,
  KnowledgeBaseCommand,
} from '../application/knowledge-base-command';
import { callerOfActor } from '../http/request-principal';

/** What an inbound message asks for: a use case's command, on one stream. */
export interface MessageCommand {
  streamId: string;
  command: (context: CommandContext) => KnowledgeBaseCommand<unknown>;
}

/**
 * An inbound command of the knowledge base, defined by its use case: its
 * type, its DTO (the HTTP body, plus the ids a URL gives over HTTP) and the
 * command a valid message asks for.
 */
export interface CommandMessage<Dto extends object> {
  type: string;
  dto: new () => Dto;
  command(dto: Dto, message: InboundCommandContext): MessageCommand;
}

/** Sends the command of an inbound message through the command bus. */
export type MessageDispatch = (
  message: InboundCommandContext,
  asked: MessageCommand,
) => Promise<CommandAccepted>;

/** The gateway's definition of a use case's message. */
export function inboundCommand<Dto extends object>(
  dispatch: MessageDispatch,
  { type, dto, command }: CommandMessage<Dto>,
): InboundCommandDefinition<Dto> {
  return { type, dto, execute: (body, message) => dispatch(message, command(body, message)) };
}

/**
 * Commands from inbound messages go through the command bus as their sender
 * (an integration client confined to its department, as over HTTP). Event
 * ids derive from the message id, so a redelivered message that was appended
 * before is answered with its stream as it stands.
 */
export function messageDispatch(
  commandBus: CommandBus,
  events: Pick<EventStore, 'streamVersion' | 'headPosition'>,
): MessageDispatch {
  return async (message, { streamId, command }) => {
    const caller = callerOfActor(message.actor);
    try {
      const result: CommandResult = await commandBus.execute(
        command({
          correlationId: message.correlationId,
          causationId: message.causationId,
          actor: message.actor,
          idempotencyKey: message.messageId,
          ...(caller.scope !== undefined ? { scope: caller.scope } : {}),
        }),
      );
      return {
        streamId: result.streamId,
        streamVersion: result.streamVersion,
        position: result.position,
      };
    } catch (error) {
      // Appended before, by this very message (its event ids derive from the message id).
      if (!(error instanceof DuplicateEventError)) throw error;
      return {
        streamId,
        streamVersion: await events.streamVersion(streamId),
        position: await events.headPosition(),
      };
    }
  };
}
