import { Inject, Injectable } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { uuidFromKey } from '@sfp/event-sourcing';
import type { CommandRejection, InboundCommandDefinition } from '@sfp/messaging';
import { PERSON_ID_OF, type InboundCommandSource, type PersonIdOf } from '@sfp/service-kit';
import { ServiceRequestError } from '../domain/service-request.errors';
import { cancelRequest } from './cancel-request/cancel-request.use-case';
import { CancelRequestDto } from './cancel-request/cancel-request.request.dto';
import { commentCommandOf } from './comment-on-request/comment-on-request.command';
import { CommentDto } from './comment-on-request/comment-on-request.request.dto';
import { reopenRequest } from './reopen-request/reopen-request.use-case';
import { RequestReasonDto } from './reopen-request/reopen-request.request.dto';
import { serviceRequestMessage } from './service-request.messages';
import { ServiceRequests } from './service-requests';
import { submitCommandOf } from './submit-request/submit-request.command';
import { SubmitRequestDto } from './submit-request/submit-request.request.dto';

// A message on an existing request: the HTTP body plus the request's id.
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
 * the HTTP DTOs of the same use cases (plus the request id), validated the
 * same way; ids derive from the message id, so a redelivery names the same records.
 */
@Injectable()
export class HelpDeskInboundCommands implements InboundCommandSource {
  constructor(
    private readonly requests: ServiceRequests,
    @Inject(PERSON_ID_OF) private readonly personIdOf: PersonIdOf,
  ) {}

  commands(): Array<InboundCommandDefinition<object>> {
    return [
      serviceRequestMessage(this.requests, 'SubmitServiceRequest', SubmitRequestDto, (dto, ctx) => {
        const requestId = uuidFromKey(`submit:${ctx.actor.id}:${ctx.messageId}`, 4);
        return { requestId, body: submitCommandOf(dto, requestId, this.personIdOf) };
      }),
      serviceRequestMessage(
        this.requests,
        'CommentOnServiceRequest',
        CommentOnRequestMessageDto,
        (dto, ctx) => ({
          requestId: dto.requestId,
          body: commentCommandOf(dto, uuidFromKey(`comment:${ctx.messageId}`, 4)),
        }),
      ),
      serviceRequestMessage(
        this.requests,
        'CancelServiceRequest',
        CancelRequestMessageDto,
        (dto) => ({
          requestId: dto.requestId,
          body: cancelRequest.command(dto),
        }),
      ),
      serviceRequestMessage(
        this.requests,
        'ReopenServiceRequest',
        ReopenRequestMessageDto,
        (dto) => ({
          requestId: dto.requestId,
          body: reopenRequest.command(dto),
        }),
      ),
    ] as Array<InboundCommandDefinition<object>>;
  }

  /** Refusals the sender must hear about: every domain error of the help desk. */
  rejectionOf(error: unknown): CommandRejection | undefined {
    if (error instanceof ServiceRequestError) return { code: error.code, message: error.message };
    return undefined;
  }
}
