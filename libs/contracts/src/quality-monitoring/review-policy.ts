import type { ReviewCriterion } from './reference-data';

/** A criterion of the checklist with its weight (weights need not sum to anything: the score normalises). */
export interface WeightedCriterion {
  criterion: ReviewCriterion;
  weight: number;
  /** What the reviewer looks at (shown beside the rating). */
  guidance: string;
}

/** The thresholds of the red flags: configurable, versioned with the checklist. */
export interface RedFlagThresholds {
  /** A partner with PAR30 above this fraction is a red flag (0.1 = 10 %). */
  par30Max: number;
  /** A partner with operational self-sufficiency below this fraction is a red flag (1 = 100 %). */
  ossMin: number;
  /** A capped interest rate below this annual fraction prevents cost recovery. */
  minimumCostRecoveryRate: number;
}

/**
 * The review policy: the checklist, its scale and weights, the red-flag
 * thresholds, the budget above which a second reviewer is required, the
 * score an approval needs and the service level of a review. Versioned
 * reference data: an operator publishes a new version; a review keeps the
 * version it started with.
 */
export interface ReviewPolicy {
  version: number;
  /** The rating scale of each criterion, e.g. 1–5. */
  scale: { min: number; max: number };
  criteria: WeightedCriterion[];
  thresholds: RedFlagThresholds;
  /** Above this budget (in USD equivalent) a second reviewer is required. */
  secondReviewerAboveUsd: number;
  /** Two reviewers' ratings of one criterion further apart than this need reconciling. */
  reconciliationTolerance: number;
  /** The weighted score (0–100) at or above which a proposal may be approved. */
  passingScore: number;
  /** A review should be decided within this many working days (Monday–Friday) of submission. */
  serviceLevelWorkingDays: number;
  publishedAt: string;
  publishedBy: string;
  note?: string;
}

/** What an operator sends to publish a new version (the version number and dates are the service's). */
export type ReviewPolicyDraft = Omit<ReviewPolicy, 'version' | 'publishedAt' | 'publishedBy'>;

/** Version 1: in force until an operator publishes another. */
export const DEFAULT_REVIEW_POLICY: ReviewPolicyDraft = {
  scale: { min: 1, max: 5 },
  criteria: [
    {
      criterion: 'decent-work-relevance',
      weight: 15,
      guidance:
        'Demand and market analysis; existing providers; is finance the right tool for the decent-work deficit?',
    },
    {
      criterion: 'channel',
      weight: 12,
      guidance:
        'Delivered through a specialised financial provider; no direct lending or revolving fund inside a social project.',
    },
    {
      criterion: 'pricing-and-cost-recovery',
      weight: 12,
      guidance:
        'Prices that let the provider recover its costs; no interest-rate subsidies or caps that prevent it.',
    },
    {
      criterion: 'partner-appraisal',
      weight: 12,
      guidance:
        'PAR30 trend, OSS or adjusted ROA, operating expense ratio and outreach; audited statements and ratings.',
    },
    {
      criterion: 'instrument-fit',
      weight: 10,
      guidance: 'Grant, loan, guarantee or equity fits the gap without distorting the market.',
    },
    {
      criterion: 'performance-based-agreement',
      weight: 8,
      guidance: 'An agreement with the partner with targets and tranches released on performance.',
    },
    {
      criterion: 'monitoring-plan',
      weight: 10,
      guidance:
        'A logical framework with baseline, targets, reporting frequency, client protection and sex-disaggregated data.',
    },
    {
      criterion: 'constituent-involvement',
      weight: 7,
      guidance:
        "Governments, employers' and workers' organisations involved in design and governance.",
    },
    {
      criterion: 'gender',
      weight: 7,
      guidance: 'Gender outcomes, targets for women clients and sex-disaggregated reporting.',
    },
    {
      criterion: 'exit-strategy',
      weight: 7,
      guidance: 'How the funds and the service continue or wind down when the project ends.',
    },
  ],
  thresholds: { par30Max: 0.1, ossMin: 1, minimumCostRecoveryRate: 0.24 },
  secondReviewerAboveUsd: 1_000_000,
  reconciliationTolerance: 1,
  passingScore: 60,
  serviceLevelWorkingDays: 15,
};
