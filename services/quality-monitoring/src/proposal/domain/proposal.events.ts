import type {
  AcceptedLinkage,
  CriterionRating,
  PartnerRatios,
  ProposalDefinition,
  ProposalOrigin,
  RaisedRedFlag,
  ReviewDecision,
  ReviewPolicy,
} from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** A proposal submitted (version 1), over HTTP, on the commands topic or from an IATI file. */
export interface ProposalSubmittedData {
  proposalId: string;
  version: 1;
  proposal: ProposalDefinition;
  origin: ProposalOrigin;
  submittedAt: string;
}
export class ProposalSubmitted extends defineEventType<ProposalSubmittedData>()({
  type: 'quality-monitoring.ProposalSubmitted',
  schemaVersion: 1,
}) {}

/** A new version after a revise-and-resubmit decision; it starts a new review. */
export interface ProposalResubmittedData {
  proposalId: string;
  /** 2, 3, … */
  version: number;
  proposal: ProposalDefinition;
  /** What the department says it changed. */
  changeNote: string;
  resubmittedBy: string;
  resubmittedAt: string;
}
export class ProposalResubmitted extends defineEventType<ProposalResubmittedData>()({
  type: 'quality-monitoring.ProposalResubmitted',
  schemaVersion: 1,
}) {}

/**
 * The review of the current version started: its reviewers (a second one
 * required above the policy's budget threshold), the policy version it keeps,
 * the partners' ratios frozen as the knowledge base last published them, and
 * the red flags the rules raised from the proposal and those ratios.
 */
export interface ReviewStartedData {
  proposalId: string;
  version: number;
  /** 1 for the first review of the proposal, +1 per resubmission. */
  reviewNumber: number;
  reviewers: string[];
  secondReviewerRequired: boolean;
  policyVersion: number;
  /** The policy in full (scale, criteria, thresholds, passing score, service level): the review keeps it. */
  policy: ReviewPolicy;
  partnerRatios: PartnerRatios[];
  /** Partners the knowledge base has published no report for yet. */
  partnersWithoutReport: string[];
  redFlags: RaisedRedFlag[];
  startedBy: string;
  startedAt: string;
}
export class ReviewStarted extends defineEventType<ReviewStartedData>()({
  type: 'quality-monitoring.ReviewStarted',
  schemaVersion: 1,
}) {}

/** Reviewers changed during a review (a second one added, one replaced). */
export interface ReviewersReassignedData {
  proposalId: string;
  reviewNumber: number;
  reviewers: string[];
  reassignedBy: string;
  reassignedAt: string;
}
export class ReviewersReassigned extends defineEventType<ReviewersReassignedData>()({
  type: 'quality-monitoring.ReviewersReassigned',
  schemaVersion: 1,
}) {}

/** A reviewer's ratings as saved so far (a draft: it can be saved again until the reviewer submits). */
export interface CriteriaRatedData {
  proposalId: string;
  reviewNumber: number;
  reviewer: string;
  ratings: CriterionRating[];
  ratedAt: string;
}
export class CriteriaRated extends defineEventType<CriteriaRatedData>()({
  type: 'quality-monitoring.CriteriaRated',
  schemaVersion: 1,
}) {}

/** A reviewer's ratings submitted: every criterion rated, the weighted score computed by the policy. */
export interface ReviewSubmittedData {
  proposalId: string;
  reviewNumber: number;
  reviewer: string;
  ratings: CriterionRating[];
  /** Weighted score, 0–100. */
  score: number;
  summary: string;
  submittedAt: string;
}
export class ReviewSubmitted extends defineEventType<ReviewSubmittedData>()({
  type: 'quality-monitoring.ReviewSubmitted',
  schemaVersion: 1,
}) {}

/**
 * Two reviewers' ratings reconciled into one set: the agreed ratings and
 * score, and the criteria on which they had differed beyond the tolerance.
 */
export interface ReviewsReconciledData {
  proposalId: string;
  reviewNumber: number;
  ratings: CriterionRating[];
  score: number;
  divergentCriteria: string[];
  note: string;
  reconciledBy: string;
  reconciledAt: string;
}
export class ReviewsReconciled extends defineEventType<ReviewsReconciledData>()({
  type: 'quality-monitoring.ReviewsReconciled',
  schemaVersion: 1,
}) {}

/** The decision on the current version, with its reasons (and conditions, for approved-with-conditions). */
export interface ProposalDecidedData {
  proposalId: string;
  version: number;
  reviewNumber: number;
  decision: ReviewDecision;
  reasons: string[];
  conditions: string[];
  /** The final score (reconciled, or the single reviewer's). */
  score: number;
  redFlags: RaisedRedFlag[];
  /** Working days from the version's submission to the decision, and whether that met the service level. */
  turnaroundWorkingDays: number;
  withinServiceLevel: boolean;
  /** Snapshot for the tools' owners and reports: what was decided on. */
  title: string;
  department: string;
  instrument: string;
  channel: string;
  countries: string[];
  amount: number;
  currency: string;
  budgetUsd: number;
  decidedBy: string;
  decidedAt: string;
}
export class ProposalDecided extends defineEventType<ProposalDecidedData>()({
  type: 'quality-monitoring.ProposalDecided',
  schemaVersion: 1,
}) {}

export interface ProposalWithdrawnData {
  proposalId: string;
  reason: string;
  withdrawnBy: string;
  withdrawnAt: string;
}
export class ProposalWithdrawn extends defineEventType<ProposalWithdrawnData>()({
  type: 'quality-monitoring.ProposalWithdrawn',
  schemaVersion: 1,
}) {}

/** A suggested link to another context's tool, accepted by a reviewer: the tool's owner shows it. */
export interface LinkageAcceptedData extends AcceptedLinkage {
  note?: string;
  acceptedBy: string;
  acceptedAt: string;
}
export class LinkageAccepted extends defineEventType<LinkageAcceptedData>()({
  type: 'quality-monitoring.LinkageAccepted',
  schemaVersion: 1,
}) {}

/** A suggestion dismissed (it is not suggested again); dismissing an accepted link removes it. */
export interface LinkageDismissedData {
  proposalId: string;
  toolRef: string;
  kind: string;
  toolId: string;
  context: string;
  /** True when the link had been accepted: its owner stops showing it. */
  wasAccepted: boolean;
  reason: string;
  dismissedBy: string;
  dismissedAt: string;
}
export class LinkageDismissed extends defineEventType<LinkageDismissedData>()({
  type: 'quality-monitoring.LinkageDismissed',
  schemaVersion: 1,
}) {}

export const PROPOSAL_EVENT_CLASSES = [
  ProposalSubmitted,
  ProposalResubmitted,
  ReviewStarted,
  ReviewersReassigned,
  CriteriaRated,
  ReviewSubmitted,
  ReviewsReconciled,
  ProposalDecided,
  ProposalWithdrawn,
  LinkageAccepted,
  LinkageDismissed,
] as const;

export type ProposalEvent =
  | EventOf<typeof ProposalSubmitted>
  | EventOf<typeof ProposalResubmitted>
  | EventOf<typeof ReviewStarted>
  | EventOf<typeof ReviewersReassigned>
  | EventOf<typeof CriteriaRated>
  | EventOf<typeof ReviewSubmitted>
  | EventOf<typeof ReviewsReconciled>
  | EventOf<typeof ProposalDecided>
  | EventOf<typeof ProposalWithdrawn>
  | EventOf<typeof LinkageAccepted>
  | EventOf<typeof LinkageDismissed>;
