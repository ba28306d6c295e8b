import { randomUUID } from 'node:crypto';
import { EvaluationResultSchema } from '../offering.answers';
import { offeringCommand } from '../offering.command-routes';
import type { EvaluationResult } from './submit-evaluation.result';
import { SubmitEvaluationDto } from './submit-evaluation.request.dto';

/** A participant's answers to the satisfaction questionnaire. POST /offerings/:id/evaluations */
export const submitEvaluation = offeringCommand({
  path: 'evaluations',
  commandType: 'SubmitEvaluation',
  summary: 'Record a participant’s answers to the satisfaction questionnaire (once each).',
  done: 'Recorded: the evaluation’s id',
  dto: SubmitEvaluationDto,
  status: 201,
  schema: EvaluationResultSchema,
  alsoNotFound: 'no such enrolment in it (code ENROLMENT_NOT_FOUND)',
  alsoRefusedWhen: 'the participant already answered (code EVALUATION_ALREADY_SUBMITTED)',
  command: (dto) => ({
    type: 'SubmitEvaluation',
    evaluationId: randomUUID(),
    enrolmentId: dto.enrolmentId,
    ratings: dto.ratings.map(({ item, score }) => ({ item, score })),
    ...(dto.comment ? { comment: dto.comment } : {}),
  }),
  run: async (offerings, { id }, context, command): Promise<EvaluationResult> => {
    const evaluationId = (command as { evaluationId: string }).evaluationId;
    return { ...(await offerings.run(id, command, context)), evaluationId };
  },
});
