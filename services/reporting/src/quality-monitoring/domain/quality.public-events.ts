import { payloadShapeProblems, type PayloadShapes } from '../../consumption/payload-shape';
import type { ShapeProblem } from '../../registry/reporting-plugin';

/**
 * The quality-monitoring context's public events as reporting reads them
 * (see services/quality-monitoring, proposal.events.ts): type names and the
 * payload fields reporting uses. Reporting does not import the service's
 * code; a payload that lacks these fields is refused at consumption (dead
 * letter), so the views can rely on them. Reviewers' and deciders' names are
 * never read.
 */
export const QUALITY_SOURCE = 'quality-monitoring';

export const QUALITY_EVENT_TYPES = {
  proposalSubmitted: 'quality-monitoring.ProposalSubmitted',
  proposalResubmitted: 'quality-monitoring.ProposalResubmitted',
  reviewStarted: 'quality-monitoring.ReviewStarted',
  reviewSubmitted: 'quality-monitoring.ReviewSubmitted',
  reviewsReconciled: 'quality-monitoring.ReviewsReconciled',
  proposalDecided: 'quality-monitoring.ProposalDecided',
  proposalWithdrawn: 'quality-monitoring.ProposalWithdrawn',
  linkageAccepted: 'quality-monitoring.LinkageAccepted',
  linkageDismissed: 'quality-monitoring.LinkageDismissed',
} as const;

const Q = QUALITY_EVENT_TYPES;

/** The proposal definition as reporting reads it (ProposalDefinition, in part). */
export interface ProposalShape {
  title: string;
  department: string;
  countries: string[];
  currency: string;
  budget: number;
  budgetUsd: number;
  financialComponent: {
    instrument: string;
    channel: string;
    pricingPolicy: string;
    amount: number;
  };
}

/** A criterion's rating (CriterionRating, without the comment). */
export interface RatingShape {
  criterion: string;
  rating: number;
}

/** The review policy a review keeps, as reporting reads it (its scale). */
export interface PolicyShape {
  scale: { min: number; max: number };
}

/** The top-level fields reporting reads from each event's data, and their shape. */
const SHAPES: PayloadShapes = {
  [Q.proposalSubmitted]: {
    proposalId: 'string',
    version: 'number',
    proposal: 'object',
    submittedAt: 'string',
  },
  [Q.proposalResubmitted]: {
    proposalId: 'string',
    version: 'number',
    proposal: 'object',
    resubmittedAt: 'string',
  },
  [Q.reviewStarted]: {
    proposalId: 'string',
    version: 'number',
    reviewNumber: 'number',
    policy: 'object',
    startedAt: 'string',
  },
  [Q.reviewSubmitted]: { proposalId: 'string', reviewNumber: 'number', submittedAt: 'string' },
  [Q.reviewsReconciled]: {
    proposalId: 'string',
    reviewNumber: 'number',
    score: 'number',
    reconciledAt: 'string',
  },
  [Q.proposalDecided]: {
    proposalId: 'string',
    version: 'number',
    reviewNumber: 'number',
    decision: 'string',
    score: 'number',
    turnaroundWorkingDays: 'number',
    department: 'string',
    instrument: 'string',
    channel: 'string',
    countries: 'string[]',
    currency: 'string',
    amount: 'number',
    budgetUsd: 'number',
    decidedAt: 'string',
  },
  [Q.proposalWithdrawn]: { proposalId: 'string', withdrawnAt: 'string' },
  [Q.linkageAccepted]: {
    proposalId: 'string',
    toolRef: 'string',
    kind: 'string',
    context: 'string',
    toolTitle: 'string',
    score: 'number',
    acceptedAt: 'string',
  },
  [Q.linkageDismissed]: {
    proposalId: 'string',
    toolRef: 'string',
    kind: 'string',
    context: 'string',
    dismissedAt: 'string',
  },
};

/** Problems of a quality-monitoring event's payload ([] when reporting can use it). */
export function qualityShapeProblems(type: string, data: unknown): ShapeProblem[] {
  const problems = payloadShapeProblems(SHAPES, type, data, /At$/);
  if (problems.length > 0) return problems;
  const d = data as Record<string, unknown>;
  if ((type === Q.reviewSubmitted || type === Q.reviewsReconciled) && !Array.isArray(d['ratings']))
    return [{ field: 'data.ratings', messages: ['must be an array'] }];
  if (type === Q.proposalDecided && !Array.isArray(d['redFlags']))
    return [{ field: 'data.redFlags', messages: ['must be an array'] }];
  if (type !== Q.proposalSubmitted && type !== Q.proposalResubmitted) return [];
  const proposal = d['proposal'] as Record<string, unknown>;
  return payloadShapeProblems(
    {
      proposal: {
        title: 'string',
        department: 'string',
        countries: 'string[]',
        currency: 'string',
        budget: 'number',
        budgetUsd: 'number',
        financialComponent: 'object',
      },
    },
    'proposal',
    proposal,
  ).map((p) => ({ ...p, field: p.field.replace(/^data\./, 'data.proposal.') }));
}
