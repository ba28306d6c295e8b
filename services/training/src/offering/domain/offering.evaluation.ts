/** The participants' evaluation of an offering. */
import { LIKERT_RANGE, type EvaluationRating } from '@sfp/contracts';
import { TrainingRuleError } from '../../course/domain/course.errors';
import type { SubmitEvaluation } from './offering.commands';
import { EnrolmentStatusError, EvaluationAlreadySubmittedError } from './offering.errors';
import { EvaluationSubmitted, type OfferingEvent } from './offering.events';
import { enrolmentOf, type PlannedOffering } from './offering.state';

export function submitEvaluation(
  command: SubmitEvaluation,
  state: PlannedOffering,
): OfferingEvent[] {
  const enrolment = enrolmentOf(state, command.enrolmentId);
  if (!['enrolled', 'completed', 'failed'].includes(enrolment.status))
    throw new EnrolmentStatusError(
      enrolment.enrolmentId,
      enrolment.status,
      'evaluating the offering',
    );
  if (enrolment.evaluated) throw new EvaluationAlreadySubmittedError(enrolment.enrolmentId);
  checkRatings(command.ratings);
  return [
    EvaluationSubmitted.of({
      offeringId: state.offeringId,
      evaluationId: command.evaluationId,
      enrolmentId: enrolment.enrolmentId,
      ratings: command.ratings,
      ...(command.comment ? { comment: command.comment } : {}),
      submittedAt: command.at,
    }),
  ];
}

function checkRatings(ratings: readonly EvaluationRating[]): void {
  if (ratings.length === 0)
    throw new TrainingRuleError('ratings', 'An evaluation rates at least one item');
  if (new Set(ratings.map((r) => r.item)).size !== ratings.length)
    throw new TrainingRuleError('ratings', 'Each item is rated once');
  for (const { item, score } of ratings) {
    if (!Number.isInteger(score) || score < LIKERT_RANGE.min || score > LIKERT_RANGE.max)
      throw new TrainingRuleError(
        'ratings',
        `The rating of ${item} is a whole number from ${LIKERT_RANGE.min} to ${LIKERT_RANGE.max}`,
      );
  }
}
