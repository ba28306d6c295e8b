import { acceptQualityLinkage } from './linkages/accept-linkage.use-case';
import { dismissQualityLinkage } from './linkages/dismiss-linkage.use-case';
import { LinkageSuggestionsController } from './linkages/linkage-suggestions.http.controller';
import { assignProposalReviewers } from './assign-reviewers/assign-reviewers.use-case';
import { decideQualityProposal } from './decide-proposal/decide-proposal.use-case';
import { proposalCommandController } from './proposal.command-routes';
import { rateProposalCriteria } from './rate-criteria/rate-criteria.use-case';
import { reconcileProposalReviews } from './reconcile-reviews/reconcile-reviews.use-case';
import { resubmitProposal } from './resubmit-proposal/resubmit-proposal.use-case';
import { SubmitProposalController } from './submit-proposal/submit-proposal.http.controller';
import { submitProposalReview } from './submit-review/submit-review.use-case';
import { withdrawQualityProposal } from './withdraw-proposal/withdraw-proposal.use-case';

/** One controller per command of a proposal: submitting it, then each use case's route; and the linkage suggestions. */
export const PROPOSAL_COMMAND_CONTROLLERS = [
  SubmitProposalController,
  proposalCommandController(resubmitProposal),
  proposalCommandController(assignProposalReviewers),
  proposalCommandController(rateProposalCriteria),
  proposalCommandController(submitProposalReview),
  proposalCommandController(reconcileProposalReviews),
  proposalCommandController(decideQualityProposal),
  proposalCommandController(withdrawQualityProposal),
  proposalCommandController(acceptQualityLinkage),
  proposalCommandController(dismissQualityLinkage),
  LinkageSuggestionsController,
];
