import {
  regionsOfCountries,
  roundScore,
  weightedScore,
  type CriterionRating,
  type PartnerRatios,
  type QualityDecisionView,
  type QualityLinkageView,
  type QualityProposalDetail,
  type QualityReviewerView,
  type QualityReviewView,
  type ReviewPolicy,
} from '@sfp/contracts';
import type { ProposalEvent } from '../domain/proposal.events';

/**
 * A proposal as the views keep it: the detail without what is computed at
 * query time (the newer partner reports, the service level as of today),
 * and the service level's working days of the current version.
 */
export interface StoredQualityReview extends Omit<QualityReviewView, 'partnerRatios'> {
  /** As frozen when the review started. */
  partnerRatios: PartnerRatios[];
  /** The scale and weights the review keeps (its policy's), to score the drafts. */
  scoring: Pick<ReviewPolicy, 'scale' | 'criteria'>;
  serviceLevelWorkingDays: number;
}

export interface StoredQualityProposal
  extends Omit<QualityProposalDetail, 'reviews' | 'serviceLevel'> {
  reviews: StoredQualityReview[];
  /** The service level of the current version (its review's policy, or the policy in force before a review). */
  serviceLevelWorkingDays: number;
}

/** The mean of the submitted reviews' scores, once every reviewer has submitted. */
function agreedScore(reviews: readonly QualityReviewerView[]): number | undefined {
  if (reviews.length === 0 || reviews.some((r) => !r.submitted || r.score === undefined)) {
    return undefined;
  }
  const sum = reviews.reduce((s, r) => s + (r.score ?? 0), 0);
  return roundScore(sum / reviews.length);
}

/** The review's score: decided, reconciled, or agreed by its submitted reviews. */
export function reviewScoreOf(review: StoredQualityReview): number | undefined {
  return review.decision?.score ?? review.reconciliation?.score ?? agreedScore(review.reviews);
}

const withScore = (review: StoredQualityReview): StoredQualityReview => {
  const { score: _old, ...rest } = review;
  const score = reviewScoreOf(rest);
  return score === undefined ? rest : { ...rest, score };
};

function reviewerOf(review: StoredQualityReview, reviewer: string): QualityReviewerView {
  return (
    review.reviews.find((r) => r.reviewer === reviewer) ?? {
      reviewer,
      ratings: [],
      submitted: false,
    }
  );
}

function withReviewer(review: StoredQualityReview, next: QualityReviewerView): StoredQualityReview {
  const known = review.reviews.some((r) => r.reviewer === next.reviewer);
  return withScore({
    ...review,
    reviews: known
      ? review.reviews.map((r) => (r.reviewer === next.reviewer ? next : r))
      : [...review.reviews, next],
  });
}

function scored(
  policy: Pick<ReviewPolicy, 'scale' | 'criteria'>,
  ratings: CriterionRating[],
): { score?: number } {
  const score = weightedScore(policy, ratings);
  return score === undefined ? {} : { score };
}

/** The review `reviewNumber`, changed by `change`. */
function inReview(
  proposal: StoredQualityProposal,
  reviewNumber: number,
  change: (review: StoredQualityReview) => StoredQualityReview,
): StoredQualityProposal {
  return {
    ...proposal,
    reviews: proposal.reviews.map((r) => (r.reviewNumber === reviewNumber ? change(r) : r)),
  };
}

function linkage(proposal: StoredQualityProposal, next: QualityLinkageView): StoredQualityProposal {
  return {
    ...proposal,
    linkages: [...proposal.linkages.filter((l) => l.toolRef !== next.toolRef), next],
  };
}

/** The time an event happened, as its data says. */
export function occurredAtOf(event: ProposalEvent): string {
  const d = event.data as unknown as Record<string, unknown>;
  const key = Object.keys(d).find((k) => k.endsWith('At') && typeof d[k] === 'string');
  return key ? String(d[key]) : '';
}

/**
 * The proposal after one event (pure; undefined: nothing to write).
 * `streamVersion` is the version the event made; `inForce` is the review
 * policy in force, whose service level a version has until its review starts
 * (a review keeps the policy ReviewStarted carries).
 */
export function evolveQualityProposal(
  current: StoredQualityProposal | undefined,
  event: ProposalEvent,
  streamVersion: number,
  inForce: ReviewPolicy,
): StoredQualityProposal | undefined {
  if (event.type === 'quality-monitoring.ProposalSubmitted') {
    const d = event.data;
    return {
      proposalId: d.proposalId,
      streamVersion,
      status: 'submitted',
      version: 1,
      proposal: d.proposal,
      origin: d.origin,
      versions: [
        {
          version: 1,
          proposal: d.proposal,
          submittedAt: d.submittedAt,
          submittedBy: d.origin.submittedBy,
        },
      ],
      reviews: [],
      decisions: [],
      linkages: [],
      serviceLevelWorkingDays: inForce.serviceLevelWorkingDays,
      submittedAt: d.submittedAt,
      updatedAt: d.submittedAt,
    };
  }
  if (!current) return undefined;
  const next: StoredQualityProposal = {
    ...current,
    streamVersion,
    updatedAt: occurredAtOf(event),
  };
  switch (event.type) {
    case 'quality-monitoring.ProposalResubmitted': {
      const d = event.data;
      return {
        ...next,
        status: 'submitted',
        version: d.version,
        proposal: d.proposal,
        versions: [
          ...current.versions,
          {
            version: d.version,
            proposal: d.proposal,
            submittedAt: d.resubmittedAt,
            submittedBy: d.resubmittedBy,
            changeNote: d.changeNote,
          },
        ],
        serviceLevelWorkingDays: inForce.serviceLevelWorkingDays,
        submittedAt: d.resubmittedAt,
      };
    }
    case 'quality-monitoring.ReviewStarted': {
      const d = event.data;
      return {
        ...next,
        status: 'under-review',
        serviceLevelWorkingDays: d.policy.serviceLevelWorkingDays,
        reviews: [
          ...current.reviews,
          {
            reviewNumber: d.reviewNumber,
            version: d.version,
            policyVersion: d.policyVersion,
            reviewers: d.reviewers,
            secondReviewerRequired: d.secondReviewerRequired,
            partnerRatios: d.partnerRatios,
            partnersWithoutReport: d.partnersWithoutReport,
            redFlags: d.redFlags,
            reviews: [],
            scoring: { scale: d.policy.scale, criteria: d.policy.criteria },
            serviceLevelWorkingDays: d.policy.serviceLevelWorkingDays,
            startedBy: d.startedBy,
            startedAt: d.startedAt,
          },
        ],
      };
    }
    case 'quality-monitoring.ReviewersReassigned':
      return inReview(next, event.data.reviewNumber, (r) => ({
        ...r,
        reviewers: event.data.reviewers,
      }));
    case 'quality-monitoring.CriteriaRated': {
      const d = event.data;
      return inReview(next, d.reviewNumber, (r) => {
        const { score: _old, ...was } = reviewerOf(r, d.reviewer);
        return withReviewer(r, {
          ...was,
          ratings: d.ratings,
          ...scored(r.scoring, d.ratings),
          ratedAt: d.ratedAt,
        });
      });
    }
    case 'quality-monitoring.ReviewSubmitted': {
      const d = event.data;
      return inReview(next, d.reviewNumber, (r) =>
        withReviewer(r, {
          ...reviewerOf(r, d.reviewer),
          ratings: d.ratings,
          score: d.score,
          submitted: true,
          summary: d.summary,
          submittedAt: d.submittedAt,
        }),
      );
    }
    case 'quality-monitoring.ReviewsReconciled': {
      const d = event.data;
      return inReview(next, d.reviewNumber, (r) =>
        withScore({
          ...r,
          reconciliation: {
            ratings: d.ratings,
            score: d.score,
            divergentCriteria: d.divergentCriteria,
            note: d.note,
            reconciledBy: d.reconciledBy,
            reconciledAt: d.reconciledAt,
          },
        }),
      );
    }
    case 'quality-monitoring.ProposalDecided': {
      const d = event.data;
      const decision: QualityDecisionView = {
        version: d.version,
        reviewNumber: d.reviewNumber,
        decision: d.decision,
        reasons: d.reasons,
        conditions: d.conditions,
        score: d.score,
        redFlags: d.redFlags,
        turnaroundWorkingDays: d.turnaroundWorkingDays,
        withinServiceLevel: d.withinServiceLevel,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
      };
      return {
        ...inReview(next, d.reviewNumber, (r) => withScore({ ...r, decision })),
        status: d.decision,
        decisions: [...current.decisions, decision],
      };
    }
    case 'quality-monitoring.ProposalWithdrawn':
      return {
        ...next,
        status: 'withdrawn',
        withdrawal: {
          reason: event.data.reason,
          withdrawnBy: event.data.withdrawnBy,
          withdrawnAt: event.data.withdrawnAt,
        },
      };
    case 'quality-monitoring.LinkageAccepted': {
      const d = event.data;
      return linkage(next, {
        toolRef: d.toolRef,
        kind: d.kind,
        toolId: d.toolId,
        context: d.context,
        toolTitle: d.toolTitle,
        state: 'accepted',
        score: d.score,
        reason: d.reason,
        ...(d.note ? { note: d.note } : {}),
        by: d.acceptedBy,
        at: d.acceptedAt,
      });
    }
    case 'quality-monitoring.LinkageDismissed': {
      const d = event.data;
      const was = current.linkages.find((l) => l.toolRef === d.toolRef);
      return linkage(next, {
        toolRef: d.toolRef,
        kind: d.kind as QualityLinkageView['kind'],
        toolId: d.toolId,
        context: d.context,
        toolTitle: was?.toolTitle ?? d.toolRef,
        state: 'dismissed',
        ...(was?.score !== undefined ? { score: was.score } : {}),
        ...(was?.reason ? { reason: was.reason } : {}),
        dismissReason: d.reason,
        by: d.dismissedBy,
        at: d.dismissedAt,
      });
    }
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled proposal event ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The review of the current version, when it has started. */
export function currentReviewOf(proposal: StoredQualityProposal): StoredQualityReview | undefined {
  const last = proposal.reviews.at(-1);
  return last && last.version === proposal.version ? last : undefined;
}

/** The regions of a proposal's countries. */
export const regionsOfProposal = (proposal: StoredQualityProposal): string[] =>
  regionsOfCountries(proposal.proposal.countries);
