import { researchCommand } from '../research-project.command-routes';
import { RecordResearchFindingDto } from './record-finding.request.dto';

/** A finding on one hypothesis (a later one replaces it). POST /projects/:id/findings */
export const recordResearchFinding = researchCommand({
  path: 'findings',
  commandType: 'RecordFinding',
  operationId: 'recordResearchFinding',
  summary:
    'Record a finding on a hypothesis: verdict, effect with its standard error or 95 % interval, sample sizes and follow-up round (a later finding replaces it).',
  done: 'Recorded',
  dto: RecordResearchFindingDto,
  rules:
    'No such hypothesis in the project (code HYPOTHESIS_NOT_FOUND), or a round that is no recorded follow-up, an interval that does not contain the size, or a verdict of supported whose interval does not exclude 0 on the expected side (code RULE_VIOLATED)',
  command: (dto) => {
    const { effect } = dto;
    const hasError = effect.standardError !== undefined && effect.standardError !== null;
    const interval = effect.confidenceInterval ?? undefined;
    return {
      type: 'RecordFinding',
      finding: {
        hypothesisId: dto.hypothesisId,
        verdict: dto.verdict,
        surveyRound: dto.surveyRound,
        effect: {
          size: effect.size,
          unit: effect.unit,
          ...(hasError ? { standardError: effect.standardError as number } : {}),
          ...(interval
            ? { confidenceInterval: { lower: interval.lower, upper: interval.upper } }
            : {}),
        },
        sample: { treatment: dto.sample.treatment, comparison: dto.sample.comparison },
        ...(dto.note ? { note: dto.note } : {}),
      },
    };
  },
});
