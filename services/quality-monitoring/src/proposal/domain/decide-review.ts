/** The review: assigning reviewers (the first assignment starts it), rating, submitting, reconciling. */
import {
  divergentCriteria,
  redFlagsOf,
  secondReviewerRequired,
  weightedScore,
  type CriterionRating,
} from '@sfp/contracts';
import type {
  AssignReviewers,
  RateCriteria,
  ReconcileReviews,
  SubmitReview,
} from './proposal.commands';
import {
  NotAReviewerError,
  ProposalRuleError,
  ReviewAlreadySubmittedError,
  ReviewNotReadyError,
} from './proposal.errors';
import {
  CriteriaRated,
  ReviewersReassigned,
  ReviewsReconciled,
  ReviewStarted,
  ReviewSubmitted,
  type ProposalEvent,
} from './proposal.events';
import { checkRatings, requireText } from './proposal.rules';
import type { Proposal, ProposalReview } from './proposal.state';

/** A review has one or two reviewers: two reviews are reconciled, never more. */
export const MAX_REVIEWERS = 2;

/**
 * The first assignment of a version starts its review: it keeps the policy
 * in force, freezes the partners' ratios and raises the red flags. A later
 * one reassigns (nothing when the reviewers are the same); a reviewer who
 * has submitted stays.
 */
export function assignReviewers(command: AssignReviewers, proposal: Proposal): ProposalEvent[] {
  checkReviewers(command);
  const review = proposal.review;
  if (!review) {
    const { policy } = command;
    return [
      ReviewStarted.of({
        proposalId: proposal.proposalId,
        version: proposal.version,
        reviewNumber: proposal.reviewNumber + 1,
        reviewers: command.reviewers,
        secondReviewerRequired: secondReviewerRequired(proposal.definition, policy),
        policyVersion: policy.version,
        policy,
        partnerRatios: command.partnerRatios,
        partnersWithoutReport: command.partnersWithoutReport,
        redFlags: redFlagsOf(proposal.definition, command.partnerRatios, policy.thresholds),
        startedBy: command.by,
        startedAt: command.at,
      }),
    ];
  }
  const kept = Object.keys(review.submitted).find((r) => !command.reviewers.includes(r));
  if (kept)
    throw new ProposalRuleError(
      'reviewers',
      `${kept} has submitted a review and stays a reviewer of this proposal`,
    );
  const unchanged =
    command.reviewers.length === review.reviewers.length &&
    command.reviewers.every((r) => review.reviewers.includes(r));
  if (unchanged) return [];
  return [
    ReviewersReassigned.of({
      proposalId: proposal.proposalId,
      reviewNumber: review.reviewNumber,
      reviewers: command.reviewers,
      reassignedBy: command.by,
      reassignedAt: command.at,
    }),
  ];
}

function checkReviewers(command: AssignReviewers): void {
  const { reviewers } = command;
  if (reviewers.length === 0)
    throw new ProposalRuleError('reviewers', 'Assign at least one reviewer');
  if (reviewers.length > MAX_REVIEWERS)
    throw new ProposalRuleError(
      'reviewers',
      `A review has one or two reviewers (${reviewers.length} were given)`,
    );
  reviewers.forEach((reviewer, i) => {
    if (!reviewer.trim()) throw new ProposalRuleError(`reviewers.${i}`, 'Name the reviewer');
    if (reviewers.indexOf(reviewer) !== i)
      throw new ProposalRuleError(`reviewers.${i}`, `${reviewer} is assigned twice`);
    if (command.unknownReviewers.includes(reviewer))
      throw new ProposalRuleError(
        `reviewers.${i}`,
        `${reviewer} is no active user of the platform`,
      );
  });
}

/** The review of a proposal under review (ReviewStarted has set it). */
export function currentReview(proposal: Proposal): ProposalReview {
  if (!proposal.review) throw new ReviewNotReadyError('No reviewer has been assigned yet');
  return proposal.review;
}

/** Refuses an actor who is not a reviewer, or who has already submitted. */
function reviewerOf(review: ProposalReview, actor: string): string {
  if (!review.reviewers.includes(actor)) throw new NotAReviewerError(actor);
  if (review.submitted[actor]) throw new ReviewAlreadySubmittedError(actor);
  return actor;
}

/** A reviewer's draft: the ratings given now over those saved before. */
export function rateCriteria(command: RateCriteria, proposal: Proposal): ProposalEvent[] {
  const review = currentReview(proposal);
  const reviewer = reviewerOf(review, command.by);
  checkRatings(review.policy, command.ratings, false);
  return [
    CriteriaRated.of({
      proposalId: proposal.proposalId,
      reviewNumber: review.reviewNumber,
      reviewer,
      ratings: mergeRatings(review.drafts[reviewer] ?? [], command.ratings),
      ratedAt: command.at,
    }),
  ];
}

/** A reviewer's review, every criterion rated, with its weighted score. */
export function submitReview(command: SubmitReview, proposal: Proposal): ProposalEvent[] {
  const review = currentReview(proposal);
  const reviewer = reviewerOf(review, command.by);
  checkRatings(review.policy, command.ratings, true);
  requireText('summary', command.summary, 'Sum the review up');
  return [
    ReviewSubmitted.of({
      proposalId: proposal.proposalId,
      reviewNumber: review.reviewNumber,
      reviewer,
      ratings: command.ratings,
      score: scoreOf(review, command.ratings),
      summary: command.summary,
      submittedAt: command.at,
    }),
  ];
}

/** Agreed ratings for two reviews that diverge beyond the policy's tolerance (again, to revise them). */
export function reconcileReviews(command: ReconcileReviews, proposal: Proposal): ProposalEvent[] {
  const review = currentReview(proposal);
  const [first, second] = submittedReviews(review);
  if (!first || !second) throw new ReviewNotReadyError('Reconciling needs two submitted reviews');
  const divergent = divergentCriteria(review.policy, first.ratings, second.ratings);
  if (divergent.length === 0)
    throw new ProposalRuleError(
      'ratings',
      `The two reviews do not differ by more than ${review.policy.reconciliationTolerance} on any criterion: the decision takes the mean of their scores`,
    );
  checkRatings(review.policy, command.ratings, true);
  requireText('note', command.note, 'Say how the reviews were reconciled');
  return [
    ReviewsReconciled.of({
      proposalId: proposal.proposalId,
      reviewNumber: review.reviewNumber,
      ratings: command.ratings,
      score: scoreOf(review, command.ratings),
      divergentCriteria: divergent,
      note: command.note,
      reconciledBy: command.by,
      reconciledAt: command.at,
    }),
  ];
}

/** The submitted reviews of the assigned reviewers, in the order they were assigned. */
export function submittedReviews(review: ProposalReview) {
  return review.reviewers.flatMap((r) => (review.submitted[r] ? [review.submitted[r]] : []));
}

function scoreOf(review: ProposalReview, ratings: readonly CriterionRating[]): number {
  const score = weightedScore(review.policy, ratings);
  if (score === undefined) throw new ProposalRuleError('ratings', 'Rate every criterion');
  return score;
}

function mergeRatings(
  before: readonly CriterionRating[],
  now: readonly CriterionRating[],
): CriterionRating[] {
  const replaced = new Set(now.map((r) => r.criterion));
  return [...before.filter((r) => !replaced.has(r.criterion)), ...now];
}
