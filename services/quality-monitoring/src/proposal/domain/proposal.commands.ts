import type {
  CriterionRating,
  PartnerRatios,
  ProposalDefinition,
  ProposalOrigin,
  ReviewDecision,
  ReviewPolicy,
  ToolKind,
} from '@sfp/contracts';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

/**
 * Submitting a proposal. The application has checked its partner
 * institutions against those the knowledge base published
 * (`unknownPartners` lists those it does not know, for the decider to refuse
 * with their fields).
 */
export interface SubmitProposal extends Timed {
  type: 'SubmitProposal';
  proposalId: string;
  proposal: ProposalDefinition;
  origin: ProposalOrigin;
  unknownPartners: string[];
}

export interface ResubmitProposal extends Timed {
  type: 'ResubmitProposal';
  proposal: ProposalDefinition;
  changeNote: string;
  unknownPartners: string[];
}

/**
 * Assigning the reviewers. The first assignment starts the review: the
 * application passes the policy in force (a review keeps it), the partners'
 * latest ratios to freeze, and the partners with no report; a later one
 * reassigns. Reviewers must be active users of the platform: the application
 * looks them up and lists in `unknownReviewers` those it does not know.
 */
export interface AssignReviewers extends Timed {
  type: 'AssignReviewers';
  reviewers: string[];
  unknownReviewers: string[];
  policy: ReviewPolicy;
  partnerRatios: PartnerRatios[];
  partnersWithoutReport: string[];
}

/** A reviewer saves ratings (some or all criteria) as a draft. */
export interface RateCriteria extends Timed {
  type: 'RateCriteria';
  ratings: CriterionRating[];
}

/** A reviewer submits: every criterion of the review's policy rated. */
export interface SubmitReview extends Timed {
  type: 'SubmitReview';
  ratings: CriterionRating[];
  summary: string;
}

/** Two submitted reviews reconciled into agreed ratings (every criterion). */
export interface ReconcileReviews extends Timed {
  type: 'ReconcileReviews';
  ratings: CriterionRating[];
  note: string;
}

export interface DecideProposal extends Timed {
  type: 'DecideProposal';
  decision: ReviewDecision;
  reasons: string[];
  conditions: string[];
}

export interface WithdrawProposal extends Timed {
  type: 'WithdrawProposal';
  reason: string;
}

/**
 * Accepting a suggested link. The application has computed the suggestion
 * (score and reason) from the tool as quality monitoring knows it.
 */
export interface AcceptLinkage extends Timed {
  type: 'AcceptLinkage';
  toolRef: string;
  kind: ToolKind;
  toolId: string;
  context: string;
  toolTitle: string;
  score: number;
  reason: string;
  note?: string;
}

export interface DismissLinkage extends Timed {
  type: 'DismissLinkage';
  toolRef: string;
  kind: ToolKind;
  toolId: string;
  context: string;
  reason: string;
}

export type ProposalCommand =
  | SubmitProposal
  | ResubmitProposal
  | AssignReviewers
  | RateCriteria
  | SubmitReview
  | ReconcileReviews
  | DecideProposal
  | WithdrawProposal
  | AcceptLinkage
  | DismissLinkage;
