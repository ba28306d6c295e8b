import { regionsOfCountries } from '@sfp/contracts';
import {
  QUALITY_EVENT_TYPES as Q,
  type PolicyShape,
  type ProposalShape,
  type RatingShape,
} from './quality.public-events';

/** A quality-monitoring event as a view evolves it. */
export interface QualityEvent {
  type: string;
  data: Record<string, unknown>;
}

const APPROVING = ['approved', 'approved-with-conditions'];

/** One document per proposal: its current version, status and outcome. */
export interface QualityProposalFacts {
  proposalId: string;
  title: string;
  department: string;
  instrument: string;
  channel: string;
  pricingPolicy: string;
  countries: string[];
  regions: string[];
  currency: string;
  budget: number;
  budgetUsd: number;
  version: number;
  status: string;
  submittedAt: string;
  versionSubmittedAt: string;
  reviews: number;
  /** Red flags raised by the latest review. */
  redFlags: number;
  decision: string | null;
  decidedAt: string | null;
  withdrawnAt: string | null;
  linkagesAccepted: number;
}

const definitionOf = (p: ProposalShape) => ({
  title: p.title,
  department: p.department,
  instrument: p.financialComponent.instrument,
  channel: p.financialComponent.channel,
  pricingPolicy: p.financialComponent.pricingPolicy,
  countries: [...p.countries],
  regions: regionsOfCountries(p.countries),
  currency: p.currency,
  budget: p.budget,
  budgetUsd: p.budgetUsd,
});

export function evolveQualityProposalFacts(
  current: QualityProposalFacts | undefined,
  event: QualityEvent,
): QualityProposalFacts | undefined {
  const d = event.data;
  if (event.type === Q.proposalSubmitted) {
    const at = String(d['submittedAt']);
    return {
      proposalId: String(d['proposalId']),
      ...definitionOf(d['proposal'] as ProposalShape),
      version: 1,
      status: 'submitted',
      submittedAt: at,
      versionSubmittedAt: at,
      reviews: 0,
      redFlags: 0,
      decision: null,
      decidedAt: null,
      withdrawnAt: null,
      linkagesAccepted: 0,
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case Q.proposalResubmitted:
      return {
        ...current,
        ...definitionOf(d['proposal'] as ProposalShape),
        version: Number(d['version']),
        status: 'submitted',
        versionSubmittedAt: String(d['resubmittedAt']),
        redFlags: 0,
        decision: null,
        decidedAt: null,
      };
    case Q.reviewStarted:
      return {
        ...current,
        status: 'under-review',
        reviews: current.reviews + 1,
        redFlags: Array.isArray(d['redFlags']) ? d['redFlags'].length : 0,
      };
    case Q.proposalDecided:
      return {
        ...current,
        status: String(d['decision']),
        decision: String(d['decision']),
        decidedAt: String(d['decidedAt']),
      };
    case Q.proposalWithdrawn:
      return { ...current, status: 'withdrawn', withdrawnAt: String(d['withdrawnAt']) };
    case Q.linkageAccepted:
      return { ...current, linkagesAccepted: current.linkagesAccepted + 1 };
    case Q.linkageDismissed:
      return d['wasAccepted'] === true
        ? { ...current, linkagesAccepted: Math.max(0, current.linkagesAccepted - 1) }
        : current;
    default:
      return current;
  }
}

/** One document per review (id `<proposalId>/r<reviewNumber>`) and, once decided, its decision. */
export interface QualityDecisionFacts {
  reviewId: string;
  proposalId: string;
  version: number;
  reviewNumber: number;
  reviewStartedAt: string;
  reviewsSubmitted: number;
  reconciled: boolean;
  decision: string | null;
  approved: boolean;
  department: string | null;
  instrument: string | null;
  channel: string | null;
  countries: string[];
  regions: string[];
  currency: string | null;
  amount: number | null;
  budgetUsd: number | null;
  score: number | null;
  redFlags: string[];
  redFlagCount: number;
  conditions: number;
  /** Criteria whose final rating is in the bottom half of the scale. */
  deficiencies: string[];
  turnaroundWorkingDays: number | null;
  withinServiceLevel: boolean | null;
  decidedAt: string | null;
  /** Kept to find the deficiencies at the decision (not queryable). */
  scale: { min: number; max: number };
  ratings: RatingShape[][];
  reconciledRatings: RatingShape[] | null;
}

export const reviewIdOf = (data: Record<string, unknown>): string =>
  `${String(data['proposalId'])}/r${String(data['reviewNumber'])}`;

/** Each criterion's final rating: reconciled, or the mean of the submitted reviews. */
export function finalRatings(facts: QualityDecisionFacts): Map<string, number> {
  if (facts.reconciledRatings)
    return new Map(facts.reconciledRatings.map((r) => [r.criterion, r.rating]));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const ratings of facts.ratings)
    for (const r of ratings) {
      const s = sums.get(r.criterion) ?? { sum: 0, n: 0 };
      sums.set(r.criterion, { sum: s.sum + r.rating, n: s.n + 1 });
    }
  return new Map([...sums.entries()].map(([c, s]) => [c, s.sum / s.n]));
}

/** The criteria rated below the middle of the scale, in alphabetical order. */
export function deficientCriteria(facts: QualityDecisionFacts): string[] {
  const midpoint = (facts.scale.min + facts.scale.max) / 2;
  return [...finalRatings(facts).entries()]
    .filter(([, rating]) => rating < midpoint)
    .map(([criterion]) => criterion)
    .sort();
}

const ratingsOf = (value: unknown): RatingShape[] =>
  Array.isArray(value)
    ? value.map((r: { criterion: unknown; rating: unknown }) => ({
        criterion: String(r.criterion),
        rating: Number(r.rating),
      }))
    : [];

export function evolveQualityDecisionFacts(
  current: QualityDecisionFacts | undefined,
  event: QualityEvent,
): QualityDecisionFacts | undefined {
  const d = event.data;
  if (event.type === Q.reviewStarted) {
    const policy = d['policy'] as PolicyShape;
    return {
      reviewId: reviewIdOf(d),
      proposalId: String(d['proposalId']),
      version: Number(d['version']),
      reviewNumber: Number(d['reviewNumber']),
      reviewStartedAt: String(d['startedAt']),
      reviewsSubmitted: 0,
      reconciled: false,
      decision: null,
      approved: false,
      department: null,
      instrument: null,
      channel: null,
      countries: [],
      regions: [],
      currency: null,
      amount: null,
      budgetUsd: null,
      score: null,
      redFlags: [],
      redFlagCount: 0,
      conditions: 0,
      deficiencies: [],
      turnaroundWorkingDays: null,
      withinServiceLevel: null,
      decidedAt: null,
      scale: { min: policy.scale.min, max: policy.scale.max },
      ratings: [],
      reconciledRatings: null,
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case Q.reviewSubmitted:
      return {
        ...current,
        reviewsSubmitted: current.reviewsSubmitted + 1,
        ratings: [...current.ratings, ratingsOf(d['ratings'])],
      };
    case Q.reviewsReconciled:
      return { ...current, reconciled: true, reconciledRatings: ratingsOf(d['ratings']) };
    case Q.proposalDecided: {
      const flags = (d['redFlags'] as Array<{ flag: string }>).map((f) => String(f.flag));
      const countries = (d['countries'] as string[]).map(String);
      return {
        ...current,
        decision: String(d['decision']),
        approved: APPROVING.includes(String(d['decision'])),
        department: String(d['department']),
        instrument: String(d['instrument']),
        channel: String(d['channel']),
        countries,
        regions: regionsOfCountries(countries),
        currency: String(d['currency']),
        amount: Number(d['amount']),
        budgetUsd: Number(d['budgetUsd']),
        score: Number(d['score']),
        redFlags: [...new Set(flags)].sort(),
        redFlagCount: flags.length,
        conditions: Array.isArray(d['conditions']) ? d['conditions'].length : 0,
        deficiencies: deficientCriteria(current),
        turnaroundWorkingDays: Number(d['turnaroundWorkingDays']),
        withinServiceLevel: d['withinServiceLevel'] === true,
        decidedAt: String(d['decidedAt']),
      };
    }
    default:
      return current;
  }
}

/** One document per proposal's financial component; approved ones make the portfolio. */
export interface QualityPortfolioFacts {
  proposalId: string;
  title: string;
  department: string;
  instrument: string;
  channel: string;
  pricingPolicy: string;
  countries: string[];
  regions: string[];
  currency: string;
  amount: number;
  /** At the proposal's own rate to the dollar (its budget in USD over its budget). */
  amountUsd: number;
  submittedAt: string;
  approved: boolean;
  decision: string | null;
  approvedAt: string | null;
}

function componentOf(p: ProposalShape) {
  const rate = p.currency === 'USD' || p.budget <= 0 ? 1 : p.budgetUsd / p.budget;
  return {
    title: p.title,
    department: p.department,
    instrument: p.financialComponent.instrument,
    channel: p.financialComponent.channel,
    pricingPolicy: p.financialComponent.pricingPolicy,
    countries: [...p.countries],
    regions: regionsOfCountries(p.countries),
    currency: p.currency,
    amount: p.financialComponent.amount,
    amountUsd: Math.round(p.financialComponent.amount * rate),
  };
}

export function evolveQualityPortfolioFacts(
  current: QualityPortfolioFacts | undefined,
  event: QualityEvent,
): QualityPortfolioFacts | undefined {
  const d = event.data;
  switch (event.type) {
    case Q.proposalSubmitted:
      return {
        proposalId: String(d['proposalId']),
        ...componentOf(d['proposal'] as ProposalShape),
        submittedAt: String(d['submittedAt']),
        approved: false,
        decision: null,
        approvedAt: null,
      };
    case Q.proposalResubmitted:
      return current
        ? { ...current, ...componentOf(d['proposal'] as ProposalShape), decision: null }
        : undefined;
    case Q.proposalDecided: {
      if (!current) return undefined;
      const decision = String(d['decision']);
      const approved = APPROVING.includes(decision);
      return {
        ...current,
        decision,
        approved,
        approvedAt: approved ? String(d['decidedAt']) : null,
      };
    }
    default:
      return current;
  }
}

/** One document per link suggested and acted on (id `<proposalId>|<toolRef>`). */
export interface QualityLinkageFacts {
  linkageId: string;
  proposalId: string;
  toolRef: string;
  kind: string;
  context: string;
  toolTitle: string | null;
  score: number | null;
  status: 'accepted' | 'dismissed';
  acceptedAt: string | null;
  dismissedAt: string | null;
}

export const linkageIdOf = (data: Record<string, unknown>): string =>
  `${String(data['proposalId'])}|${String(data['toolRef'])}`;

export function evolveQualityLinkageFacts(
  current: QualityLinkageFacts | undefined,
  event: QualityEvent,
): QualityLinkageFacts | undefined {
  const d = event.data;
  const base = {
    linkageId: linkageIdOf(d),
    proposalId: String(d['proposalId']),
    toolRef: String(d['toolRef']),
    kind: String(d['kind']),
    context: String(d['context']),
  };
  switch (event.type) {
    case Q.linkageAccepted:
      return {
        ...base,
        toolTitle: String(d['toolTitle']),
        score: Number(d['score']),
        status: 'accepted',
        acceptedAt: String(d['acceptedAt']),
        dismissedAt: null,
      };
    case Q.linkageDismissed:
      return {
        ...base,
        toolTitle: current?.toolTitle ?? null,
        score: current?.score ?? null,
        status: 'dismissed',
        acceptedAt: current?.acceptedAt ?? null,
        dismissedAt: String(d['dismissedAt']),
      };
    default:
      return current;
  }
}
