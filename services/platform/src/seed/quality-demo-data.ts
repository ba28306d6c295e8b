/**
 * The quality-monitoring demo: a year of proposals with financial components
 * (planned to start between December 2025 and November 2026) from the
 * regional offices and departments, with the knowledge base's institutions as
 * partners, each taken as far as its story goes: approved by one reviewer or
 * by two after reconciling, approved with conditions, sent back to revise and
 * resubmit and then approved as a new version, rejected on a red flag (direct
 * lending, a subsidy, a rate cap, no exit strategy, a weak partner), withdrawn,
 * still under review or waiting for its reviewers.
 */
import type {
  Constituent,
  DeliveryChannel,
  FinancialInstrument,
  LogframeOutcome,
  PricingPolicy,
  ProposalDefinition,
  ReviewDecision,
} from '@sfp/contracts';

/** The head of the unit: assigns the reviewers, reconciles and decides. */
export const QUALITY_COORDINATOR = 'qm-coordinator';
/** The unit's reviewers (each account signs in once, within the platform's sign-ins per minute). */
export const QUALITY_REVIEWERS = ['qm-reviewer-amara', 'qm-reviewer-tomas', 'qm-reviewer-mei'];

/** A decision as the coordinator gives it. */
export interface DemoDecision {
  decision: ReviewDecision;
  reasons: string[];
  conditions?: string[];
}

/** How a review goes: its reviewers, how good each finds the proposal, and the decision. */
export interface DemoReview {
  /** One reviewer, or two (required above the policy's budget threshold). */
  reviewers: string[];
  /**
   * Each reviewer's rating of every criterion, as the scale's step above its
   * minimum (0 = the lowest); a criterion not named gets `base`.
   */
  ratings: Array<{ base: number; criteria?: Record<string, number> }>;
  /** Stops here: the reviewers assigned, the first one's ratings saved as a draft. */
  stopsInDraft?: boolean;
  /** Stops here: each reviewer has submitted, no decision yet. */
  stopsAfterReviews?: boolean;
  decision?: DemoDecision;
}

export interface DemoProposal {
  /** The department's officer who submits it (and resubmits it). */
  submitter: string;
  /**
   * The countries whose knowledge-base institutions are its partners (the
   * first active one of each), or the partner chosen by its latest ratios
   * (for the partner red flags).
   */
  partners: { countries: string[]; weakest?: 'par30' | 'oss' };
  proposal: Omit<ProposalDefinition, 'partnerInstitutionIds'>;
  /** Absent: submitted only, waiting for its reviewers. */
  review?: DemoReview;
  /** After a revise-and-resubmit decision: the new version and its review. */
  resubmission?: {
    changes: Partial<Omit<ProposalDefinition, 'partnerInstitutionIds'>>;
    changeNote: string;
    review: DemoReview;
  };
  withdrawnBecause?: string;
  /** Linkage suggestions the coordinator accepts and dismisses (the best ones first). */
  linkages?: { accept: number; dismiss: number };
}

const DAC = {
  formalFinance: '24030',
  informalFinance: '24040',
  employment: '16020',
  smeDevelopment: '25030',
  socialProtection: '16010',
  agriculturalFinance: '31193',
} as const;

interface ComponentOf {
  instrument: FinancialInstrument;
  channel: DeliveryChannel;
  pricingPolicy: PricingPolicy;
  interestRateCap?: number;
  amount: number;
  coFinancing?: number;
  description: string;
}

/** A proposal's definition from what differs between the demo's proposals; the rest is typical. */
function proposalOf(fields: {
  title: string;
  description: string;
  department: string;
  countries: string[];
  themes: ProposalDefinition['themes'];
  currency?: string;
  budget: number;
  budgetUsd?: number;
  durationMonths: number;
  plannedStart: string;
  component: ComponentOf;
  outcomes: LogframeOutcome[];
  exitStrategy: string;
  constituents: Constituent[];
  genderOutcomes: string;
  decentWorkOutcomes: string;
  implementer: string;
  sectors: string[];
  iatiIdentifier?: string;
}): Omit<ProposalDefinition, 'partnerInstitutionIds'> {
  return {
    title: fields.title,
    description: fields.description,
    department: fields.department,
    countries: fields.countries,
    themes: fields.themes,
    currency: fields.currency ?? 'USD',
    budget: fields.budget,
    budgetUsd: fields.budgetUsd ?? fields.budget,
    durationMonths: fields.durationMonths,
    plannedStart: fields.plannedStart,
    financialComponent: fields.component,
    logframe: fields.outcomes,
    exitStrategy: fields.exitStrategy,
    constituents: fields.constituents,
    genderOutcomes: fields.genderOutcomes,
    decentWorkOutcomes: fields.decentWorkOutcomes,
    participatingOrganisations: [
      { name: 'Social Finance Programme', role: 1, ref: 'XM-DAC-41302' },
      { name: fields.implementer, role: 4 },
    ],
    sectors: fields.sectors,
    ...(fields.iatiIdentifier ? { iatiIdentifier: fields.iatiIdentifier } : {}),
  };
}

/** One outcome with one indicator: baseline at the start, target at the end. */
function outcome(
  text: string,
  indicator: string,
  unit: string,
  baseline: number,
  target: number,
  on: { baselineDate: string; targetDate: string },
  meansOfVerification: string,
): LogframeOutcome {
  return {
    outcome: text,
    indicators: [
      {
        indicator,
        unit,
        baseline,
        baselineDate: on.baselineDate,
        target,
        targetDate: on.targetDate,
        meansOfVerification,
      },
    ],
  };
}

const WOMEN_CLIENTS = (baselineDate: string, targetDate: string, baseline: number) =>
  outcome(
    'More women entrepreneurs use formal credit',
    'Share of women among active borrowers of the partner',
    '%',
    baseline,
    Math.min(70, baseline + 15),
    { baselineDate, targetDate },
    'Partner’s quarterly portfolio reports, sex-disaggregated',
  );

const GOOD = { base: 3 };
const STRONG = { base: 4 };

/** The year's proposals, in the order they were planned to start. */
export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    submitter: 'dept-officer-africa',
    partners: { countries: ['KE'] },
    proposal: proposalOf({
      title: 'Credit line for youth-led agro-processing enterprises in Kenya',
      description:
        'A credit line through a deposit-taking microfinance bank for enterprises of young people processing maize, dairy and horticulture, with business training from the employment programme.',
      department: 'ro-africa',
      countries: ['KE'],
      themes: ['youth', 'informal-economy'],
      currency: 'KES',
      budget: 96_000_000,
      budgetUsd: 740_000,
      durationMonths: 36,
      plannedStart: '2025-12-01',
      component: {
        instrument: 'credit-line',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 64_000_000,
        coFinancing: 16_000_000,
        description:
          'A senior credit line to the partner, on-lent at its own rates to youth-led enterprises; tranches released on PAR30 and outreach targets.',
      },
      outcomes: [
        outcome(
          'Youth-led enterprises grow and hire',
          'Jobs in financed enterprises held by people aged 18–35',
          'jobs',
          0,
          1_800,
          { baselineDate: '2025-11-30', targetDate: '2028-11-30' },
          'Partner’s client survey at loan renewal, verified on a sample',
        ),
        WOMEN_CLIENTS('2025-11-30', '2028-11-30', 38),
      ],
      exitStrategy:
        'The partner keeps the youth product in its range: the line is repaid from its own portfolio and the product priced to cover its costs by year three.',
      constituents: ['government', 'employers-organisation'],
      genderOutcomes: 'Half of the financed enterprises led by young women by the end of year two.',
      decentWorkOutcomes:
        'Written contracts and OSH checklists in financed enterprises; jobs counted only when paid at least the minimum wage.',
      implementer: 'Youth Employment Programme, Kenya',
      sectors: [DAC.formalFinance, DAC.employment],
    }),
    review: {
      reviewers: ['qm-reviewer-amara'],
      ratings: [{ base: 3, criteria: { 'partner-appraisal': 4, channel: 4 } }],
      decision: {
        decision: 'approved',
        reasons: [
          'Through a regulated provider at market rates, with tranches tied to performance',
          'Clear outcome indicators with baselines',
        ],
      },
    },
    linkages: { accept: 2, dismiss: 1 },
  },
  {
    submitter: 'dept-officer-americas',
    partners: { countries: ['PE', 'BO'] },
    proposal: proposalOf({
      title: 'Andean guarantee fund for women-led cooperatives',
      description:
        'A partial credit guarantee fund covering 50 % of loans by savings and credit cooperatives to women-led producer cooperatives in Peru and Bolivia.',
      department: 'ro-americas',
      countries: ['PE', 'BO'],
      themes: ['gender', 'cooperatives'],
      budget: 2_400_000,
      durationMonths: 48,
      plannedStart: '2026-01-15',
      component: {
        instrument: 'guarantee-fund',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 1_600_000,
        coFinancing: 400_000,
        description:
          'A first-loss guarantee of 50 % on eligible loans, with a fee of 1.5 % a year paid by the lender.',
      },
      outcomes: [
        outcome(
          'Women-led cooperatives borrow for working capital',
          'Guaranteed loans disbursed to women-led cooperatives',
          'loans',
          0,
          420,
          { baselineDate: '2025-12-31', targetDate: '2029-12-31' },
          'Guarantee fund’s register of covered loans',
        ),
      ],
      exitStrategy:
        'The fund is transferred to the national development bank’s guarantee window after year four; fees cover its running costs from year two.',
      constituents: ['government', 'cooperative-movement', 'workers-organisation'],
      genderOutcomes: 'At least 300 cooperatives with women in the majority on their boards.',
      decentWorkOutcomes: 'Member incomes above the rural minimum wage in covered cooperatives.',
      implementer: 'Cooperatives Unit',
      sectors: [DAC.formalFinance, DAC.agriculturalFinance],
    }),
    review: {
      reviewers: ['qm-reviewer-tomas', 'qm-reviewer-mei'],
      ratings: [
        { base: 3, criteria: { gender: 4, 'exit-strategy': 4 } },
        // Further apart than the tolerance on the partner appraisal: the coordinator reconciles.
        { base: 3, criteria: { gender: 4, 'partner-appraisal': 1 } },
      ],
      decision: {
        decision: 'approved',
        reasons: [
          'Guarantee priced to cover its losses and costs',
          'Reviewers reconciled on the partners’ appraisal after the audited statements',
        ],
      },
    },
    linkages: { accept: 1, dismiss: 1 },
  },
  {
    submitter: 'dept-officer-asia',
    partners: { countries: ['BD'] },
    proposal: proposalOf({
      title: 'Revolving fund for garment workers’ emergencies in Bangladesh',
      description:
        'A revolving fund managed by the project office lending to garment workers for medical and housing emergencies.',
      department: 'ro-asia-pacific',
      countries: ['BD'],
      themes: ['social-protection', 'gender'],
      currency: 'BDT',
      budget: 55_000_000,
      budgetUsd: 460_000,
      durationMonths: 24,
      plannedStart: '2026-02-01',
      component: {
        instrument: 'revolving-fund',
        channel: 'direct-by-project',
        pricingPolicy: 'subsidised',
        amount: 40_000_000,
        description:
          'Interest-free loans of up to 30,000 taka from the project office, repaid by payroll deduction.',
      },
      outcomes: [
        outcome(
          'Workers borrow less from moneylenders in emergencies',
          'Workers with an outstanding moneylender loan',
          '%',
          41,
          20,
          { baselineDate: '2026-01-31', targetDate: '2028-01-31' },
          'Factory worker survey, baseline and endline',
        ),
      ],
      exitStrategy: 'The factories’ welfare committees take over the fund.',
      constituents: ['workers-organisation', 'employers-organisation'],
      genderOutcomes: 'Women workers are four in five of the borrowers.',
      decentWorkOutcomes: 'Fewer workers in debt bondage to moneylenders.',
      implementer: 'Better Work Bangladesh',
      sectors: [DAC.socialProtection],
    }),
    review: {
      reviewers: ['qm-reviewer-mei'],
      ratings: [{ base: 2, criteria: { channel: 0, 'pricing-and-cost-recovery': 0 } }],
      decision: {
        decision: 'rejected',
        reasons: [
          'A project office lending directly: a revolving fund inside a social project',
          'Interest-free loans prevent cost recovery',
          'Refer the workers to a microinsurance or emergency-loan product of a specialised provider',
        ],
      },
    },
  },
  {
    submitter: 'dept-officer-africa',
    partners: { countries: ['GH'] },
    proposal: proposalOf({
      title: 'Savings groups linked to rural banks in northern Ghana',
      description:
        'Village savings and loan associations linked to rural and community banks, with group accounts and a digital savings product for members.',
      department: 'ro-africa',
      countries: ['GH'],
      themes: ['poverty', 'informal-economy'],
      currency: 'GHS',
      budget: 4_600_000,
      budgetUsd: 380_000,
      durationMonths: 30,
      plannedStart: '2026-03-01',
      component: {
        instrument: 'savings-scheme',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 1_900_000,
        description:
          'A grant for the linkage costs of the partner banks; savings on the banks’ own terms.',
      },
      outcomes: [
        outcome(
          'Savings groups hold accounts at a rural bank',
          'Groups with a bank account',
          'groups',
          12,
          600,
          { baselineDate: '2026-02-28', targetDate: '2028-08-31' },
          'Banks’ account registers',
        ),
      ],
      exitStrategy: '',
      constituents: ['cooperative-movement'],
      genderOutcomes: 'Members mostly women; the linkage tracked by sex.',
      decentWorkOutcomes: 'Savings smooth the income of seasonal farm workers.',
      implementer: 'Rural Finance Programme, Ghana',
      sectors: [DAC.informalFinance],
    }),
    review: {
      reviewers: ['qm-reviewer-amara'],
      ratings: [{ base: 3, criteria: { 'exit-strategy': 0 } }],
      decision: {
        decision: 'revise-and-resubmit',
        reasons: [
          'No exit strategy: how the groups keep their accounts when the linkage grant ends',
        ],
      },
    },
    resubmission: {
      changes: {
        exitStrategy:
          'The banks take over the field officers’ costs from the groups’ account fees by month 24; the apex association certifies new groups after that.',
        durationMonths: 36,
      },
      changeNote:
        'An exit strategy agreed with the banks; a longer phase-out (36 months instead of 30)',
      review: {
        reviewers: ['qm-reviewer-amara'],
        ratings: [{ base: 3, criteria: { 'exit-strategy': 3, 'monitoring-plan': 4 } }],
        decision: {
          decision: 'approved',
          reasons: ['The exit strategy is now agreed with the banks and costed'],
        },
      },
    },
    linkages: { accept: 1, dismiss: 0 },
  },
  {
    submitter: 'dept-officer-americas',
    partners: { countries: ['CO'] },
    proposal: proposalOf({
      title: 'Capped-rate microcredit for informal vendors in Medellín',
      description:
        'Microcredit for informal street vendors at a rate capped by the municipality, through a microfinance partner.',
      department: 'employment-policy',
      countries: ['CO'],
      themes: ['informal-economy', 'poverty'],
      currency: 'COP',
      budget: 3_100_000_000,
      budgetUsd: 760_000,
      durationMonths: 24,
      plannedStart: '2026-03-15',
      component: {
        instrument: 'credit-line',
        channel: 'specialised-provider',
        pricingPolicy: 'capped',
        interestRateCap: 0.12,
        amount: 2_000_000_000,
        description:
          'A credit line on-lent at no more than 12 % a year, the municipality’s cap for its vendors’ programme.',
      },
      outcomes: [
        outcome(
          'Vendors formalise and borrow from a regulated lender',
          'Vendors registered with the municipality and borrowing',
          'vendors',
          0,
          3_000,
          { baselineDate: '2026-03-01', targetDate: '2028-03-01' },
          'Municipal register matched with the lender’s clients',
        ),
      ],
      exitStrategy: 'The municipality’s own fund continues the subsidy.',
      constituents: ['government'],
      genderOutcomes: 'Women vendors counted separately.',
      decentWorkOutcomes: 'Vendors registered and covered by health insurance.',
      implementer: 'Employment Policy Department',
      sectors: [DAC.informalFinance, DAC.employment],
    }),
    review: {
      reviewers: ['qm-reviewer-tomas'],
      ratings: [{ base: 2, criteria: { 'pricing-and-cost-recovery': 0 } }],
      decision: {
        decision: 'rejected',
        reasons: [
          'A 12 % cap is far below what small loans cost to make: the lender cannot recover its costs',
          'The municipality’s subsidy would crowd out lenders already serving the vendors',
        ],
      },
    },
  },
  {
    submitter: 'dept-officer-asia',
    partners: { countries: ['IN', 'NP'] },
    proposal: proposalOf({
      title: 'Index-based crop insurance for smallholder cooperatives in India and Nepal',
      description:
        'Weather-index insurance sold through producer cooperatives with a mutual insurer, premiums shared with the cooperatives in the first two seasons.',
      department: 'social-protection',
      countries: ['IN', 'NP'],
      themes: ['microinsurance', 'green-finance'],
      budget: 1_350_000,
      durationMonths: 36,
      plannedStart: '2026-04-01',
      component: {
        instrument: 'insurance-scheme',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 900_000,
        coFinancing: 250_000,
        description:
          'Technical assistance and a premium-sharing grant falling from 50 % to 0 over three seasons.',
      },
      outcomes: [
        outcome(
          'Smallholders insured against drought and excess rain',
          'Insured cooperative members',
          'members',
          0,
          24_000,
          { baselineDate: '2026-03-31', targetDate: '2029-03-31' },
          'Insurer’s policy register',
        ),
        WOMEN_CLIENTS('2026-03-31', '2029-03-31', 22),
      ],
      exitStrategy:
        'Premium sharing ends in season three; the insurer keeps the product in its range and the cooperatives sell it on commission.',
      constituents: ['cooperative-movement', 'government'],
      genderOutcomes: 'Policies in the name of women farmers counted and targeted.',
      decentWorkOutcomes: 'Fewer children taken out of school after a bad season.',
      implementer: 'Social Protection Department',
      sectors: [DAC.agriculturalFinance, DAC.socialProtection],
    }),
    review: {
      reviewers: ['qm-reviewer-mei', 'qm-reviewer-amara'],
      ratings: [
        { base: 3, criteria: { 'performance-based-agreement': 1 } },
        { base: 3, criteria: { 'performance-based-agreement': 2 } },
      ],
      decision: {
        decision: 'approved-with-conditions',
        reasons: ['A sound product through a licensed insurer with a falling premium share'],
        conditions: [
          'Sign a performance-based agreement with the insurer (claims paid within 30 days) before the first tranche',
          'Report the claims ratio each season',
        ],
      },
    },
    linkages: { accept: 1, dismiss: 1 },
  },
  {
    submitter: 'dept-officer-europe',
    partners: { countries: ['KG'], weakest: 'par30' },
    proposal: proposalOf({
      title: 'Credit line for women-owned small enterprises in Kyrgyzstan',
      description:
        'A credit line to a microfinance company for women-owned small enterprises in the south of the country.',
      department: 'ro-europe-central-asia',
      countries: ['KG'],
      themes: ['gender', 'youth'],
      currency: 'KGS',
      budget: 52_000_000,
      budgetUsd: 590_000,
      durationMonths: 36,
      plannedStart: '2026-05-01',
      component: {
        instrument: 'credit-line',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 35_000_000,
        description: 'A senior loan to the partner for on-lending to women-owned enterprises.',
      },
      outcomes: [WOMEN_CLIENTS('2026-04-30', '2029-04-30', 41)],
      exitStrategy: 'The line is repaid from the partner’s portfolio; no subsidy to wind down.',
      constituents: ['employers-organisation'],
      genderOutcomes: 'All financed enterprises owned by women.',
      decentWorkOutcomes: 'Jobs created counted with their contracts.',
      implementer: 'Decent Work Team, Moscow',
      sectors: [DAC.formalFinance, DAC.smeDevelopment],
    }),
    review: {
      reviewers: ['qm-reviewer-tomas'],
      ratings: [{ base: 3, criteria: { 'partner-appraisal': 0 } }],
      decision: {
        decision: 'rejected',
        reasons: [
          'The partner’s portfolio at risk is above the policy’s threshold in its latest report',
          'Find a partner with a sounder portfolio, or resubmit when its figures recover',
        ],
      },
    },
  },
  {
    submitter: 'dept-officer-arab-states',
    partners: { countries: ['JO'] },
    proposal: proposalOf({
      title: 'Equity stake in a digital remittance-savings provider for migrant workers in Jordan',
      description:
        'A minority equity stake in a payments company offering migrant workers remittances with a linked savings wallet.',
      department: 'ro-arab-states',
      countries: ['JO'],
      themes: ['migration-and-remittances'],
      budget: 1_800_000,
      durationMonths: 60,
      plannedStart: '2026-05-15',
      component: {
        instrument: 'equity',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 1_500_000,
        description: 'A 15 % stake alongside two impact investors, with a board seat.',
      },
      outcomes: [
        outcome(
          'Migrant workers send money home for less and save part of it',
          'Average cost of sending 200 USD',
          '%',
          6.5,
          3,
          { baselineDate: '2026-04-30', targetDate: '2031-04-30' },
          'Provider’s price list checked against the World Bank’s Remittance Prices Worldwide',
        ),
      ],
      exitStrategy: 'Sale of the stake to the co-investors or at a later round after year five.',
      constituents: ['workers-organisation', 'government'],
      genderOutcomes: 'Women domestic workers are a target segment with their own product.',
      decentWorkOutcomes: 'Wages paid into the wallet, with a record of payment for the worker.',
      implementer: 'Labour Migration Branch',
      sectors: [DAC.formalFinance],
    }),
    review: {
      reviewers: ['qm-reviewer-amara', 'qm-reviewer-tomas'],
      ratings: [
        { base: 2, criteria: { 'instrument-fit': 1 } },
        { base: 2, criteria: { 'instrument-fit': 2 } },
      ],
      decision: {
        decision: 'revise-and-resubmit',
        reasons: [
          'The valuation and the exit are not argued',
          'The monitoring plan has no indicator on savings',
        ],
      },
    },
    resubmission: {
      changes: {
        budget: 1_500_000,
        budgetUsd: 1_500_000,
        financialComponent: {
          instrument: 'equity',
          channel: 'specialised-provider',
          pricingPolicy: 'market-rates',
          amount: 1_200_000,
          description:
            'A 12 % stake alongside two impact investors, with a board seat and a put option after year five.',
        },
        exitStrategy:
          'A put option to the co-investors at book value after year five, or sale at a later round; the valuation by an independent adviser is annexed.',
      },
      changeNote: 'A smaller stake with a put option; the independent valuation annexed',
      review: {
        reviewers: ['qm-reviewer-amara', 'qm-reviewer-tomas'],
        ratings: [STRONG, { base: 4, criteria: { 'instrument-fit': 3 } }],
        decision: {
          decision: 'approved-with-conditions',
          reasons: ['The exit and the valuation are now argued'],
          conditions: ['Add the savings indicator to the logical framework before disbursement'],
        },
      },
    },
    linkages: { accept: 1, dismiss: 0 },
  },
  {
    submitter: 'dept-officer-africa',
    partners: { countries: ['SN'], weakest: 'oss' },
    proposal: proposalOf({
      title: 'Grant to a mutual health insurer for informal workers in Senegal',
      description:
        'A capacity grant to a mutual health insurer to reach informal workers through their trade associations.',
      department: 'ro-africa',
      countries: ['SN'],
      themes: ['microinsurance', 'informal-economy'],
      currency: 'XOF',
      budget: 420_000_000,
      budgetUsd: 690_000,
      durationMonths: 30,
      plannedStart: '2026-06-01',
      component: {
        instrument: 'grant-to-provider',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 300_000_000,
        description:
          'A grant for the insurer’s information system and enrolment agents, falling each year.',
      },
      outcomes: [
        outcome(
          'Informal workers covered by health insurance',
          'Members of trade associations enrolled',
          'members',
          2_000,
          15_000,
          { baselineDate: '2026-05-31', targetDate: '2028-11-30' },
          'Insurer’s membership register',
        ),
      ],
      exitStrategy:
        'Premiums cover claims and running costs by year three; the grant only pays for the start-up.',
      constituents: ['workers-organisation', 'government'],
      genderOutcomes: 'Maternity cover included; women members tracked.',
      decentWorkOutcomes: 'Informal workers gain health protection.',
      implementer: 'Social Protection Department',
      sectors: [DAC.socialProtection],
    }),
    review: {
      reviewers: ['qm-reviewer-mei'],
      ratings: [{ base: 2, criteria: { 'partner-appraisal': 1 } }],
      decision: {
        decision: 'revise-and-resubmit',
        reasons: [
          'The partner does not cover its operating costs from its income: show how it will',
        ],
      },
    },
  },
  {
    submitter: 'dept-officer-asia',
    partners: { countries: ['PH'] },
    proposal: proposalOf({
      title: 'Disaster-recovery credit line for micro-enterprises in the Visayas',
      description:
        'A contingent credit line to a microfinance NGO for recovery loans to micro-enterprises after typhoons.',
      department: 'ro-asia-pacific',
      countries: ['PH'],
      themes: ['crisis-response', 'green-finance'],
      currency: 'PHP',
      budget: 84_000_000,
      budgetUsd: 1_500_000,
      durationMonths: 36,
      plannedStart: '2026-07-01',
      component: {
        instrument: 'credit-line',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 60_000_000,
        description: 'Drawn within two weeks of a declared disaster, repaid over 24 months.',
      },
      outcomes: [
        outcome(
          'Micro-enterprises reopen quickly after a typhoon',
          'Enterprises reopened within three months of a disaster',
          '%',
          45,
          75,
          { baselineDate: '2026-06-30', targetDate: '2029-06-30' },
          'Partner’s post-disaster client survey',
        ),
      ],
      exitStrategy: 'The partner builds its own contingency reserve from the line’s margin.',
      constituents: ['government', 'employers-organisation'],
      genderOutcomes: 'Women-owned enterprises are first in the recovery queue.',
      decentWorkOutcomes: 'Wages kept up during closure in financed enterprises.',
      implementer: 'Country Office for the Philippines',
      sectors: [DAC.formalFinance],
    }),
    // Two reviewers, each submitted: waiting for the decision.
    review: {
      reviewers: ['qm-reviewer-tomas', 'qm-reviewer-mei'],
      ratings: [GOOD, { base: 3, criteria: { 'monitoring-plan': 4 } }],
      stopsAfterReviews: true,
    },
  },
  {
    submitter: 'dept-officer-americas',
    partners: { countries: ['EC'] },
    proposal: proposalOf({
      title: 'Savings and credit cooperative network for migrant returnees in Ecuador',
      description:
        'Loans and savings accounts for returning migrants through a federation of cooperatives.',
      department: 'ro-americas',
      countries: ['EC'],
      themes: ['migration-and-remittances', 'cooperatives'],
      budget: 650_000,
      durationMonths: 24,
      plannedStart: '2026-08-01',
      component: {
        instrument: 'credit-line',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 450_000,
        description: 'A credit line to the federation’s central fund for returnee loans.',
      },
      outcomes: [
        outcome(
          'Returnees start or expand a business',
          'Returnees with a business loan',
          'returnees',
          0,
          900,
          { baselineDate: '2026-07-31', targetDate: '2028-07-31' },
          'Federation’s loan register',
        ),
      ],
      exitStrategy: 'The federation’s central fund keeps the product from its own resources.',
      constituents: ['cooperative-movement', 'workers-organisation'],
      genderOutcomes: 'Returnee women targeted at 40 %.',
      decentWorkOutcomes: 'Returnees’ businesses registered and paying social security.',
      implementer: 'Labour Migration Branch',
      sectors: [DAC.formalFinance, DAC.employment],
    }),
    // One reviewer's draft saved: under review.
    review: { reviewers: ['qm-reviewer-amara'], ratings: [GOOD], stopsInDraft: true },
    linkages: { accept: 0, dismiss: 1 },
  },
  {
    submitter: 'dept-officer-arab-states',
    partners: { countries: ['LB'] },
    proposal: proposalOf({
      title: 'Emergency working-capital fund for small firms in northern Lebanon',
      description:
        'Working-capital loans for small firms hit by the crisis, through a microfinance institution.',
      department: 'ro-arab-states',
      countries: ['LB'],
      themes: ['crisis-response'],
      budget: 500_000,
      durationMonths: 18,
      plannedStart: '2026-09-01',
      component: {
        instrument: 'revolving-fund',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 400_000,
        description: 'A revolving fund managed by the partner under a management agreement.',
      },
      outcomes: [
        outcome(
          'Small firms keep their workers through the crisis',
          'Workers retained in financed firms',
          'workers',
          0,
          1_200,
          { baselineDate: '2026-08-31', targetDate: '2028-02-28' },
          'Partner’s client records, checked on a sample',
        ),
      ],
      exitStrategy: 'The fund is folded into the partner’s portfolio at month 18.',
      constituents: ['employers-organisation'],
      genderOutcomes: 'Women-owned firms counted.',
      decentWorkOutcomes: 'Jobs retained with wages paid.',
      implementer: 'Regional Office for Arab States',
      sectors: [DAC.smeDevelopment],
    }),
    review: { reviewers: ['qm-reviewer-mei'], ratings: [GOOD] },
    withdrawnBecause:
      'The donor moved the funds to the cash-for-work programme; the office will resubmit next year',
  },
  {
    submitter: 'dept-officer-europe',
    partners: { countries: ['GE'] },
    proposal: proposalOf({
      title: 'Guarantee for green investment loans to Georgian cooperatives',
      description:
        'A portfolio guarantee for loans financing solar dryers and drip irrigation in agricultural cooperatives.',
      department: 'cooperatives-unit',
      countries: ['GE', 'AM'],
      themes: ['green-finance', 'cooperatives'],
      budget: 900_000,
      durationMonths: 36,
      plannedStart: '2026-10-01',
      component: {
        instrument: 'guarantee-fund',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 700_000,
        description: 'A 40 % portfolio guarantee with a fee paid by the lender.',
      },
      outcomes: [
        outcome(
          'Cooperatives invest in climate adaptation',
          'Cooperatives with a financed green investment',
          'cooperatives',
          0,
          150,
          { baselineDate: '2026-09-30', targetDate: '2029-09-30' },
          'Lender’s guaranteed-loan register',
        ),
      ],
      exitStrategy:
        'Fees build the guarantee’s own reserve; the state guarantee agency takes it on.',
      constituents: ['cooperative-movement', 'government'],
      genderOutcomes: 'Women members’ share in the financed cooperatives reported.',
      decentWorkOutcomes:
        'Seasonal workers’ conditions in the cooperatives covered by the agreement.',
      implementer: 'Cooperatives Unit',
      sectors: [DAC.agriculturalFinance],
    }),
    linkages: { accept: 1, dismiss: 0 },
  },
  {
    submitter: 'dept-officer-africa',
    partners: { countries: ['UG'] },
    proposal: proposalOf({
      title: 'Youth savings and credit through SACCOs in Uganda',
      description:
        'Youth savings accounts and first loans through savings and credit cooperatives, with financial education in vocational schools.',
      department: 'ro-africa',
      countries: ['UG'],
      themes: ['youth', 'cooperatives'],
      currency: 'UGX',
      budget: 1_500_000_000,
      budgetUsd: 400_000,
      durationMonths: 24,
      plannedStart: '2026-11-01',
      component: {
        instrument: 'savings-scheme',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 900_000_000,
        description: 'Product development and agents for the SACCOs; savings on their own terms.',
      },
      outcomes: [
        outcome(
          'Young people save regularly and borrow for a first business',
          'Youth accounts with a deposit in the last 90 days',
          'accounts',
          0,
          12_000,
          { baselineDate: '2026-10-31', targetDate: '2028-10-31' },
          'SACCOs’ account data',
        ),
      ],
      exitStrategy: 'The SACCOs carry the product’s costs from year two.',
      constituents: ['cooperative-movement', 'government'],
      genderOutcomes: 'Equal numbers of young women and men.',
      decentWorkOutcomes:
        'Graduates of vocational schools start businesses with decent conditions.',
      implementer: 'Youth Employment Programme, Uganda',
      sectors: [DAC.informalFinance, DAC.employment],
      iatiIdentifier: 'XM-DAC-41302-UG-2026-YOUTH-SAVINGS',
    }),
    review: {
      reviewers: ['qm-reviewer-amara'],
      ratings: [STRONG],
      decision: {
        decision: 'approved',
        reasons: ['Savings first, through member-owned providers, with costs carried by them'],
      },
    },
    linkages: { accept: 2, dismiss: 1 },
  },
];
