import type { OfferingCommandResult } from '../offerings';

/** A questionnaire answered: its id. */
export interface EvaluationResult extends OfferingCommandResult {
  evaluationId: string;
}
