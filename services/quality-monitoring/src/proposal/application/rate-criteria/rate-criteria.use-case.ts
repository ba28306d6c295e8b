import { proposalCommand } from '../proposal.command-routes';
import { criterionRatingsOf } from './criterion-rating.dto';
import { RateCriteriaDto } from './rate-criteria.request.dto';

/** The calling reviewer's ratings so far, as a draft. POST /proposals/:id/ratings */
export const rateProposalCriteria = proposalCommand({
  path: 'ratings',
  commandType: 'RateCriteria',
  operationId: 'rateQualityCriteria',
  summary: 'Save the calling reviewer’s ratings so far (a draft; saved again until submitted).',
  done: 'Saved',
  dto: RateCriteriaDto,
  rules:
    'A criterion rated twice, not in the review’s policy, or a rating off its scale (code RULE_VIOLATED, on the rating)',
  forbidden: 'The caller is not a reviewer of the proposal (code NOT_A_REVIEWER)',
  conflicts: 'or the caller has submitted their review (code REVIEW_ALREADY_SUBMITTED)',
  command: (dto) => ({ type: 'RateCriteria', ratings: criterionRatingsOf(dto.ratings) }),
});
