import { proposalCommand } from '../proposal.command-routes';
import { criterionRatingsOf } from '../rate-criteria/criterion-rating.dto';
import { ReconcileReviewsDto } from './reconcile-reviews.request.dto';

/** Two reviews that diverge beyond the tolerance, reconciled into agreed ratings. POST /proposals/:id/reconciliation */
export const reconcileProposalReviews = proposalCommand({
  path: 'reconciliation',
  commandType: 'ReconcileReviews',
  operationId: 'reconcileQualityReviews',
  summary:
    'Reconcile two submitted reviews that differ beyond the policy’s tolerance: the agreed ratings of every criterion, with a note.',
  done: 'Reconciled',
  dto: ReconcileReviewsDto,
  rules:
    'A criterion of the policy not rated, rated twice, or off the scale (code RULE_VIOLATED, on the rating)',
  conflicts:
    'or the reviews are not both submitted, or they do not diverge (code REVIEW_NOT_READY)',
  command: (dto) => ({
    type: 'ReconcileReviews',
    ratings: criterionRatingsOf(dto.ratings),
    note: dto.note,
  }),
});
