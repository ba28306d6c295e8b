/**
 * A realistic proposal and its review, for specs: a partial-credit guarantee
 * fund for a Kenyan SACCO network lending to women-led enterprises,
 * submitted on Monday 2 March 2026, reviewed by two reviewers (its budget is
 * above the second-reviewer threshold) and decided.
 */
import {
  REVIEW_CRITERIA,
  type CriterionRating,
  type PartnerRatios,
  type ProposalCommandType,
  type ProposalDefinition,
  type ProposalStatus,
  type ReviewCriterion,
} from '@sfp/contracts';
import { REVIEW_POLICY_VERSION_1 } from '../../../review-policy/domain/review-policy.state';
import type { ProposalCommand, SubmitProposal } from '../proposal.commands';
import {
  ProposalDecided,
  ProposalResubmitted,
  ProposalSubmitted,
  ProposalWithdrawn,
  ReviewStarted,
  ReviewSubmitted,
  type ProposalEvent,
} from '../proposal.events';

export const proposalId = 'proposal-ke-sacco-guarantee-2026';
export const DEPARTMENT = 'Social Finance Programme, Nairobi';
export const SUBMITTER = 'wanjiru.kamau';
export const REVIEWER = 'amina.odhiambo';
export const SECOND_REVIEWER = 'lars.johansson';
export const HEAD = 'marta.ferreira';
export const KUSCCO = 'institution-ke-kuscco';
export const STIMA = 'institution-ke-stima-sacco';

/** Monday 2 March 2026, 09:00 UTC: the submission. */
export const T0 = '2026-03-02T09:00:00.000Z';
/** T0 plus `days` calendar days, at 10:00 UTC. */
export const at = (days: number): string =>
  new Date(Date.parse('2026-03-02T10:00:00.000Z') + days * 86_400_000).toISOString();

export const policy = REVIEW_POLICY_VERSION_1;

export const definition: ProposalDefinition = {
  title: 'Partial-credit guarantee fund for SACCO lending to women-led enterprises',
  description:
    'A first-loss guarantee fund, managed by the Kenya Union of Savings and Credit Co-operatives, that covers half of the losses on SACCO loans to women-led micro and small enterprises in six counties.',
  department: DEPARTMENT,
  countries: ['KE'],
  themes: ['cooperatives', 'gender'],
  currency: 'KES',
  budget: 187_500_000,
  budgetUsd: 1_450_000,
  durationMonths: 36,
  plannedStart: '2026-07-01',
  financialComponent: {
    instrument: 'guarantee-fund',
    channel: 'specialised-provider',
    pricingPolicy: 'market-rates',
    amount: 150_000_000,
    coFinancing: 30_000_000,
    description:
      '50 % first-loss cover on SACCO loans of KES 50,000–1,500,000 to women-led enterprises; guarantee fee of 1.5 % paid by the SACCO',
  },
  partnerInstitutionIds: [KUSCCO, STIMA],
  logframe: [
    {
      outcome: 'Women-led enterprises borrow more from SACCOs',
      indicators: [
        {
          indicator: 'Loans outstanding to women-led enterprises',
          unit: 'loans',
          baseline: 1_840,
          baselineDate: '2025-12-31',
          target: 5_500,
          targetDate: '2029-06-30',
          meansOfVerification: 'Quarterly SACCO portfolio reports to KUSCCO',
        },
        {
          indicator: 'PAR30 of guaranteed loans',
          unit: '%',
          baseline: 7,
          target: 5,
          meansOfVerification: 'Guarantee fund claims register',
        },
      ],
    },
  ],
  exitStrategy:
    'The guarantee fund is capitalised from fees from year 3 and passes to KUSCCO’s central finance programme in 2029.',
  constituents: ['cooperative-movement', 'government'],
  genderOutcomes: '60 % of guaranteed loans to women-led enterprises; sex-disaggregated reporting',
  decentWorkOutcomes: '3,000 jobs kept or created in guaranteed enterprises',
  participatingOrganisations: [
    { name: 'International Labour Organization', role: 1, ref: 'XM-DAC-41302' },
    { name: 'Kenya Union of Savings and Credit Co-operatives', role: 4 },
  ],
  sectors: ['24030'],
};

export const origin = { channel: 'http' as const, submittedBy: SUBMITTER };

export const submitCommand: SubmitProposal = {
  type: 'SubmitProposal',
  proposalId,
  proposal: definition,
  origin,
  unknownPartners: [],
  at: T0,
  by: SUBMITTER,
};

export const submitted = ProposalSubmitted.of({
  proposalId,
  version: 1,
  proposal: definition,
  origin,
  submittedAt: T0,
});

export const kusccoRatios: PartnerRatios = {
  institutionId: KUSCCO,
  name: 'Kenya Union of Savings and Credit Co-operatives',
  reportId: 'report-kuscco-2025',
  reportVersion: 1,
  periodEnd: '2025-12-31',
  reportedAt: '2026-02-10T09:00:00.000Z',
  par30: 0.064,
  operationalSelfSufficiency: 1.18,
  operatingExpenseRatio: 0.11,
};
export const stimaRatios: PartnerRatios = {
  institutionId: STIMA,
  name: 'Stima SACCO',
  reportId: 'report-stima-2025',
  reportVersion: 2,
  periodEnd: '2025-12-31',
  reportedAt: '2026-02-20T14:30:00.000Z',
  par30: 0.048,
  operationalSelfSufficiency: 1.31,
  operatingExpenseRatio: 0.08,
};

/** The first review: both reviewers, policy v1, the partners' ratios frozen, no red flag. */
export const reviewStarted = ReviewStarted.of({
  proposalId,
  version: 1,
  reviewNumber: 1,
  reviewers: [REVIEWER, SECOND_REVIEWER],
  secondReviewerRequired: true,
  policyVersion: 1,
  policy,
  partnerRatios: [kusccoRatios, stimaRatios],
  partnersWithoutReport: [],
  redFlags: [],
  startedBy: HEAD,
  startedAt: at(1),
});

/** A rating of every criterion: `rating` for each, except those in `except`. */
export function ratingsOf(
  rating: number,
  except: Partial<Record<ReviewCriterion, number>> = {},
): CriterionRating[] {
  return REVIEW_CRITERIA.map((criterion) => ({
    criterion,
    rating: except[criterion] ?? rating,
    comment: `Rated ${except[criterion] ?? rating}`,
  }));
}

/** Two reviews within the tolerance of each other: scores 75 and 82.3 (mean 78.7). */
export const ratingsA = ratingsOf(4);
export const ratingsB = ratingsOf(4, { 'decent-work-relevance': 5, gender: 5, 'exit-strategy': 5 });

export const reviewSubmitted = (
  reviewer: string,
  ratings: CriterionRating[],
  score: number,
  day: number,
  reviewNumber = 1,
) =>
  ReviewSubmitted.of({
    proposalId,
    reviewNumber,
    reviewer,
    ratings,
    score,
    summary: 'Sound partner and instrument; the monitoring plan needs quarterly targets',
    submittedAt: at(day),
  });

export const reviewedByBoth = [
  submitted,
  reviewStarted,
  reviewSubmitted(REVIEWER, ratingsA, 75, 6),
  reviewSubmitted(SECOND_REVIEWER, ratingsB, 82.3, 8),
];

const decided = (decision: ProposalDecided['data']['decision'], day: number) =>
  ProposalDecided.of({
    proposalId,
    version: 1,
    reviewNumber: 1,
    decision,
    reasons: ['The fund is managed by a sound specialised provider'],
    conditions: decision === 'approved-with-conditions' ? ['Quarterly claims reports'] : [],
    score: 78.7,
    redFlags: [],
    turnaroundWorkingDays: 8,
    withinServiceLevel: true,
    title: definition.title,
    department: DEPARTMENT,
    instrument: 'guarantee-fund',
    channel: 'specialised-provider',
    countries: ['KE'],
    amount: 150_000_000,
    currency: 'KES',
    budgetUsd: 1_450_000,
    decidedBy: HEAD,
    decidedAt: at(day),
  });

/** Decided on Thursday 12 March 2026 (8 working days after the submission). */
export const approved = decided('approved', 10);
export const sentBack = decided('revise-and-resubmit', 10);

export const resubmitted = ProposalResubmitted.of({
  proposalId,
  version: 2,
  proposal: { ...definition, budget: 180_000_000, budgetUsd: 1_390_000 },
  changeNote: 'Quarterly targets added; budget trimmed',
  resubmittedBy: SUBMITTER,
  resubmittedAt: at(20),
});

/** The events that bring the proposal to each status. */
export const history: Record<ProposalStatus, ProposalEvent[]> = {
  submitted: [submitted],
  'under-review': [submitted, reviewStarted],
  approved: [...reviewedByBoth, approved],
  'approved-with-conditions': [...reviewedByBoth, decided('approved-with-conditions', 10)],
  'revise-and-resubmit': [...reviewedByBoth, sentBack],
  rejected: [...reviewedByBoth, decided('rejected', 10)],
  withdrawn: [
    submitted,
    ProposalWithdrawn.of({
      proposalId,
      reason: 'The county government funds the scheme itself',
      withdrawnBy: SUBMITTER,
      withdrawnAt: at(3),
    }),
  ],
};

/** A well-formed command of each type given on a proposal. */
export const commands: {
  [C in ProposalCommandType]: Extract<ProposalCommand, { type: C }>;
} = {
  AssignReviewers: {
    type: 'AssignReviewers',
    reviewers: [REVIEWER, SECOND_REVIEWER],
    unknownReviewers: [],
    policy,
    partnerRatios: [kusccoRatios, stimaRatios],
    partnersWithoutReport: [],
    at: at(1),
    by: HEAD,
  },
  RateCriteria: {
    type: 'RateCriteria',
    ratings: ratingsA.slice(0, 3),
    at: at(4),
    by: REVIEWER,
  },
  SubmitReview: {
    type: 'SubmitReview',
    ratings: ratingsA,
    summary: 'Sound partner and instrument; the monitoring plan needs quarterly targets',
    at: at(6),
    by: REVIEWER,
  },
  ReconcileReviews: {
    type: 'ReconcileReviews',
    ratings: ratingsOf(4),
    note: 'Agreed in a call on 11 March',
    at: at(9),
    by: HEAD,
  },
  DecideProposal: {
    type: 'DecideProposal',
    decision: 'approved',
    reasons: ['The fund is managed by a sound specialised provider'],
    conditions: [],
    at: at(10),
    by: HEAD,
  },
  ResubmitProposal: {
    type: 'ResubmitProposal',
    proposal: { ...definition, budget: 180_000_000, budgetUsd: 1_390_000 },
    changeNote: 'Quarterly targets added; budget trimmed',
    unknownPartners: [],
    at: at(20),
    by: SUBMITTER,
  },
  WithdrawProposal: {
    type: 'WithdrawProposal',
    reason: 'The county government funds the scheme itself',
    at: at(3),
    by: SUBMITTER,
  },
  AcceptLinkage: {
    type: 'AcceptLinkage',
    toolRef: 'research-project:rp-ke-guarantees',
    kind: 'research-project',
    toolId: 'rp-ke-guarantees',
    context: 'innovation-research',
    toolTitle: 'Credit guarantees and SACCO lending to women in Kenya',
    score: 0.85,
    reason:
      'Shares the themes cooperatives and gender, the country Kenya and the instrument guarantee fund',
    at: at(2),
    by: REVIEWER,
  },
  DismissLinkage: {
    type: 'DismissLinkage',
    toolRef: 'course:c-making-microfinance-work',
    kind: 'course',
    toolId: 'c-making-microfinance-work',
    context: 'training',
    reason: 'A general course: the partner staff have taken it',
    at: at(2),
    by: REVIEWER,
  },
};
