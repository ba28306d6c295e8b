import { Type, type Static } from '@sinclair/typebox';
import { StringEnum, type MutuallyAssignable } from '@sfp/service-kit';
import type { OfferingCommandResult } from './offerings';
import type { EnrolmentResult } from './enrol-participant/enrol-participant.result';
import type { EvaluationResult } from './submit-evaluation/submit-evaluation.result';

const resultFields = {
  offeringId: Type.String({ format: 'uuid', description: 'The offering’s id' }),
  streamVersion: Type.Integer({
    minimum: 1,
    description: 'The offering’s version after the command: its new ETag',
  }),
  position: Type.Integer({
    minimum: 0,
    description:
      'Global position of the command’s last event (pass it as minPosition to read your writes); the current head when nothing changed',
  }),
  changed: Type.Boolean({
    description: 'Whether the command recorded anything (an idempotent repeat records nothing)',
  }),
};

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
