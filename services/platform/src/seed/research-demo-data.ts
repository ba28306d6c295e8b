/**
 * The research demo's portfolio (2023 to 2026): the social-finance unit's
 * action-research projects with the knowledge base's institutions as
 * partners, each taken as far as its story goes: one closed after a corrected
 * publication, one published with a null result, one awaiting publication,
 * one suspended, others in the field, one abandoned (publishing what it
 * learnt) and one only proposed.
 */
import type {
  CostBenefitInput,
  DeliverableKind,
  FindingVerdict,
  Recommendation,
  ResearchPhase,
  ResearchProjectDefinition,
} from '@sfp/contracts';

/** The head of the research unit: approves projects and their innovation designs. */
export const RESEARCH_COORDINATOR = 'research-coordinator';

/** A milestone as planned, and what became of it. */
export interface DemoMilestone {
  phase: ResearchPhase;
  title: string;
  plannedOn: string;
  /** Moved before it was done (or while still open). */
  rescheduled?: { plannedOn: string; reason: string };
  /** Done on this date (late when after the planned date), with what it delivered. */
  done?: { completedOn: string; deliverables: Array<{ title: string; kind: DeliverableKind }> };
}

/** A finding as the analysts estimate it; its sample comes from the follow-up round it is drawn from. */
export interface DemoFinding {
  hypothesisId: string;
  verdict: FindingVerdict;
  surveyRound: number;
  size: number;
  unit: string;
  /** Either the standard error (the service computes the 95 % interval) or the interval itself. */
  standardError?: number;
  confidenceInterval?: { lower: number; upper: number };
  note?: string;
}

export interface DemoResearchProject {
  /**
   * The principal investigator's account: proposes, plans and records. The
   * unit's five researchers lead the nine projects (each account signs in
   * once, within the platform's sign-ins per minute).
   */
  investigator: string;
  /** Countries whose knowledge-base institutions are its partners (one each), then the region's if none. */
  partnerCountries: string[];
  region: string;
  project: Omit<ResearchProjectDefinition, 'partnerInstitutionIds'>;
  /** The phase it has reached (or was in when suspended or abandoned). */
  reaches: ResearchPhase;
  milestones: DemoMilestone[];
  designApproval?: string;
  /** The planned sample of each arm: the rounds field it less some attrition. */
  plannedSample?: { treatment: number; comparison: number };
  baselineOn?: string;
  followUpsOn?: string[];
  findings?: DemoFinding[];
  costBenefit?: CostBenefitInput;
  recommendations?: Recommendation[];
  publication?: { summary: string };
  /** A later version: findings re-estimated, then published again with its reason. */
  correction?: { findings: DemoFinding[]; summary: string; reason: string };
  closedNote?: string;
  suspendedBecause?: string;
  abandonedBecause?: string;
}

const PAPERS = 'https://research.example.org/sfp';

/** A deliverable's link in the unit's repository. */
export function deliverableUrl(projectSlug: string, title: string): string {
  const file = title
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/ +/g, '-');
  return `${PAPERS}/${projectSlug}/${file}.pdf`;
}

export const DEMO_RESEARCH_PROJECTS: DemoResearchProject[] = [
  {
    investigator: 'staff-fndiaye',
    partnerCountries: ['SN'],
    region: 'africa',
    project: {
      title: 'Hospital-cash microinsurance for informal workers in Thiès, Senegal',
      researchQuestion:
        'Does a hospital-cash microinsurance product sold with savings accounts protect informal workers’ households from the cost of illness, and do they keep their productive assets when a member falls ill?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement:
            'Insured households spend a smaller share of their monthly consumption on health care out of pocket',
          outcome: 'vulnerability',
          indicator: 'out-of-pocket health spending, % of monthly household consumption',
          expectedDirection: 'decrease',
        },
        {
          hypothesisId: 'H2',
          statement: 'Insured households sell fewer productive assets to cope with an illness',
          outcome: 'assets',
          indicator: 'share of households that sold a productive asset in the last 12 months',
          expectedDirection: 'decrease',
        },
      ],
      innovation: {
        kind: 'product',
        description:
          'A hospital-cash policy paying XOF 10,000 a night in hospital (up to 10 nights a year), premiums of XOF 1,500 a month collected with the savings deposits of the partner’s informal-worker clients',
      },
      themes: ['microinsurance', 'vulnerability'],
      deficits: ['vulnerability', 'social-protection-gaps', 'informality'],
      countries: ['SN'],
      design: { method: 'rct', unitOfRandomisation: 'village', clusters: 80 },
      currency: 'USD',
      budget: 420_000,
      fundingSources: [
        { kind: 'donor', funder: 'Government of Luxembourg', amount: 300_000 },
        { kind: 'regular-budget', funder: 'ILO Regular Budget', amount: 80_000 },
        { kind: 'partner-contribution', funder: 'Partner institution (in kind)', amount: 40_000 },
      ],
      team: [
        { name: 'Dr Fatou Ndiaye', role: 'principal-investigator', organisation: 'ILO SFP' },
        {
          name: 'Prof. Moussa Sarr',
          role: 'co-investigator',
          organisation: 'Université Cheikh Anta Diop',
        },
        { name: 'Awa Diouf', role: 'field-coordinator' },
        { name: 'Ibrahima Fall', role: 'research-assistant' },
      ],
      plannedStart: '2023-03-01',
      plannedEnd: '2026-06-30',
    },
    reaches: 'cost-benefit-analysis',
    plannedSample: { treatment: 1_200, comparison: 1_200 },
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Diagnostic of health shocks among informal workers',
        plannedOn: '2023-06-30',
        done: {
          completedOn: '2023-07-14',
          deliverables: [{ title: 'Diagnostic report on health shocks', kind: 'report' }],
        },
      },
      {
        phase: 'innovation-design',
        title: 'Product design and pre-analysis plan',
        plannedOn: '2023-09-15',
        done: {
          completedOn: '2023-09-12',
          deliverables: [
            { title: 'Hospital-cash product terms', kind: 'concept-note' },
            { title: 'Pre-analysis plan Thies microinsurance', kind: 'pre-analysis-plan' },
          ],
        },
      },
      {
        phase: 'baseline-survey',
        title: 'Baseline survey in 80 villages',
        plannedOn: '2023-10-31',
        done: {
          completedOn: '2023-11-10',
          deliverables: [
            { title: 'Baseline questionnaire', kind: 'questionnaire' },
            { title: 'Baseline dataset', kind: 'survey-dataset' },
          ],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'Second follow-up survey',
        plannedOn: '2025-10-31',
        done: {
          completedOn: '2025-11-05',
          deliverables: [{ title: 'Follow-up datasets rounds 1 and 2', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'impact-analysis',
        title: 'Impact working paper',
        plannedOn: '2026-03-31',
        rescheduled: {
          plannedOn: '2026-04-30',
          reason: 'Second follow-up data cleaning took a month longer than planned',
        },
        done: {
          completedOn: '2026-04-28',
          deliverables: [
            { title: 'Hospital cash and the cost of illness in Thies', kind: 'working-paper' },
          ],
        },
      },
      {
        phase: 'cost-benefit-analysis',
        title: 'Cost-benefit note and policy brief',
        plannedOn: '2026-06-15',
        done: {
          completedOn: '2026-06-12',
          deliverables: [
            { title: 'Microinsurance for informal workers brief', kind: 'policy-brief' },
          ],
        },
      },
    ],
    designApproval:
      'Premium and benefit level validated with the partner’s actuary; villages to be randomised in public lotteries',
    baselineOn: '2023-11-08',
    followUpsOn: ['2024-10-25', '2025-10-30'],
    findings: [
      {
        hypothesisId: 'H1',
        verdict: 'supported',
        surveyRound: 2,
        size: -3.1,
        unit: 'percentage points of monthly consumption',
        standardError: 0.9,
        note: 'Intention-to-treat, village-clustered standard errors',
      },
      {
        hypothesisId: 'H2',
        verdict: 'supported',
        surveyRound: 2,
        size: -0.06,
        unit: 'share of households',
        confidenceInterval: { lower: -0.105, upper: -0.015 },
        note: 'Intention-to-treat, village-clustered standard errors',
      },
    ],
    costBenefit: {
      currency: 'USD',
      horizonYears: 3,
      discountRate: 0.08,
      costs: [
        {
          party: 'institution',
          label: 'Product design, systems and staff training',
          year: 0,
          amount: 62_000,
        },
        { party: 'donor', label: 'Premium subsidy in the first year', year: 1, amount: 38_000 },
        { party: 'clients', label: 'Premiums net of claims paid', year: 1, amount: 21_000 },
        { party: 'clients', label: 'Premiums net of claims paid', year: 2, amount: 24_000 },
        { party: 'clients', label: 'Premiums net of claims paid', year: 3, amount: 24_000 },
      ],
      benefits: [
        {
          party: 'clients',
          label: 'Health spending and asset sales avoided',
          year: 1,
          amount: 58_000,
        },
        {
          party: 'clients',
          label: 'Health spending and asset sales avoided',
          year: 2,
          amount: 66_000,
        },
        {
          party: 'clients',
          label: 'Health spending and asset sales avoided',
          year: 3,
          amount: 66_000,
        },
        { party: 'institution', label: 'Lower arrears after illness', year: 2, amount: 14_000 },
        { party: 'institution', label: 'Lower arrears after illness', year: 3, amount: 16_000 },
      ],
    },
    recommendations: [
      {
        audience: 'practice',
        text: 'Collect microinsurance premiums with savings deposits: it kept lapses below 10 % a year',
      },
      {
        audience: 'policy',
        text: 'Let hospital-cash products for informal workers count towards the national universal health coverage scheme’s enrolment targets',
      },
    ],
    publication: {
      summary:
        'Hospital cash cut out-of-pocket health spending by about 3 points of consumption and distress sales of productive assets by 6 points; the product breaks even for the partner in its third year.',
    },
    correction: {
      findings: [
        {
          hypothesisId: 'H2',
          verdict: 'supported',
          surveyRound: 2,
          size: -0.052,
          unit: 'share of households',
          confidenceInterval: { lower: -0.096, upper: -0.008 },
          note: 'Re-estimated with inverse-probability weights for attrition between the rounds',
        },
      ],
      summary:
        'Hospital cash cut out-of-pocket health spending by about 3 points of consumption and distress sales of productive assets by 5 points once attrition is weighted for; the product breaks even for the partner in its third year.',
      reason:
        'The asset-sales estimate did not weight for attrition between the follow-up rounds; re-weighted, the effect is slightly smaller',
    },
    closedNote: 'Results presented to the partner’s board and the Ministry of Health in July 2026',
  },
  {
    investigator: 'staff-kasante',
    partnerCountries: ['GH'],
    region: 'africa',
    project: {
      title: 'Partial credit guarantees for small-enterprise loans in Ghana',
      researchQuestion:
        'Does a partial credit guarantee on loans to small enterprises raise lending to firms without collateral, and do the firms that borrow create more wage jobs?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement:
            'Firms in districts covered by the guarantee obtain more loans without collateral',
          outcome: 'business-profit',
          indicator: 'share of small enterprises with a loan without collateral in the last year',
          expectedDirection: 'increase',
        },
        {
          hypothesisId: 'H2',
          statement: 'Borrowing firms employ more wage workers',
          outcome: 'income',
          indicator: 'wage employees per firm',
          expectedDirection: 'increase',
        },
      ],
      innovation: {
        kind: 'policy',
        description:
          'A 50 % partial credit guarantee on loans up to GHS 150,000 to registered small enterprises, rolled out district by district by the guarantee fund',
      },
      themes: ['business-performance', 'formalisation'],
      deficits: ['working-poverty', 'informality'],
      countries: ['GH'],
      design: {
        method: 'quasi-experimental',
        quasiExperimentalMethod: 'difference-in-differences',
        clusters: 24,
      },
      currency: 'USD',
      budget: 310_000,
      fundingSources: [
        { kind: 'extra-budgetary', funder: 'Mastercard Foundation', amount: 250_000 },
        { kind: 'regular-budget', funder: 'ILO Regular Budget', amount: 60_000 },
      ],
      team: [
        { name: 'Dr Kwame Asante', role: 'principal-investigator', organisation: 'ILO SFP' },
        { name: 'Dr Abena Owusu', role: 'co-investigator', organisation: 'University of Ghana' },
        { name: 'Yaw Boateng', role: 'partner-liaison' },
      ],
      plannedStart: '2023-06-01',
      plannedEnd: '2026-12-31',
    },
    reaches: 'cost-benefit-analysis',
    plannedSample: { treatment: 900, comparison: 900 },
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Diagnostic of SME lending in the pilot districts',
        plannedOn: '2023-09-30',
        done: {
          completedOn: '2023-09-28',
          deliverables: [{ title: 'SME credit gap diagnostic', kind: 'report' }],
        },
      },
      {
        phase: 'innovation-design',
        title: 'Guarantee rules and roll-out schedule',
        plannedOn: '2023-12-15',
        done: {
          completedOn: '2024-01-19',
          deliverables: [{ title: 'Guarantee scheme operating rules', kind: 'concept-note' }],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'Follow-up firm survey',
        plannedOn: '2025-09-30',
        done: {
          completedOn: '2025-10-22',
          deliverables: [{ title: 'Firm survey follow-up dataset', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'cost-benefit-analysis',
        title: 'Policy brief for the Ministry of Finance',
        plannedOn: '2026-11-15',
      },
    ],
    designApproval:
      'Roll-out order of the districts fixed before the baseline; 12 early, 12 late districts',
    baselineOn: '2024-03-20',
    followUpsOn: ['2025-10-15'],
    findings: [
      {
        hypothesisId: 'H1',
        verdict: 'supported',
        surveyRound: 1,
        size: 0.08,
        unit: 'share of firms',
        standardError: 0.025,
        note: 'Difference-in-differences, district and year fixed effects',
      },
      {
        hypothesisId: 'H2',
        verdict: 'inconclusive',
        surveyRound: 1,
        size: 0.3,
        unit: 'wage employees per firm',
        confidenceInterval: { lower: -0.1, upper: 0.7 },
        note: 'Positive but imprecise; a second follow-up would be needed',
      },
    ],
    costBenefit: {
      currency: 'USD',
      horizonYears: 5,
      discountRate: 0.1,
      costs: [
        { party: 'government', label: 'Guarantee fund capital', year: 0, amount: 2_000_000 },
        {
          party: 'government',
          label: 'Guarantee calls net of recoveries',
          year: 2,
          amount: 260_000,
        },
        {
          party: 'government',
          label: 'Guarantee calls net of recoveries',
          year: 4,
          amount: 310_000,
        },
        { party: 'institution', label: 'Appraisal of guaranteed loans', year: 1, amount: 120_000 },
      ],
      benefits: [
        {
          party: 'government',
          label: 'Guarantee fund capital returned',
          year: 5,
          amount: 1_500_000,
        },
        { party: 'clients', label: 'Profits of the firms that borrowed', year: 2, amount: 540_000 },
        { party: 'clients', label: 'Profits of the firms that borrowed', year: 3, amount: 600_000 },
        { party: 'clients', label: 'Profits of the firms that borrowed', year: 4, amount: 600_000 },
        { party: 'institution', label: 'Interest on new loans', year: 2, amount: 210_000 },
      ],
    },
    recommendations: [
      {
        audience: 'policy',
        text: 'Keep the guarantee at 50 %: lenders did not ask more collateral of guaranteed firms',
      },
    ],
  },
  {
    investigator: 'staff-lquispe',
    partnerCountries: ['PE'],
    region: 'americas',
    project: {
      title: 'Loans with business training for women micro-entrepreneurs in Arequipa, Peru',
      researchQuestion:
        'Does adding a twelve-session business training to a group-loan product raise the profits of women micro-entrepreneurs?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement: 'Clients offered the training earn higher monthly business profits',
          outcome: 'business-profit',
          indicator: 'monthly business profit, % of the comparison group’s mean',
          expectedDirection: 'increase',
        },
        {
          hypothesisId: 'H2',
          statement: 'Clients offered the training keep better business practices',
          outcome: 'business-profit',
          indicator: 'business practices score (0–20: records, stock, pricing)',
          expectedDirection: 'increase',
        },
      ],
      innovation: {
        kind: 'product',
        description:
          'A group loan with twelve 30-minute training sessions on record-keeping, stock and pricing, given by loan officers at the repayment meetings',
      },
      themes: ['business-performance', 'gender'],
      deficits: ['working-poverty', 'gender-gaps'],
      countries: ['PE'],
      design: { method: 'rct', unitOfRandomisation: 'loan group', clusters: 140 },
      currency: 'PEN',
      budget: 690_000,
      fundingSources: [
        { kind: 'research-grant', funder: 'Inter-American Development Bank Lab', amount: 520_000 },
        {
          kind: 'partner-contribution',
          funder: 'Partner institution (staff time)',
          amount: 170_000,
        },
      ],
      team: [
        { name: 'Dra. Lucía Quispe', role: 'principal-investigator', organisation: 'ILO SFP' },
        {
          name: 'Dr Javier Mendoza',
          role: 'co-investigator',
          organisation: 'Pontificia Universidad Católica del Perú',
        },
        { name: 'Rosa Huamán', role: 'field-coordinator' },
      ],
      plannedStart: '2023-01-09',
      plannedEnd: '2026-03-31',
    },
    reaches: 'cost-benefit-analysis',
    plannedSample: { treatment: 1_050, comparison: 1_050 },
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Diagnostic of clients’ business practices',
        plannedOn: '2023-04-28',
        done: {
          completedOn: '2023-04-26',
          deliverables: [{ title: 'Business practices diagnostic', kind: 'report' }],
        },
      },
      {
        phase: 'innovation-design',
        title: 'Training curriculum and pre-analysis plan',
        plannedOn: '2023-07-31',
        done: {
          completedOn: '2023-08-11',
          deliverables: [
            { title: 'Training curriculum for loan officers', kind: 'concept-note' },
            { title: 'Pre-analysis plan Arequipa', kind: 'pre-analysis-plan' },
          ],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'Endline survey',
        plannedOn: '2025-06-30',
        done: {
          completedOn: '2025-07-04',
          deliverables: [{ title: 'Endline dataset', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'impact-analysis',
        title: 'Working paper',
        plannedOn: '2025-11-30',
        done: {
          completedOn: '2025-12-19',
          deliverables: [
            { title: 'Business training with group loans in Arequipa', kind: 'working-paper' },
          ],
        },
      },
    ],
    designApproval:
      'Curriculum tested with two loan groups; randomisation by loan group within branch',
    baselineOn: '2023-09-29',
    followUpsOn: ['2024-09-27', '2025-06-27'],
    findings: [
      {
        hypothesisId: 'H1',
        verdict: 'not-supported',
        surveyRound: 2,
        size: 1.2,
        unit: '% of the comparison group’s mean monthly profit',
        confidenceInterval: { lower: -3.4, upper: 5.8 },
        note: 'A null result: the interval rules out an effect above 6 %, the size the partner needed to cover the training’s cost',
      },
      {
        hypothesisId: 'H2',
        verdict: 'supported',
        surveyRound: 2,
        size: 1.6,
        unit: 'points of the business practices score',
        standardError: 0.35,
      },
    ],
    costBenefit: {
      currency: 'PEN',
      horizonYears: 2,
      discountRate: 0.07,
      costs: [
        {
          party: 'institution',
          label: 'Curriculum and training of loan officers',
          year: 0,
          amount: 140_000,
        },
        {
          party: 'institution',
          label: 'Loan officers’ time at the sessions',
          year: 1,
          amount: 210_000,
        },
        { party: 'clients', label: 'Time at the sessions', year: 1, amount: 95_000 },
      ],
      benefits: [
        { party: 'clients', label: 'Added business profit', year: 1, amount: 90_000 },
        { party: 'clients', label: 'Added business profit', year: 2, amount: 90_000 },
        { party: 'institution', label: 'Lower portfolio at risk', year: 2, amount: 45_000 },
      ],
    },
    recommendations: [
      {
        audience: 'practice',
        text: 'Do not expect short business training at repayment meetings to raise profits; keep it only where it improves repayment or records',
      },
      {
        audience: 'policy',
        text: 'Fund longer, individual business coaching rather than group sessions when profits are the aim',
      },
    ],
    publication: {
      summary:
        'Business training at repayment meetings improved record-keeping and pricing but did not raise profits: a null result with an interval that rules out the effect the product needed. Costs exceed benefits over two years.',
    },
  },
  {
    investigator: 'staff-mreyes',
    partnerCountries: ['PH'],
    region: 'asia-pacific',
    project: {
      title: 'Savings groups for domestic workers in Iloilo, the Philippines',
      researchQuestion:
        'Do savings groups run with a domestic workers’ association build savings and a buffer against loss of work for live-out domestic workers?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement: 'Members hold more savings after a year',
          outcome: 'assets',
          indicator: 'savings balance, PHP',
          expectedDirection: 'increase',
        },
        {
          hypothesisId: 'H2',
          statement: 'Members borrow less from employers and moneylenders',
          outcome: 'vulnerability',
          indicator: 'share of workers with a debt to an employer or moneylender',
          expectedDirection: 'decrease',
        },
      ],
      innovation: {
        kind: 'delivery-channel',
        description:
          'Weekly savings groups of 15 to 25 domestic workers facilitated by the domestic workers’ association, with a group account at the partner institution',
      },
      themes: ['vulnerability', 'gender'],
      deficits: ['social-protection-gaps', 'gender-gaps', 'informality'],
      countries: ['PH'],
      design: { method: 'quasi-experimental', quasiExperimentalMethod: 'matching' },
      currency: 'USD',
      budget: 185_000,
      fundingSources: [
        { kind: 'donor', funder: 'Government of Japan', amount: 150_000 },
        { kind: 'regular-budget', funder: 'ILO Regular Budget', amount: 35_000 },
      ],
      team: [
        { name: 'Dr Maria Reyes', role: 'principal-investigator', organisation: 'ILO SFP' },
        { name: 'Joy Villanueva', role: 'field-coordinator', organisation: 'SUMAPI Iloilo' },
        { name: 'Paolo Santos', role: 'research-assistant' },
      ],
      plannedStart: '2024-02-01',
      plannedEnd: '2027-03-31',
    },
    reaches: 'follow-up-survey',
    plannedSample: { treatment: 450, comparison: 450 },
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Focus groups with domestic workers',
        plannedOn: '2024-04-30',
        done: {
          completedOn: '2024-05-10',
          deliverables: [{ title: 'Domestic workers financial diaries summary', kind: 'report' }],
        },
      },
      {
        phase: 'baseline-survey',
        title: 'Baseline survey of members and matched workers',
        plannedOn: '2024-09-30',
        done: {
          completedOn: '2024-10-18',
          deliverables: [{ title: 'Baseline dataset Iloilo', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'First follow-up survey',
        plannedOn: '2025-10-31',
        done: {
          completedOn: '2025-10-30',
          deliverables: [{ title: 'Follow-up dataset round 1', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'Second follow-up survey',
        plannedOn: '2026-10-31',
      },
    ],
    designApproval:
      'Group rules agreed with the association; comparison workers matched on district, age and employer type',
    baselineOn: '2024-10-15',
    followUpsOn: ['2025-10-28'],
  },
  {
    investigator: 'staff-kasante',
    partnerCountries: ['UG'],
    region: 'africa',
    project: {
      title: 'Child-labour-sensitive credit for coffee-farming households in Masaka, Uganda',
      researchQuestion:
        'Does a seasonal loan with repayments timed to the coffee harvest and a child-labour clause reduce the hours children work on the family farm?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement: 'Children in borrowing households work fewer hours on the farm',
          outcome: 'child-labour',
          indicator: 'hours worked by children 5–17 in the last week',
          expectedDirection: 'decrease',
        },
        {
          hypothesisId: 'H2',
          statement: 'Borrowing households hire more adult labour at harvest',
          outcome: 'income',
          indicator: 'adult hired labour days at harvest',
          expectedDirection: 'increase',
        },
      ],
      innovation: {
        kind: 'product',
        description:
          'A seasonal loan repaid after the harvest, with a clause and visits by loan officers on children’s schooling and hazardous work, and a top-up to hire adult labour at harvest',
      },
      themes: ['child-labour', 'client-protection'],
      deficits: ['child-labour', 'working-poverty'],
      countries: ['UG'],
      design: { method: 'rct', unitOfRandomisation: 'village', clusters: 60 },
      currency: 'USD',
      budget: 355_000,
      fundingSources: [
        { kind: 'donor', funder: 'United States Department of Labor', amount: 355_000 },
      ],
      team: [
        { name: 'Dr Kwame Asante', role: 'principal-investigator', organisation: 'ILO SFP' },
        { name: 'Dr Peter Ssempala', role: 'co-investigator', organisation: 'Makerere University' },
        { name: 'Grace Nakato', role: 'field-coordinator' },
      ],
      plannedStart: '2024-09-02',
      plannedEnd: '2027-08-31',
    },
    reaches: 'pilot',
    plannedSample: { treatment: 900, comparison: 900 },
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Child labour diagnostic in the coffee villages',
        plannedOn: '2024-12-13',
        done: {
          completedOn: '2025-01-24',
          deliverables: [{ title: 'Child labour in coffee farming in Masaka', kind: 'report' }],
        },
      },
      {
        phase: 'innovation-design',
        title: 'Loan terms and child-labour clause',
        plannedOn: '2025-03-31',
        done: {
          completedOn: '2025-04-30',
          deliverables: [{ title: 'Seasonal loan terms and clause', kind: 'concept-note' }],
        },
      },
      {
        phase: 'baseline-survey',
        title: 'Baseline survey in 60 villages',
        plannedOn: '2025-07-31',
        done: {
          completedOn: '2025-08-29',
          deliverables: [
            { title: 'Baseline questionnaire with child module', kind: 'questionnaire' },
            { title: 'Baseline dataset Masaka', kind: 'survey-dataset' },
          ],
        },
      },
      {
        phase: 'pilot',
        title: 'First harvest cycle of loans disbursed',
        plannedOn: '2026-05-29',
        rescheduled: {
          plannedOn: '2026-08-28',
          reason: 'The harvest came late after the long rains; disbursement follows it',
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'First follow-up survey',
        plannedOn: '2027-02-26',
      },
    ],
    designApproval:
      'Clause reviewed with the district labour officers; village lotteries held with the chiefs',
    baselineOn: '2025-08-22',
  },
  {
    investigator: 'staff-mreyes',
    partnerCountries: ['KH'],
    region: 'asia-pacific',
    project: {
      title: 'The interest-rate cap on microloans and access to credit in Cambodia',
      researchQuestion:
        'What did the 18 % annual cap on microloan interest rates do to the number and size of small loans in rural provinces, and to the fees borrowers pay?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement: 'Lenders made fewer small loans in rural provinces after the cap',
          outcome: 'other',
          indicator: 'loans below USD 500 disbursed per 1,000 adults per quarter',
          expectedDirection: 'decrease',
        },
        {
          hypothesisId: 'H2',
          statement: 'Borrowers paid more in fees after the cap',
          outcome: 'vulnerability',
          indicator: 'fees as % of the loan amount',
          expectedDirection: 'increase',
        },
      ],
      innovation: {
        kind: 'policy',
        description:
          'The central bank’s cap of 18 % a year on the interest rate of loans by microfinance institutions, as applied to loans below USD 500',
      },
      themes: ['client-protection'],
      deficits: ['working-poverty', 'vulnerability'],
      countries: ['KH'],
      design: { method: 'before-after' },
      currency: 'USD',
      budget: 140_000,
      fundingSources: [
        {
          kind: 'research-grant',
          funder: 'Swiss Agency for Development and Cooperation',
          amount: 140_000,
        },
      ],
      team: [
        { name: 'Dr Maria Reyes', role: 'principal-investigator', organisation: 'ILO SFP' },
        {
          name: 'Dr Sokha Dara',
          role: 'co-investigator',
          organisation: 'Royal University of Phnom Penh',
        },
        { name: 'Chenda Sok', role: 'research-assistant' },
      ],
      plannedStart: '2024-01-15',
      plannedEnd: '2026-09-30',
    },
    reaches: 'impact-analysis',
    plannedSample: { treatment: 1_600, comparison: 1_600 },
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Review of lenders’ pricing since the cap',
        plannedOn: '2024-04-30',
        done: {
          completedOn: '2024-04-30',
          deliverables: [{ title: 'Pricing review of Cambodian microlenders', kind: 'report' }],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'Borrower survey after the cap',
        plannedOn: '2025-06-30',
        done: {
          completedOn: '2025-07-25',
          deliverables: [{ title: 'Borrower survey dataset', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'impact-analysis',
        title: 'Analysis of loan-level data',
        plannedOn: '2026-03-31',
      },
    ],
    designApproval:
      'Before-after comparison on loan-level data, with the 2016–2017 quarters as the before period',
    baselineOn: '2024-09-13',
    followUpsOn: ['2025-07-18'],
    findings: [
      {
        hypothesisId: 'H2',
        verdict: 'inconclusive',
        surveyRound: 1,
        size: 0.4,
        unit: 'percentage points of the loan amount',
        confidenceInterval: { lower: -0.2, upper: 1 },
        note: 'From the borrower survey; the loan-level data would settle it',
      },
    ],
    suspendedBecause:
      'The central bank has withheld the 2025 loan-level data until a new data-sharing agreement is signed',
  },
  {
    investigator: 'staff-rhossain',
    partnerCountries: ['BD'],
    region: 'asia-pacific',
    project: {
      title: 'Safety-linked loans for small metal and garment workshops in Rajshahi, Bangladesh',
      researchQuestion:
        'Do loans that finance safety equipment, with a workplace safety check at appraisal, reduce injuries in small workshops without hurting repayment?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement: 'Workshops with a safety-linked loan report fewer injuries',
          outcome: 'occupational-safety-and-health',
          indicator: 'injuries needing care per 100 workers per year',
          expectedDirection: 'decrease',
        },
      ],
      innovation: {
        kind: 'product',
        description:
          'A workshop loan at a 2-point lower rate for safety equipment (guards, ventilation, protective gear), with a ten-point safety check by the loan officer at appraisal and a year later',
      },
      themes: ['occupational-safety-and-health', 'business-performance'],
      deficits: ['occupational-safety-and-health'],
      countries: ['BD'],
      design: { method: 'rct', unitOfRandomisation: 'workshop', clusters: 300 },
      currency: 'USD',
      budget: 260_000,
      fundingSources: [{ kind: 'extra-budgetary', funder: 'Vision Zero Fund', amount: 260_000 }],
      team: [
        { name: 'Dr Rafiq Hossain', role: 'principal-investigator', organisation: 'ILO SFP' },
        { name: 'Nasrin Akter', role: 'field-coordinator' },
      ],
      plannedStart: '2025-07-01',
      plannedEnd: '2028-06-30',
    },
    reaches: 'innovation-design',
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Workshop safety diagnostic',
        plannedOn: '2025-11-28',
        done: {
          completedOn: '2026-01-16',
          deliverables: [{ title: 'Safety in Rajshahi workshops', kind: 'report' }],
        },
      },
      {
        phase: 'innovation-design',
        title: 'Loan product and safety checklist agreed with the partner',
        plannedOn: '2026-04-30',
        rescheduled: {
          plannedOn: '2026-09-30',
          reason: 'The partner’s credit committee asked for a second round of product testing',
        },
      },
    ],
  },
  {
    investigator: 'staff-fndiaye',
    partnerCountries: ['KE'],
    region: 'africa',
    project: {
      title: 'Mobile-money repayment and savings for motorcycle-taxi riders in Nairobi, Kenya',
      researchQuestion:
        'Does letting motorcycle-taxi riders repay and save in small daily amounts by mobile money reduce arrears and build savings for the motorcycle they rent?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement: 'Riders repaying daily by mobile money fall into arrears less often',
          outcome: 'vulnerability',
          indicator: 'share of loans more than 30 days in arrears',
          expectedDirection: 'decrease',
        },
        {
          hypothesisId: 'H2',
          statement: 'Riders save more towards owning their motorcycle',
          outcome: 'assets',
          indicator: 'savings balance, KES',
          expectedDirection: 'increase',
        },
      ],
      innovation: {
        kind: 'delivery-channel',
        description:
          'Daily repayments and savings of KES 50 upwards by mobile money, with reminders by text message, instead of weekly repayments at the branch',
      },
      themes: ['youth', 'formalisation'],
      deficits: ['informality', 'youth-unemployment', 'vulnerability'],
      countries: ['KE'],
      design: { method: 'rct', unitOfRandomisation: 'motorcycle-taxi stage', clusters: 90 },
      currency: 'USD',
      budget: 210_000,
      fundingSources: [
        {
          kind: 'donor',
          funder: 'UK Foreign, Commonwealth and Development Office',
          amount: 180_000,
        },
        { kind: 'partner-contribution', funder: 'Partner institution', amount: 30_000 },
      ],
      team: [
        { name: 'Dr Fatou Ndiaye', role: 'principal-investigator', organisation: 'ILO SFP' },
        {
          name: 'Dr Wanjiru Njoroge',
          role: 'co-investigator',
          organisation: 'University of Nairobi',
        },
        { name: 'Brian Otieno', role: 'field-coordinator' },
      ],
      plannedStart: '2023-10-02',
      plannedEnd: '2026-06-30',
    },
    reaches: 'follow-up-survey',
    plannedSample: { treatment: 700, comparison: 700 },
    milestones: [
      {
        phase: 'diagnostic-survey',
        title: 'Riders’ cash-flow diaries',
        plannedOn: '2024-01-31',
        done: {
          completedOn: '2024-02-09',
          deliverables: [{ title: 'Cash flows of motorcycle-taxi riders', kind: 'report' }],
        },
      },
      {
        phase: 'baseline-survey',
        title: 'Baseline survey at 90 stages',
        plannedOn: '2024-06-28',
        done: {
          completedOn: '2024-06-21',
          deliverables: [{ title: 'Baseline dataset Nairobi riders', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'First follow-up survey',
        plannedOn: '2025-03-31',
        done: {
          completedOn: '2025-04-11',
          deliverables: [{ title: 'Follow-up dataset round 1', kind: 'survey-dataset' }],
        },
      },
      {
        phase: 'follow-up-survey',
        title: 'Second follow-up survey',
        plannedOn: '2025-12-15',
      },
    ],
    designApproval:
      'Stages randomised after the mobile-money provider confirmed the daily collection service',
    baselineOn: '2024-06-14',
    followUpsOn: ['2025-04-04'],
    abandonedBecause:
      'The mobile-money aggregator ended its daily collection service in June 2025; two thirds of the treated riders lost the channel and no replacement could be put in place within the grant',
    findings: [
      {
        hypothesisId: 'H1',
        verdict: 'inconclusive',
        surveyRound: 1,
        size: -0.03,
        unit: 'share of loans',
        standardError: 0.025,
        note: 'From the only follow-up before the channel stopped; too early and too imprecise to conclude',
      },
    ],
    recommendations: [
      {
        audience: 'practice',
        text: 'Secure a second collection channel before testing a mobile-money repayment product: one provider’s decision ended this study',
      },
      {
        audience: 'practice',
        text: 'Riders used daily repayment when offered: 71 % of the treated riders repaid daily in the first six months',
      },
    ],
    publication: {
      summary:
        'Abandoned when the mobile-money collection service ended. Riders took up daily repayment readily; the early effect on arrears was imprecise. What we learnt about running such a study is published for the next one.',
    },
  },
  {
    investigator: 'staff-rhossain',
    partnerCountries: ['IN'],
    region: 'asia-pacific',
    project: {
      title: 'Heat-stress income insurance for women street vendors in Pune, India',
      researchQuestion:
        'Does a parametric insurance paying out on days above 40 °C protect women street vendors’ income during heatwaves?',
      hypotheses: [
        {
          hypothesisId: 'H1',
          statement: 'Insured vendors keep a higher share of their usual income in heatwave weeks',
          outcome: 'income',
          indicator: 'income in heatwave weeks, % of usual weekly income',
          expectedDirection: 'increase',
        },
      ],
      innovation: {
        kind: 'product',
        description:
          'A parametric policy paying INR 400 for each day above 40 °C at the nearest weather station, sold through the vendors’ savings group',
      },
      themes: ['microinsurance', 'green-finance', 'gender'],
      deficits: ['vulnerability', 'gender-gaps'],
      countries: ['IN'],
      design: { method: 'rct', unitOfRandomisation: 'market', clusters: 40 },
      currency: 'USD',
      budget: 230_000,
      fundingSources: [
        { kind: 'donor', funder: 'Global Shield Financing Facility', amount: 230_000 },
      ],
      team: [
        { name: 'Dr Rafiq Hossain', role: 'principal-investigator', organisation: 'ILO SFP' },
        { name: 'Dr Priya Kulkarni', role: 'co-investigator', organisation: 'Gokhale Institute' },
        { name: 'Sunita Jadhav', role: 'partner-liaison' },
      ],
      plannedStart: '2027-01-11',
      plannedEnd: '2029-06-29',
    },
    reaches: 'proposed',
    milestones: [],
  },
];
