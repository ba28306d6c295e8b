import type {
  CriterionRating,
  ProposalDefinition,
  ReviewDecision,
  ReviewPolicy,
  ReviewPolicyDraft,
} from '@sfp/contracts';

/**
 * A proposal the domain accepts, with no red flag of its own: a credit line
 * through a regulated provider at market rates, with an exit strategy (its
 * partners' ratios may still raise some). `overrides` replace whole fields.
 */
export function proposalBody(overrides: Partial<ProposalDefinition> = {}): ProposalDefinition {
  return {
    title: 'Savings-led finance for women’s groups in northern Ghana',
    description:
      'A credit line through a regulated microfinance bank to savings groups of women farmers, with financial education and a performance-based agreement.',
    department: 'SKILLS',
    countries: ['GH'],
    themes: ['gender', 'poverty'],
    currency: 'USD',
    budget: 850_000,
    budgetUsd: 850_000,
    durationMonths: 36,
    plannedStart: '2026-03-02',
    financialComponent: {
      instrument: 'credit-line',
      channel: 'specialised-provider',
      pricingPolicy: 'market-rates',
      amount: 600_000,
      coFinancing: 150_000,
      description:
        'A credit line to the partner bank for group loans, released in tranches on portfolio quality and outreach targets',
    },
    partnerInstitutionIds: [],
    logframe: [
      {
        outcome: 'Women in rural savings groups borrow and save with a regulated provider',
        indicators: [
          {
            indicator: 'Active women borrowers in the partner’s group-loan product',
            unit: 'people',
            baseline: 1200,
            baselineDate: '2025-12-31',
            target: 6000,
            targetDate: '2028-12-31',
            meansOfVerification: 'The partner’s quarterly MIS extract, sex-disaggregated',
          },
        ],
      },
    ],
    exitStrategy:
      'The partner bank keeps the product on its own balance sheet from year three; the groups graduate to individual accounts.',
    constituents: ['government', 'workers-organisation'],
    genderOutcomes:
      'At least 70 % of borrowers are women; sex-disaggregated reporting each quarter',
    decentWorkOutcomes: 'Members’ households cut unpaid child work in the lean season',
    participatingOrganisations: [
      { name: 'Ministry of Employment and Labour Relations', role: 2 },
      { name: 'Sinapi Aba Savings and Loans', role: 4 },
    ],
    sectors: ['24030'],
    ...overrides,
  };
}

/** Every criterion of `policy` rated `rating` (a number on its scale), with a comment each. */
export function ratingsBody(
  policy: Pick<ReviewPolicy, 'criteria'> | Pick<ReviewPolicyDraft, 'criteria'>,
  rating: number | ((criterion: string) => number),
): CriterionRating[] {
  return policy.criteria.map(({ criterion }) => ({
    criterion,
    rating: typeof rating === 'function' ? rating(criterion) : rating,
    comment: `Rated after reading the proposal and the partner’s latest report (${criterion})`,
  }));
}

/** A reviewer's submission: every criterion rated, with a summary. */
export function reviewBody(
  policy: Pick<ReviewPolicy, 'criteria'> | Pick<ReviewPolicyDraft, 'criteria'>,
  rating: number | ((criterion: string) => number),
  summary = 'Sound channel and pricing; monitoring plan adequate.',
): { ratings: CriterionRating[]; summary: string } {
  return { ratings: ratingsBody(policy, rating), summary };
}

/** A decision with its reasons (and conditions for an approval with conditions). */
export function decisionBody(
  decision: ReviewDecision,
  reasons: string[] = ['The review’s findings, as recorded'],
): { decision: ReviewDecision; reasons: string[]; conditions: string[] } {
  return {
    decision,
    reasons,
    conditions:
      decision === 'approved-with-conditions'
        ? ['A performance-based agreement signed with the partner before the first tranche']
        : [],
  };
}

/** A resubmission: the proposal as revised, with what changed. */
export function resubmissionBody(
  proposal: ProposalDefinition,
  changeNote = 'Revised after the review',
): { proposal: ProposalDefinition; changeNote: string } {
  return { proposal, changeNote };
}
