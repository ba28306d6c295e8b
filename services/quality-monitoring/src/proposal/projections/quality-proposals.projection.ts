import {
  countryPosting,
  defineProjection,
  repost,
  wordPosting,
  wordsOf,
  type PostingDoc,
  type ReadModelFields,
} from '@sfp/projections';
import { PROPOSAL_EVENT_CLASSES, type ProposalEvent } from '../domain/proposal.events';
import {
  currentReviewOf,
  evolveQualityProposal,
  regionsOfProposal,
  reviewScoreOf,
  type StoredQualityProposal,
} from './quality-proposal.document';
import { POLICY_HANDLERS, policyOf, type PolicyDoc } from './review-policies';

export const QUALITY_PROPOSALS_PROJECTION = 'quality-proposals';

/** The list fields of a proposal document (filtered and sorted on), beside its whole detail. */
export interface ProposalDoc {
  docType: 'proposal';
  proposalId: string;
  title: string;
  sortTitle: string;
  status: string;
  version: number;
  department: string;
  instrument: string;
  channel: string;
  pricingPolicy: string;
  countries: string[];
  regions: string[];
  currency: string;
  budget: number;
  budgetUsd: number;
  reviewers: string[];
  redFlags: number;
  score?: number;
  submittedAt: string;
  decided: boolean;
  decision?: string;
  decidedAt?: string;
  turnaroundWorkingDays?: number;
  withinServiceLevel?: boolean;
  updatedAt: string;
  titleWords: string[];
  detail: StoredQualityProposal;
}

export type QualityProposalsDoc = ProposalDoc | PostingDoc | PolicyDoc;

export const reviewerPosting = (reviewer: string) => `reviewer:${reviewer}`;

const fields: ReadModelFields = {
  docType: 'string',
  sortTitle: 'string',
  status: 'string',
  department: 'string',
  instrument: 'string',
  channel: 'string',
  submittedAt: 'string',
  decided: 'boolean',
  budgetUsd: 'number',
};

/** The list document of a proposal (pure). */
export function proposalDocOf(detail: StoredQualityProposal): ProposalDoc {
  const p = detail.proposal;
  const review = currentReviewOf(detail);
  const decision = review?.decision;
  const score = review ? reviewScoreOf(review) : undefined;
  return {
    docType: 'proposal',
    proposalId: detail.proposalId,
    title: p.title,
    sortTitle: p.title.toLowerCase(),
    status: detail.status,
    version: detail.version,
    department: p.department,
    instrument: p.financialComponent.instrument,
    channel: p.financialComponent.channel,
    pricingPolicy: p.financialComponent.pricingPolicy,
    countries: p.countries,
    regions: regionsOfProposal(detail),
    currency: p.currency,
    budget: p.budget,
    budgetUsd: p.budgetUsd,
    reviewers: review?.reviewers ?? [],
    redFlags: review?.redFlags.length ?? 0,
    ...(score !== undefined ? { score } : {}),
    submittedAt: detail.submittedAt,
    decided: decision !== undefined || detail.status === 'withdrawn',
    ...(decision
      ? {
          decision: decision.decision,
          decidedAt: decision.decidedAt,
          turnaroundWorkingDays: decision.turnaroundWorkingDays,
          withinServiceLevel: decision.withinServiceLevel,
        }
      : {}),
    updatedAt: detail.updatedAt,
    titleWords: wordsOf(p.title),
    detail,
  };
}

/** The postings (title words, countries, reviewers) a proposal is found by. */
export function postingsOf(doc: ProposalDoc | undefined): string[] {
  if (!doc) return [];
  return [
    ...doc.titleWords.map(wordPosting),
    ...doc.countries.map(countryPosting),
    ...doc.reviewers.map(reviewerPosting),
  ];
}

/**
 * The review queue and the proposals' detail: one document per proposal
 * (its list fields and the whole detail), posting documents of its title
 * words, countries and reviewers for `q`, `country` and `reviewer`, and the
 * review policy's versions (the service level of a version not yet in review).
 */
export const qualityProposalsProjection = defineProjection<QualityProposalsDoc>({
  name: QUALITY_PROPOSALS_PROJECTION,
  version: 1,
  fields,
  handlers: {
    ...POLICY_HANDLERS,
    ...Object.fromEntries(
      PROPOSAL_EVENT_CLASSES.map(({ type }) => [
        type,
        async (recorded, view) => {
          const event = { type: recorded.type, data: recorded.data } as ProposalEvent;
          const proposalId = event.data.proposalId;
          const before = (await view.get(proposalId)) as ProposalDoc | undefined;
          const inForce = await policyOf(view, undefined);
          const detail = evolveQualityProposal(
            before?.detail,
            event,
            recorded.streamVersion,
            inForce,
          );
          if (!detail) return;
          const after = proposalDocOf(detail);
          await view.upsert(proposalId, after);
          await repost(view, proposalId, postingsOf(before), postingsOf(after));
        },
      ]),
    ),
  },
});
