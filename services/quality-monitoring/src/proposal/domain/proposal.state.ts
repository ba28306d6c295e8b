/** The proposal decider's state, its lookups, and evolveProposal (state from events). */
import type {
  CriterionRating,
  PartnerRatios,
  ProposalDefinition,
  ProposalOrigin,
  ProposalStatus,
  RaisedRedFlag,
  ReviewDecision,
  ReviewPolicy,
} from '@sfp/contracts';
import type { ProposalEvent } from './proposal.events';

/** One reviewer's ratings and score once submitted. */
export interface SubmittedReview {
  ratings: CriterionRating[];
  score: number;
  summary: string;
}

/** The review of the current version: from ReviewStarted until the next version. */
export interface ProposalReview {
  reviewNumber: number;
  version: number;
  reviewers: string[];
  secondReviewerRequired: boolean;
  policy: ReviewPolicy;
  partnerRatios: PartnerRatios[];
  redFlags: RaisedRedFlag[];
  /** Each reviewer's draft ratings, by username. */
  drafts: Record<string, CriterionRating[]>;
  /** Each reviewer's submitted review, by username. */
  submitted: Record<string, SubmittedReview>;
  reconciled?: { ratings: CriterionRating[]; score: number };
}

export interface Proposal {
  status: ProposalStatus;
  proposalId: string;
  /** The current version: 1, then +1 per resubmission. */
  version: number;
  definition: ProposalDefinition;
  origin: ProposalOrigin;
  /** When the current version was submitted (its service level counts from it). */
  versionSubmittedAt: string;
  /** The number of the latest review (0 before the first). */
  reviewNumber: number;
  /** The current version's review, once its reviewers are assigned. */
  review?: ProposalReview;
  lastDecision?: { decision: ReviewDecision; version: number; score: number };
  /** What reviewers did with suggested tools, by toolRef. */
  linkages: Record<string, 'accepted' | 'dismissed'>;
}

/** No proposal yet (`none`), or the proposal. */
export type ProposalState = { status: 'none' } | Proposal;

export const initialProposalState = (): ProposalState => ({ status: 'none' });

/** The proposal's status, or undefined when the stream holds none. */
export function statusOfProposal(state: ProposalState): ProposalStatus | undefined {
  return state.status === 'none' ? undefined : state.status;
}

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'quality-monitoring.ProposalSubmitted') {
    return {
      status: 'submitted',
      proposalId: event.data.proposalId,
      version: event.data.version,
      definition: event.data.proposal,
      origin: event.data.origin,
      versionSubmittedAt: event.data.submittedAt,
      reviewNumber: 0,
      linkages: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'quality-monitoring.ProposalResubmitted': {
      const { review: _previous, ...rest } = state;
      return {
        ...rest,
        status: 'submitted',
        version: event.data.version,
        definition: event.data.proposal,
        versionSubmittedAt: event.data.resubmittedAt,
      };
    }
    case 'quality-monitoring.ReviewStarted':
      return {
        ...state,
        status: 'under-review',
        reviewNumber: event.data.reviewNumber,
        review: {
          reviewNumber: event.data.reviewNumber,
          version: event.data.version,
          reviewers: event.data.reviewers,
          secondReviewerRequired: event.data.secondReviewerRequired,
          policy: event.data.policy,
          partnerRatios: event.data.partnerRatios,
          redFlags: event.data.redFlags,
          drafts: {},
          submitted: {},
        },
      };
    case 'quality-monitoring.ReviewersReassigned':
      return withReview(state, (review) => {
        // A reconciliation agreed between other reviewers no longer holds.
        const { reconciled: _stale, ...rest } = review;
        return { ...rest, reviewers: event.data.reviewers };
      });
    case 'quality-monitoring.CriteriaRated':
      return withReview(state, (review) => ({
        ...review,
        drafts: { ...review.drafts, [event.data.reviewer]: event.data.ratings },
      }));
    case 'quality-monitoring.ReviewSubmitted':
      return withReview(state, (review) => ({
        ...review,
        submitted: {
          ...review.submitted,
          [event.data.reviewer]: {
            ratings: event.data.ratings,
            score: event.data.score,
            summary: event.data.summary,
          },
        },
      }));
    case 'quality-monitoring.ReviewsReconciled':
      return withReview(state, (review) => ({
        ...review,
        reconciled: { ratings: event.data.ratings, score: event.data.score },
      }));
    case 'quality-monitoring.ProposalDecided':
      return {
        ...state,
        status: event.data.decision,
        lastDecision: {
          decision: event.data.decision,
          version: event.data.version,
          score: event.data.score,
        },
      };
    case 'quality-monitoring.ProposalWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'quality-monitoring.LinkageAccepted':
      return { ...state, linkages: { ...state.linkages, [event.data.toolRef]: 'accepted' } };
    case 'quality-monitoring.LinkageDismissed':
      return { ...state, linkages: { ...state.linkages, [event.data.toolRef]: 'dismissed' } };
    default:
      return assertNever(event);
  }
}

function withReview(state: Proposal, change: (review: ProposalReview) => ProposalReview): Proposal {
  return state.review ? { ...state, review: change(state.review) } : state;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
