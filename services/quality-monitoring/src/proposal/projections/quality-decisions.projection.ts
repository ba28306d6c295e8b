import {
  regionsOfCountries,
  type CriterionRating,
  type RedFlag,
  type ReviewDecision,
  type ReviewPolicy,
} from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { defineProjection, type ReadModelFields, type ViewWriter } from '@sfp/projections';
import type { ProposalEvent } from '../domain/proposal.events';

export const QUALITY_DECISIONS_PROJECTION = 'quality-decisions';

/** One decision: what was decided on, how fast, its red flags and deficiencies. */
export interface DecisionDoc {
  docType: 'decision';
  proposalId: string;
  version: number;
  reviewNumber: number;
  decision: ReviewDecision;
  approved: boolean;
  title: string;
  department: string;
  instrument: string;
  channel: string;
  countries: string[];
  regions: string[];
  amount: number;
  currency: string;
  budgetUsd: number;
  score: number;
  redFlags: RedFlag[];
  redFlagCount: number;
  /** Criteria rated in the bottom half of the scale (reconciled ratings, or the reviewers' mean). */
  deficiencies: string[];
  turnaroundWorkingDays: number;
  withinServiceLevel: boolean;
  decidedAt: string;
}

/** The ratings of a proposal's current review, kept until its decision. */
export interface ReviewRatingsDoc {
  docType: 'review';
  reviewNumber: number;
  /** The scale and criteria of the review's policy. */
  scoring: Pick<ReviewPolicy, 'scale' | 'criteria'>;
  submitted: Record<string, CriterionRating[]>;
  reconciled?: CriterionRating[];
}

export type QualityDecisionsDoc = DecisionDoc | ReviewRatingsDoc;

export const decisionKey = (proposalId: string, reviewNumber: number) =>
  `${proposalId}:${reviewNumber}`;
const reviewKey = (proposalId: string) => `review:${proposalId}`;

const fields: ReadModelFields = {
  docType: 'string',
  decision: 'string',
  approved: 'boolean',
  department: 'string',
  instrument: 'string',
  decidedAt: 'string',
};

/** Each criterion's final rating: reconciled, or the mean of the submitted reviews. */
export function finalRatingsOf(review: ReviewRatingsDoc): Map<string, number> {
  if (review.reconciled) return new Map(review.reconciled.map((r) => [r.criterion, r.rating]));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const ratings of Object.values(review.submitted)) {
    for (const r of ratings) {
      const s = sums.get(r.criterion) ?? { sum: 0, n: 0 };
      sums.set(r.criterion, { sum: s.sum + r.rating, n: s.n + 1 });
    }
  }
  return new Map([...sums.entries()].map(([c, s]) => [c, s.sum / s.n]));
}

/** The criteria rated in the bottom half of the policy's scale (below its midpoint), in the checklist's order. */
export function deficienciesOf(
  policy: Pick<ReviewPolicy, 'scale' | 'criteria'>,
  ratings: Map<string, number>,
): string[] {
  const midpoint = (policy.scale.min + policy.scale.max) / 2;
  return policy.criteria
    .map((c) => c.criterion)
    .filter((c) => {
      const rating = ratings.get(c);
      return rating !== undefined && rating < midpoint;
    });
}

const APPROVING: readonly string[] = ['approved', 'approved-with-conditions'];

async function onProposalEvent(recorded: RecordedEvent, view: ViewWriter<QualityDecisionsDoc>) {
  const event = { type: recorded.type, data: recorded.data } as ProposalEvent;
  const key = reviewKey(event.data.proposalId);
  switch (event.type) {
    case 'quality-monitoring.ReviewStarted':
      await view.upsert(key, {
        docType: 'review',
        reviewNumber: event.data.reviewNumber,
        scoring: { scale: event.data.policy.scale, criteria: event.data.policy.criteria },
        submitted: {},
      });
      return;
    case 'quality-monitoring.ReviewSubmitted': {
      const d = event.data;
      await view.update(key, (current) =>
        current?.docType === 'review' && current.reviewNumber === d.reviewNumber
          ? { ...current, submitted: { ...current.submitted, [d.reviewer]: d.ratings } }
          : undefined,
      );
      return;
    }
    case 'quality-monitoring.ReviewsReconciled': {
      const d = event.data;
      await view.update(key, (current) =>
        current?.docType === 'review' && current.reviewNumber === d.reviewNumber
          ? { ...current, reconciled: d.ratings }
          : undefined,
      );
      return;
    }
    case 'quality-monitoring.ProposalDecided': {
      const d = event.data;
      const review = (await view.get(key)) as ReviewRatingsDoc | undefined;
      await view.upsert(decisionKey(d.proposalId, d.reviewNumber), {
        docType: 'decision',
        proposalId: d.proposalId,
        version: d.version,
        reviewNumber: d.reviewNumber,
        decision: d.decision,
        approved: APPROVING.includes(d.decision),
        title: d.title,
        department: d.department,
        instrument: d.instrument,
        channel: d.channel,
        countries: d.countries,
        regions: regionsOfCountries(d.countries),
        amount: d.amount,
        currency: d.currency,
        budgetUsd: d.budgetUsd,
        score: d.score,
        redFlags: [...new Set(d.redFlags.map((f) => f.flag))],
        redFlagCount: d.redFlags.length,
        deficiencies: review ? deficienciesOf(review.scoring, finalRatingsOf(review)) : [],
        turnaroundWorkingDays: d.turnaroundWorkingDays,
        withinServiceLevel: d.withinServiceLevel,
        decidedAt: d.decidedAt,
      });
      return;
    }
    default:
      return;
  }
}

/**
 * One document per decision (id `<proposalId>:<reviewNumber>`), for the
 * turnaround, approval-rate and deficiency reports; the ratings of each
 * proposal's open review (with its policy's scale) are kept beside them.
 */
export const qualityDecisionsProjection = defineProjection<QualityDecisionsDoc>({
  name: QUALITY_DECISIONS_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'quality-monitoring.ReviewStarted': onProposalEvent,
    'quality-monitoring.ReviewSubmitted': onProposalEvent,
    'quality-monitoring.ReviewsReconciled': onProposalEvent,
    'quality-monitoring.ProposalDecided': onProposalEvent,
  },
});
