import type { CommandBus } from '@nestjs/cqrs';
import { IsUUID } from 'class-validator';
import { DuplicateEventError, uuidFromKey } from '@sfp/event-sourcing';
import type {
  CommandRejection,
  InboundCommandContext,
  InboundCommandDefinition,
} from '@sfp/messaging';
import { serviceRequestStreamId } from '../../../help-desk.context';
import type { HelpDeskRuntime } from '../../../help-desk.runtime';
import { ServiceRequestError } from '../../domain/service-request.errors';
import type { ServiceRequestCommand } from '../../domain/service-request.commands';
import { CancelRequestDto, CommentDto, RequestReasonDto } from './dto/lifecycle.request.dto';
import { submitCommandOf } from './dto/submit-request.mapping';
import { SubmitRequestDto } from './dto/submit-request.request.dto';
import { ExecuteServiceRequestCommand } from './execute-service-request-command';

export class CommentOnRequestMessageDto extends CommentDto {
  @IsUUID('4')
  requestId!: string;
}
export class CancelRequestMessageDto extends CancelRequestDto {
  @IsUUID('4')
  requestId!: string;
}
export class ReopenRequestMessageDto extends RequestReasonDto {
  @IsUUID('4')
  requestId!: string;
}

/**
 * What departments' systems may do by message on `sfp.help-desk.commands`:
 * file a request, follow up with comments, reopen or cancel it. Payloads are
 * the HTTP DTOs (plus the request id), validated the same way.
 */
export function helpDeskInboundCommands(
  commandBus: CommandBus,
  runtime: HelpDeskRuntime,
): Array<InboundCommandDefinition<object>> {
  const run = async (
    requestId: string,
    body: DistributiveOmit<ServiceRequestCommand>,
    ctx: InboundCommandContext,
  ) => {
    const command = {
      ...body,
      at: runtime.clock().toISOString(),
      by: ctx.actor.id,
    } as ServiceRequestCommand;
    try {
      const result = await commandBus.execute(
        new ExecuteServiceRequestCommand(requestId, command, {
          correlationId: ctx.correlationId,
          causationId: ctx.causationId,
          actor: ctx.actor,
          idempotencyKey: ctx.messageId,
        }),
      );
      return {
        streamId: serviceRequestStreamId(requestId),
        streamVersion: result.streamVersion,
        position: result.position,
      };
    } catch (error) {
      // Appended before, by this very message (its event ids derive from the message id).
      if (error instanceof DuplicateEventError) {
        const streamId = serviceRequestStreamId(requestId);
        return {
          streamId,
          streamVersion: await runtime.eventStore.streamVersion(streamId),
          position: await runtime.eventStore.headPosition(),
        };
      }
      throw error;
    }
  };

  const submit: InboundCommandDefinition<SubmitRequestDto> = {
    type: 'SubmitServiceRequest',
    dto: SubmitRequestDto,
    execute: (dto, ctx) => {
      const requestId = uuidFromKey(`submit:${ctx.actor.id}:${ctx.messageId}`, 4);
      return run(requestId, submitCommandOf(dto, requestId, runtime.personIdOf), ctx);
    },
  };
  const comment: InboundCommandDefinition<CommentOnRequestMessageDto> = {
    type: 'CommentOnServiceRequest',
    dto: CommentOnRequestMessageDto,
    execute: (dto, ctx) =>
      run(
        dto.requestId,
        {
          type: 'CommentOnServiceRequest',
          commentId: uuidFromKey(`comment:${ctx.messageId}`, 4),
          text: dto.text,
        },
        ctx,
      ),
  };
  const cancel: InboundCommandDefinition<CancelRequestMessageDto> = {
    type: 'CancelServiceRequest',
    dto: CancelRequestMessageDto,
    execute: (dto, ctx) =>
      run(
        dto.requestId,
        { type: 'CancelServiceRequest', cancelledBy: dto.cancelledBy, reason: dto.reason },
        ctx,
      ),
  };
  const reopen: InboundCommandDefinition<ReopenRequestMessageDto> = {
    type: 'ReopenServiceRequest',
    dto: ReopenRequestMessageDto,
    execute: (dto, ctx) =>
      run(dto.requestId, { type: 'ReopenServiceRequest', reason: dto.reason }, ctx),
  };
  return [submit, comment, cancel, reopen] as Array<InboundCommandDefinition<object>>;
}

/** Refusals the sender must hear about: every domain error of the help desk. */
export function helpDeskRejectionOf(error: unknown): CommandRejection | undefined {
  if (error instanceof ServiceRequestError) return { code: error.code, message: error.message };
  return undefined;
}

type DistributiveOmit<T> = T extends unknown ? Omit<T, 'at' | 'by'> : never;
