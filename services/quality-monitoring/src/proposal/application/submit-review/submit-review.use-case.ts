import { proposalCommand } from '../proposal.command-routes';
import { criterionRatingsOf } from '../rate-criteria/criterion-rating.dto';
import { SubmitReviewDto } from './submit-review.request.dto';

/** The calling reviewer submits: every criterion rated, the weighted score computed. POST /proposals/:id/review */
export const submitProposalReview = proposalCommand({
  path: 'review',
  commandType: 'SubmitReview',
  operationId: 'submitQualityReview',
  summary:
    'Submit the calling reviewer’s review: every criterion of the review’s policy rated, with a summary; the weighted score is computed.',
  done: 'Submitted',
  dto: SubmitReviewDto,
  rules:
    'A criterion of the policy not rated, rated twice, or off the scale (code RULE_VIOLATED, on the rating)',
  forbidden: 'The caller is not a reviewer of the proposal (code NOT_A_REVIEWER)',
  conflicts: 'or the caller has submitted already (code REVIEW_ALREADY_SUBMITTED)',
  command: (dto) => ({
    type: 'SubmitReview',
    ratings: criterionRatingsOf(dto.ratings),
    summary: dto.summary,
  }),
});
