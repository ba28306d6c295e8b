/** Deciding on the current version: approved (with conditions), revise and resubmit, or rejected. */
import {
  APPROVING_DECISIONS,
  divergentCriteria,
  roundScore,
  workingDaysBetween,
} from '@sfp/contracts';
import type { DecideProposal } from './proposal.commands';
import {
  ProposalRuleError,
  RedFlagBlocksApprovalError,
  ReviewNotReadyError,
} from './proposal.errors';
import { ProposalDecided, type ProposalEvent } from './proposal.events';
import { currentReview, submittedReviews } from './decide-review';
import type { Proposal, ProposalReview } from './proposal.state';

/**
 * Every decision gives reasons; an approval with conditions gives its
 * conditions (and only it). A decision needs every assigned reviewer's
 * review (two when the budget requires a second reviewer) and, when two
 * reviews diverge, their reconciliation. Red flags and a score below the
 * passing score block an approval.
 */
export function decide(command: DecideProposal, proposal: Proposal): ProposalEvent[] {
  checkReasons(command);
  const review = currentReview(proposal);
  const score = finalScore(review);
  if (APPROVING_DECISIONS.includes(command.decision)) {
    if (review.redFlags.length)
      throw new RedFlagBlocksApprovalError(review.redFlags.map((f) => f.detail));
    if (score < review.policy.passingScore)
      throw new ReviewNotReadyError(
        `The score of ${score} is below the ${review.policy.passingScore} an approval needs`,
      );
  }
  const turnaround = workingDaysBetween(proposal.versionSubmittedAt, command.at);
  const { definition } = proposal;
  return [
    ProposalDecided.of({
      proposalId: proposal.proposalId,
      version: proposal.version,
      reviewNumber: review.reviewNumber,
      decision: command.decision,
      reasons: command.reasons,
      conditions: command.conditions,
      score,
      redFlags: review.redFlags,
      turnaroundWorkingDays: turnaround,
      withinServiceLevel: turnaround <= review.policy.serviceLevelWorkingDays,
      title: definition.title,
      department: definition.department,
      instrument: definition.financialComponent.instrument,
      channel: definition.financialComponent.channel,
      countries: definition.countries,
      amount: definition.financialComponent.amount,
      currency: definition.currency,
      budgetUsd: definition.budgetUsd,
      decidedBy: command.by,
      decidedAt: command.at,
    }),
  ];
}

function checkReasons(command: DecideProposal): void {
  if (command.reasons.length === 0)
    throw new ProposalRuleError('reasons', 'Give at least one reason for the decision');
  command.reasons.forEach((reason, i) => {
    if (!reason.trim()) throw new ProposalRuleError(`reasons.${i}`, 'A reason says something');
  });
  if (command.decision === 'approved-with-conditions') {
    if (command.conditions.length === 0)
      throw new ProposalRuleError(
        'conditions',
        'An approval with conditions states at least one condition',
      );
    command.conditions.forEach((condition, i) => {
      if (!condition.trim())
        throw new ProposalRuleError(`conditions.${i}`, 'A condition says something');
    });
  } else if (command.conditions.length)
    throw new ProposalRuleError('conditions', 'Only an approval with conditions states conditions');
}

/**
 * The score decided on: the reconciled one when two reviews diverged, the
 * mean of two that did not, or the single reviewer's. Refuses while a
 * review is missing or divergent reviews are not reconciled.
 */
export function finalScore(review: ProposalReview): number {
  if (review.secondReviewerRequired && review.reviewers.length < 2)
    throw new ReviewNotReadyError(
      `The budget is above USD ${review.policy.secondReviewerAboveUsd.toLocaleString('en-GB')}: assign a second reviewer`,
    );
  const missing = review.reviewers.filter((r) => !review.submitted[r]);
  if (missing.length)
    throw new ReviewNotReadyError(`Waiting for the review of ${missing.join(' and ')}`);
  const [first, second] = submittedReviews(review);
  if (!first) throw new ReviewNotReadyError('No review has been submitted');
  if (!second) return first.score;
  if (divergentCriteria(review.policy, first.ratings, second.ratings).length) {
    if (!review.reconciled)
      throw new ReviewNotReadyError(
        'The two reviews diverge beyond the tolerance: reconcile them first',
      );
    return review.reconciled.score;
  }
  return roundScore((first.score + second.score) / 2);
}
