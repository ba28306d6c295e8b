import type { PartnerRatios, ProposalDefinition } from '../proposal';
import { DEFAULT_REVIEW_POLICY } from '../review-policy';
import { redFlagsOf, secondReviewerRequired } from './red-flags';

const thresholds = DEFAULT_REVIEW_POLICY.thresholds; // PAR30 ≤ 10 %, OSS ≥ 100 %, cap ≥ 24 %

const proposal = {
  title: 'Guarantee fund for SACCO lending to women-led enterprises',
  partnerInstitutionIds: ['institution-ke-kuscco', 'institution-ke-stima'],
  exitStrategy: 'The fund passes to KUSCCO’s central finance programme in 2029',
  budgetUsd: 1_450_000,
  financialComponent: {
    instrument: 'guarantee-fund',
    channel: 'specialised-provider',
    pricingPolicy: 'market-rates',
    amount: 150_000_000,
    description: 'First-loss cover of 50 % on SACCO loans',
  },
} as ProposalDefinition;

const ratios = (change: Partial<PartnerRatios>): PartnerRatios => ({
  institutionId: 'institution-ke-kuscco',
  name: 'Kenya Union of Savings and Credit Co-operatives',
  reportId: 'report-kuscco-2025',
  reportVersion: 1,
  periodEnd: '2025-12-31',
  reportedAt: '2026-02-10T09:00:00.000Z',
  par30: 0.06,
  operationalSelfSufficiency: 1.12,
  ...change,
});
const component = (change: Partial<ProposalDefinition['financialComponent']>) => ({
  ...proposal,
  financialComponent: { ...proposal.financialComponent, ...change },
});

describe('redFlagsOf', () => {
  it('given a sound proposal and healthy partners, then no red flag', () => {
    expect(redFlagsOf(proposal, [ratios({})], thresholds)).toEqual([]);
  });

  it('given a credit line lent directly by the project, then direct lending', () => {
    expect(
      redFlagsOf(
        component({ instrument: 'credit-line', channel: 'direct-by-project' }),
        [],
        thresholds,
      ),
    ).toEqual([
      {
        flag: 'direct-lending',
        detail:
          'Credit line lent directly by the project, not through a specialised financial provider',
      },
    ]);
  });

  it('given a guarantee fund run by the project, then no direct lending (it lends nothing)', () => {
    expect(redFlagsOf(component({ channel: 'direct-by-project' }), [], thresholds)).toEqual([]);
  });

  it('given subsidised rates, or a cap below the cost-recovery rate, then pricing prevents cost recovery', () => {
    expect(redFlagsOf(component({ pricingPolicy: 'subsidised' }), [], thresholds)).toEqual([
      {
        flag: 'pricing-prevents-cost-recovery',
        detail: 'Subsidised interest rates: the provider cannot recover its costs',
      },
    ]);
    expect(
      redFlagsOf(component({ pricingPolicy: 'capped', interestRateCap: 0.18 }), [], thresholds),
    ).toEqual([
      {
        flag: 'pricing-prevents-cost-recovery',
        detail: 'Interest rates capped at 18 % a year, below the 24 % needed to recover costs',
      },
    ]);
  });

  it('given a cap at or above the cost-recovery rate, then no flag; an unstated cap is flagged', () => {
    expect(
      redFlagsOf(component({ pricingPolicy: 'capped', interestRateCap: 0.24 }), [], thresholds),
    ).toEqual([]);
    expect(
      redFlagsOf(component({ pricingPolicy: 'capped' }), [], thresholds).map((f) => f.flag),
    ).toEqual(['pricing-prevents-cost-recovery']);
  });

  it('given a blank exit strategy, then no exit strategy', () => {
    expect(redFlagsOf({ ...proposal, exitStrategy: '  ' }, [], thresholds)).toEqual([
      {
        flag: 'no-exit-strategy',
        detail:
          'No exit strategy: nothing says how the funds and the service continue when the project ends',
      },
    ]);
  });

  it('given a partner with PAR30 above and OSS below the thresholds, then both, naming it with figures as %', () => {
    expect(
      redFlagsOf(
        proposal,
        [ratios({ par30: 0.142, operationalSelfSufficiency: 0.925 })],
        thresholds,
      ),
    ).toEqual([
      {
        flag: 'partner-par30-above-threshold',
        detail:
          'Kenya Union of Savings and Credit Co-operatives: PAR30 14.2 % above the 10 % threshold (period ending 2025-12-31)',
        institutionId: 'institution-ke-kuscco',
      },
      {
        flag: 'partner-oss-below-threshold',
        detail:
          'Kenya Union of Savings and Credit Co-operatives: operational self-sufficiency 92.5 % below the 100 % threshold (period ending 2025-12-31)',
        institutionId: 'institution-ke-kuscco',
      },
    ]);
  });

  it('given ratios exactly at the thresholds, or not computed, then no flag', () => {
    expect(
      redFlagsOf(proposal, [ratios({ par30: 0.1, operationalSelfSufficiency: 1 })], thresholds),
    ).toEqual([]);
    expect(
      redFlagsOf(
        proposal,
        [ratios({ par30: undefined, operationalSelfSufficiency: undefined })],
        thresholds,
      ),
    ).toEqual([]);
  });

  it('given the ratios of an institution that is not a partner, then they are ignored', () => {
    expect(
      redFlagsOf(
        proposal,
        [ratios({ institutionId: 'institution-ug-other', par30: 0.3 })],
        thresholds,
      ),
    ).toEqual([]);
  });
});

describe('secondReviewerRequired', () => {
  it('given a budget above the threshold, then a second reviewer is required; at it, not', () => {
    expect(secondReviewerRequired(proposal, DEFAULT_REVIEW_POLICY)).toBe(true);
    expect(secondReviewerRequired({ budgetUsd: 1_000_000 }, DEFAULT_REVIEW_POLICY)).toBe(false);
  });
});
