import { Inject, Injectable } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { uuidFromKey, type CommandContext } from '@sfp/event-sourcing';
import type {
  CommandRejection,
  InboundCommandContext,
  InboundCommandDefinition,
} from '@sfp/messaging';
import { PERSON_ID_OF, type InboundCommandSource, type PersonIdOf } from '@sfp/service-kit';
import { TrainingError } from '../../course/domain/course.errors';
import { offeringStreamId } from '../../training.context';
import { EnrolmentReasonDto } from './decline-enrolment/enrolment-reason.request.dto';
import { enrolCommandOf } from './enrol-participant/enrol-participant.command';
import { EnrolParticipantDto } from './enrol-participant/enrol-participant.request.dto';
import { Offerings, type OfferingCommandBody } from './offerings';
import { withdrawEnrolment } from './withdraw-enrolment/withdraw-enrolment.use-case';

// A message on an offering: the HTTP body plus the ids its path carries.
export class EnrolParticipantMessageDto extends EnrolParticipantDto {
  @IsUUID('4')
  offeringId!: string;
}
export class WithdrawEnrolmentMessageDto extends EnrolmentReasonDto {
  @IsUUID('4')
  offeringId!: string;

  @IsUUID('4')
  enrolmentId!: string;
}

/** The command context of an inbound message: its sender, correlation, and its id as the idempotency key. */
function messageContextOf(ctx: InboundCommandContext): CommandContext {
  return {
    correlationId: ctx.correlationId,
    ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
    actor: ctx.actor,
    idempotencyKey: ctx.messageId,
  };
}

/**
 * What a department's learning system may do by message on
 * `sfp.training.commands`: enrol a participant in an offering, and withdraw
 * an enrolment its department made. Payloads are the HTTP DTOs of the same use
 * cases (plus the ids of the path), validated the same way; the enrolment's id
 * derives from the message id, so a redelivery names the same enrolment. The
 * outcome on sfp.training.outcomes names the offering's stream, version and
 * position; the enrolment's own event (ParticipantEnrolled,
 * ParticipantWaitlisted…) follows on sfp.training.events.
 */
@Injectable()
export class TrainingInboundCommands implements InboundCommandSource {
  constructor(
    private readonly offerings: Offerings,
    @Inject(PERSON_ID_OF) private readonly personIdOf: PersonIdOf,
  ) {}

  commands(): Array<InboundCommandDefinition<object>> {
    return [
      this.message('EnrolParticipant', EnrolParticipantMessageDto, (dto, ctx) => ({
        offeringId: dto.offeringId,
        body: enrolCommandOf(
          dto,
          uuidFromKey(`enrol:${ctx.actor.id}:${ctx.messageId}`, 4),
          this.personIdOf,
        ),
      })),
      this.message('WithdrawEnrolment', WithdrawEnrolmentMessageDto, (dto) => ({
        offeringId: dto.offeringId,
        body: withdrawEnrolment.command(dto, {
          id: dto.offeringId,
          enrolmentId: dto.enrolmentId,
        }) as OfferingCommandBody,
      })),
    ] as Array<InboundCommandDefinition<object>>;
  }

  /** Refusals the sender must hear about: every domain error of the training context. */
  rejectionOf(error: unknown): CommandRejection | undefined {
    if (error instanceof TrainingError) return { code: error.code, message: error.message };
    return undefined;
  }

  /** A use case's message: validated with `dto`, run once per message id. */
  private message<Dto extends object>(
    type: OfferingCommandBody['type'],
    dto: new () => Dto,
    command: (
      dto: Dto,
      ctx: InboundCommandContext,
    ) => { offeringId: string; body: OfferingCommandBody },
  ): InboundCommandDefinition<Dto> {
    return {
      type,
      dto,
      execute: async (payload, ctx) => {
        const { offeringId, body } = command(payload, ctx);
        const result = await this.offerings.runOnce(offeringId, body, messageContextOf(ctx));
        return {
          streamId: offeringStreamId(offeringId),
          streamVersion: result.streamVersion,
          position: result.position,
        };
      },
    };
  }
}
