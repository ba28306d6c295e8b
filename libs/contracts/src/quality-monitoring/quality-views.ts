/**
 * The quality-monitoring API's answers (GET /proposals, /proposals/{id},
 * /proposals/{id}/diff, /tools, /partners/{id}, /reports/*), as the console
 * and the analysts read them.
 */
import type { ProposalStatus } from './proposal.lifecycle';
import type { ProposalChange } from './rules/proposal-diff';
import type {
  CriterionRating,
  PartnerRatios,
  ProposalDefinition,
  ProposalOrigin,
  RaisedRedFlag,
} from './proposal';
import type {
  DeliveryChannel,
  FinancialInstrument,
  PricingPolicy,
  ReviewDecision,
  ToolKind,
} from './reference-data';

/** One proposal of the review queue: its current version, review and service level. */
export interface QualityProposalListEntry {
  proposalId: string;
  title: string;
  status: ProposalStatus;
  /** The current version (1, then +1 per resubmission). */
  version: number;
  department: string;
  instrument: FinancialInstrument;
  channel: DeliveryChannel;
  pricingPolicy: PricingPolicy;
  countries: string[];
  regions: string[];
  currency: string;
  budget: number;
  budgetUsd: number;
  /** The reviewers of the current review (none before it starts). */
  reviewers: string[];
  /** Red flags the current review raised. */
  redFlags: number;
  /** The current review's score (0–100): decided, reconciled or agreed by its submitted reviews. */
  score?: number;
  /** When the current version was submitted. */
  submittedAt: string;
  /** The service level's due date of the current version (YYYY-MM-DD). */
  dueOn: string;
  /** Working days from the current version's submission to its decision, or to today while open. */
  ageWorkingDays: number;
  /** Open, and past its due date today. */
  overdue: boolean;
  /** The current version has a decision (or the proposal was withdrawn). */
  decided: boolean;
  decision?: ReviewDecision;
  decidedAt?: string;
  /** Working days from submission to decision, and whether that met the service level. */
  turnaroundWorkingDays?: number;
  withinServiceLevel?: boolean;
  updatedAt: string;
}

/** One version of a proposal, as submitted or resubmitted. */
export interface QualityProposalVersionView {
  version: number;
  proposal: ProposalDefinition;
  submittedAt: string;
  submittedBy: string;
  /** What the department says it changed (resubmissions). */
  changeNote?: string;
}

/** One reviewer's ratings in a review: a draft until submitted. */
export interface QualityReviewerView {
  reviewer: string;
  ratings: CriterionRating[];
  /** The weighted score (0–100) of the ratings, once every criterion is rated. */
  score?: number;
  submitted: boolean;
  summary?: string;
  ratedAt?: string;
  submittedAt?: string;
}

/** A partner's ratios frozen into a review, and whether the knowledge base has published a newer report since. */
export interface QualityFrozenPartnerRatios extends PartnerRatios {
  newerReportAvailable: boolean;
  /** The latest report known, when newer than the frozen one. */
  latest?: { reportId: string; reportVersion: number; periodEnd: string; reportedAt: string };
}

export interface QualityReconciliationView {
  ratings: CriterionRating[];
  score: number;
  divergentCriteria: string[];
  note: string;
  reconciledBy: string;
  reconciledAt: string;
}

/** A decision on a version, with its reasons and conditions. */
export interface QualityDecisionView {
  version: number;
  reviewNumber: number;
  decision: ReviewDecision;
  reasons: string[];
  conditions: string[];
  score: number;
  redFlags: RaisedRedFlag[];
  turnaroundWorkingDays: number;
  withinServiceLevel: boolean;
  decidedBy: string;
  decidedAt: string;
}

/** One review of one version: reviewers, frozen ratios, red flags, ratings, reconciliation, decision. */
export interface QualityReviewView {
  reviewNumber: number;
  version: number;
  policyVersion: number;
  reviewers: string[];
  secondReviewerRequired: boolean;
  partnerRatios: QualityFrozenPartnerRatios[];
  partnersWithoutReport: string[];
  redFlags: RaisedRedFlag[];
  reviews: QualityReviewerView[];
  reconciliation?: QualityReconciliationView;
  /** Decided, reconciled, or the mean of the submitted reviews once all are in. */
  score?: number;
  decision?: QualityDecisionView;
  startedBy: string;
  startedAt: string;
}

/** A suggestion a reviewer accepted or dismissed. */
export interface QualityLinkageView {
  toolRef: string;
  kind: ToolKind;
  toolId: string;
  context: string;
  toolTitle: string;
  state: 'accepted' | 'dismissed';
  score?: number;
  reason?: string;
  note?: string;
  /** Why it was dismissed. */
  dismissReason?: string;
  by: string;
  at: string;
}

/** The service level of the current version: due date and working days elapsed (as of today, or to its decision). */
export interface QualityServiceLevel {
  workingDays: number;
  submittedAt: string;
  dueOn: string;
  workingDaysElapsed: number;
  overdue: boolean;
  /** Decided: whether within the service level. */
  met?: boolean;
}

/** GET /proposals/{id}: everything about a proposal. */
export interface QualityProposalDetail {
  proposalId: string;
  /** Stream version (the ETag). */
  streamVersion: number;
  status: ProposalStatus;
  /** The current version's number and definition. */
  version: number;
  proposal: ProposalDefinition;
  origin: ProposalOrigin;
  versions: QualityProposalVersionView[];
  /** Every review, oldest first; the last is the current version's when it has started. */
  reviews: QualityReviewView[];
  decisions: QualityDecisionView[];
  linkages: QualityLinkageView[];
  serviceLevel: QualityServiceLevel;
  withdrawal?: { reason: string; withdrawnBy: string; withdrawnAt: string };
  submittedAt: string;
  updatedAt: string;
}

/** GET /proposals/{id}/diff: what changed, with the earlier version's review comments by criterion. */
export interface QualityProposalDiff {
  proposalId: string;
  from: number;
  to: number;
  changes: ProposalChange[];
  /** The review of version `from` (the one that asked for the revision), if it had one. */
  previousReview?: {
    reviewNumber: number;
    decision?: ReviewDecision;
    reasons: string[];
    conditions: string[];
    comments: Array<{ criterion: string; reviewer: string; rating: number; comment: string }>;
    summaries: Array<{ reviewer: string; summary: string }>;
  };
}

/** GET /partners/{institutionId}: what quality monitoring knows of a partner. */
export interface QualityPartnerView {
  institutionId: string;
  name?: string;
  country?: string;
  status?: string;
  /** The latest ratios the knowledge base published. */
  ratios?: PartnerRatios;
  updatedAt: string;
}

/** One row of a count by department or instrument of the approval rates. */
export interface QualityApprovalRate {
  key: string;
  decided: number;
  approved: number;
  approvedWithConditions: number;
  reviseAndResubmit: number;
  rejected: number;
  /** (approved + approved with conditions) / decided, a fraction; null when none decided. */
  approvalRate: number | null;
}

export interface QualityApprovalRates {
  decided: number;
  overall: QualityApprovalRate;
  byDepartment: QualityApprovalRate[];
  byInstrument: QualityApprovalRate[];
}

/** One decision of the turnaround report. */
export interface QualityTurnaroundEntry {
  proposalId: string;
  title: string;
  version: number;
  department: string;
  decision: ReviewDecision;
  turnaroundWorkingDays: number;
  withinServiceLevel: boolean;
  decidedAt: string;
}

export interface QualityTurnaroundSummary {
  decisions: number;
  medianWorkingDays: number | null;
  /** Share of decisions within the service level, a fraction; null when none. */
  withinServiceLevelRate: number | null;
  byDepartment: Array<{
    department: string;
    decisions: number;
    medianWorkingDays: number | null;
    withinServiceLevelRate: number | null;
  }>;
  entries: QualityTurnaroundEntry[];
}

export interface QualityDeficiencyCount {
  key: string;
  decisions: number;
  /** Of the decisions counted, a fraction. */
  share: number;
}

/** GET /reports/deficiencies: the criteria rated in the bottom half of the scale, and the red flags, most frequent first. */
export interface QualityDeficiencies {
  decisions: number;
  criteria: QualityDeficiencyCount[];
  redFlags: QualityDeficiencyCount[];
}

export interface QualityPortfolioCount {
  key: string;
  proposals: number;
  amountUsd: number;
}

/** GET /reports/portfolio: approved financial components, amounts in USD. */
export interface QualityPortfolioSummary {
  proposals: number;
  amountUsd: number;
  byInstrument: QualityPortfolioCount[];
  byChannel: QualityPortfolioCount[];
  byRegion: QualityPortfolioCount[];
}

export interface QualityLinkageNode {
  id: string;
  type: 'proposal' | 'tool';
  label: string;
  /** Tools: their kind and context. */
  kind?: ToolKind;
  context?: string;
}

export interface QualityLinkageEdge {
  proposalId: string;
  toolRef: string;
  score: number;
  reason: string;
  acceptedBy: string;
  acceptedAt: string;
}

/** GET /reports/linkage-map: the accepted links as a graph. */
export interface QualityLinkageMap {
  nodes: QualityLinkageNode[];
  edges: QualityLinkageEdge[];
}
