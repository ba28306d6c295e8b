import type { CommandContext } from '@sfp/event-sourcing';
import type { InboundCommandContext, InboundCommandDefinition } from '@sfp/messaging';
import { serviceRequestStreamId } from '../../help-desk.context';
import type { ServiceRequestCommandBody, ServiceRequests } from './service-requests';

/** The command context of an inbound message: its sender, correlation, and its id as the idempotency key. */
export function messageContextOf(ctx: InboundCommandContext): CommandContext {
  return {
    correlationId: ctx.correlationId,
    ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
    actor: ctx.actor,
    idempotencyKey: ctx.messageId,
  };
}

/**
 * A use case's message: `type` on sfp.help-desk.commands, validated with
 * `dto`, run once per message id (a redelivery appends nothing), answered
 * with the request's stream, version and position.
 */
export function serviceRequestMessage<Dto extends object>(
  requests: ServiceRequests,
  type: ServiceRequestCommandBody['type'],
  dto: new () => Dto,
  command: (
    dto: Dto,
    ctx: InboundCommandContext,
  ) => { requestId: string; body: ServiceRequestCommandBody },
): InboundCommandDefinition<Dto> {
  return {
    type,
    dto,
    execute: async (payload, ctx) => {
      const { requestId, body } = command(payload, ctx);
      const result = await requests.runOnce(requestId, body, messageContextOf(ctx));
      return {
        streamId: serviceRequestStreamId(requestId),
        streamVersion: result.streamVersion,
        position: result.position,
      };
    },
  };
}
