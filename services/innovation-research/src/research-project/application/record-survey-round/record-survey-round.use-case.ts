import { researchCommand } from '../research-project.command-routes';
import { RecordSurveyRoundDto } from './record-survey-round.request.dto';

/** A survey round as fielded: the baseline, or follow-up n. POST /projects/:id/survey-rounds */
export const recordResearchSurveyRound = researchCommand({
  path: 'survey-rounds',
  commandType: 'RecordSurveyRound',
  operationId: 'recordResearchSurveyRound',
  summary:
    'Record a survey round as fielded: the baseline (number 0) in baseline-survey, follow-ups (1, 2, … in order) in follow-up-survey.',
  done: 'Recorded',
  dto: RecordSurveyRoundDto,
  rules:
    'A round of the wrong kind for the phase, a baseline not numbered 0 or recorded twice, a follow-up out of order (code RULE_VIOLATED)',
  command: (dto) => ({
    type: 'RecordSurveyRound',
    round: {
      kind: dto.kind,
      number: dto.number,
      completedOn: dto.completedOn,
      sample: { treatment: dto.sample.treatment, comparison: dto.sample.comparison },
      ...(dto.note ? { note: dto.note } : {}),
    },
  }),
});
