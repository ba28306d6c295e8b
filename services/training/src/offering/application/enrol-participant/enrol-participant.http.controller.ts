import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Answers, Operation, Refuses } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import {
  HttpCommandContext,
  PERSON_ID_OF,
  VersionedCommandRoute,
  type PersonIdOf,
} from '@sfp/service-kit';
import { NO_SUCH_OFFERING, OfferingIdParams } from '../../../http/record-id.params';
import { ETAG_HEADER } from '@sfp/service-kit';
import { EnrolmentResultSchema } from '../offering.answers';
import { OfferingCommandController, offeringConflictOf } from '../offering.command-routes';
import { Offerings } from '../offerings';
import { enrolCommandOf } from './enrol-participant.command';
import { EnrolParticipantDto } from './enrol-participant.request.dto';
import { enrolmentResultOf, type EnrolmentResult } from './enrol-participant.result';

/**
 * POST /offerings/:id/enrolments: a participant enrols, and takes a seat while
 * there is one, else a place on the waitlist; a staff member in a course that
 * needs it waits for the supervisor's approval. Two enrolments racing for the
 * last seat are decided one after the other: one gets it, the other waits.
 */
@OfferingCommandController()
export class EnrolParticipantController {
  constructor(
    private readonly offerings: Offerings,
    @Inject(PERSON_ID_OF) private readonly personIdOf: PersonIdOf,
  ) {}

  @Post(':id/enrolments')
  @HttpCode(201)
  @Operation(
    'enrolParticipant',
    'Enrol a participant: a seat while there is one, else a place on the waitlist.',
  )
  @Answers(201, {
    description:
      'Enrolled, waitlisted (with the place taken) or awaiting the supervisor’s approval: the enrolment’s id and status, the offering’s new version and the position of its event',
    schema: EnrolmentResultSchema,
    headers: ETAG_HEADER,
  })
  // Above VersionedCommandRoute (applied after it): this route's own 409 replaces its generic one.
  @Refuses({
    404: NO_SUCH_OFFERING,
    409: offeringConflictOf(
      'EnrolParticipant',
      'the participant already holds an enrolment in it (code ALREADY_ENROLLED)',
    ),
  })
  @VersionedCommandRoute()
  async enrol(
    @Param() { id }: OfferingIdParams,
    @Body() dto: EnrolParticipantDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<EnrolmentResult> {
    const enrolmentId = randomUUID();
    const decided = await this.offerings.decide(
      id,
      enrolCommandOf(dto, enrolmentId, this.personIdOf),
      context,
    );
    return enrolmentResultOf(enrolmentId, decided);
  }
}
