import { Type, type Static } from '@sinclair/typebox';
import { commandResultFields, StringEnum, type MutuallyAssignable } from '@sfp/service-kit';
import type { OfferingCommandResult } from './offerings';
import type { EnrolmentResult } from './enrol-participant/enrol-participant.result';
import type { EvaluationResult } from './submit-evaluation/submit-evaluation.result';

const resultFields = commandResultFields('offeringId', {
  id: 'The offering’s id',
  version: 'The offering’s version after the command: its new ETag',
});

/** What every offering command answers. */
export const OfferingCommandResultSchema = Type.Object(resultFields, {
  title: 'OfferingCommandResult',
});

/** An enrolment: where the participant stands (a seat, a place on the waitlist, or waiting for approval). */
export const EnrolmentResultSchema = Type.Object(
  {
    ...resultFields,
    enrolmentId: Type.String({ format: 'uuid', description: 'The enrolment’s id' }),
    status: StringEnum(['enrolled', 'waitlisted', 'awaiting-approval'] as const, {
      description:
        'enrolled: a seat is held; waitlisted: no seat left, waiting in arrival order; awaiting-approval: the supervisor has to approve first',
    }),
    waitlistPosition: Type.Optional(
      Type.Integer({ minimum: 1, description: 'When waitlisted: the place taken (1 = next)' }),
    ),
  },
  { title: 'EnrolmentResult' },
);

/** A questionnaire answered. */
export const EvaluationResultSchema = Type.Object(
  {
    ...resultFields,
    evaluationId: Type.String({ format: 'uuid', description: 'The evaluation’s id' }),
  },
  { title: 'EvaluationResult' },
);

const offeringResultMatches: MutuallyAssignable<
  Static<typeof OfferingCommandResultSchema>,
  OfferingCommandResult
> = true;
const enrolmentResultMatches: MutuallyAssignable<
  Static<typeof EnrolmentResultSchema>,
  EnrolmentResult
> = true;
const evaluationResultMatches: MutuallyAssignable<
  Static<typeof EvaluationResultSchema>,
  EvaluationResult
> = true;
void offeringResultMatches;
void enrolmentResultMatches;
void evaluationResultMatches;
