import type {
  CostBenefitInput,
  Hypothesis,
  ResearchFinding,
  ResearchPhase,
  ResearchProjectCommandType,
  ResearchProjectDefinition,
  ResearchProjectStatus,
} from '@sfp/contracts';
import { costBenefitOf } from '@sfp/contracts';
import type { ProposeProject, ResearchProjectCommand } from '../research-project.commands';
import {
  CostBenefitAnalysed,
  FindingRecorded,
  FindingsPublished,
  InnovationDesignApproved,
  MilestonePlanned,
  RecommendationsRecorded,
  ResearchPhaseStarted,
  ResearchProjectAbandoned,
  ResearchProjectApproved,
  ResearchProjectClosed,
  ResearchProjectProposed,
  ResearchProjectSuspended,
  SurveyRoundRecorded,
  type ResearchProjectEvent,
} from '../research-project.events';

/**
 * One research project for the domain's specs: weather-index microinsurance
 * for cocoa-farming households in Ghana and Côte d'Ivoire, tested by a
 * cluster RCT on child labour and income. Proposed on T0 (4 March 2024);
 * `at(days)` is a time that many days later. A well-formed command of every
 * type, and the events that bring the project to each status.
 */
export const projectId = 'research-7c1e2b44-5d9a-4f0e-9b3a-2f6c8d1e4a70';
export const T0 = '2024-03-04T09:00:00.000Z';
export const at = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();
export const RESEARCHER = 'user-researcher-1';

export const H1: Hypothesis = {
  hypothesisId: 'H1',
  statement: 'Insured households rely less on their children’s work after a shock',
  outcome: 'child-labour',
  indicator: 'hours worked by children 5–17 per week',
  expectedDirection: 'decrease',
};
export const H2: Hypothesis = {
  hypothesisId: 'H2',
  statement: 'Insured households earn more from their farms',
  outcome: 'income',
  indicator: 'annual household farm income (GHS)',
  expectedDirection: 'increase',
};

export const definition: ResearchProjectDefinition = {
  title: 'Weather-index microinsurance and child labour in cocoa-farming households',
  researchQuestion:
    'Does weather-index crop insurance sold with a savings account reduce child labour after a poor harvest?',
  hypotheses: [H1, H2],
  innovation: {
    kind: 'product',
    description: 'Weather-index crop insurance bundled with a commitment savings account',
  },
  themes: ['child-labour', 'microinsurance'],
  deficits: ['child-labour', 'vulnerability'],
  partnerInstitutionIds: ['institution-gh-sinapi', 'institution-ci-advans'],
  countries: ['GH', 'CI'],
  design: { method: 'rct', unitOfRandomisation: 'village', clusters: 120 },
  currency: 'USD',
  budget: 480_000,
  fundingSources: [
    { kind: 'donor', funder: 'Government of the Netherlands', amount: 350_000 },
    { kind: 'regular-budget', funder: 'ILO Social Finance', amount: 80_000 },
  ],
  team: [
    { name: 'Ama Owusu', role: 'principal-investigator', organisation: 'University of Ghana' },
    { name: 'Jean-Marc Koné', role: 'field-coordinator' },
  ],
  plannedStart: '2024-04-01',
  plannedEnd: '2026-06-30',
};

export const proposeCommand: ProposeProject = {
  type: 'ProposeProject',
  projectId,
  project: definition,
  unknownPartners: [],
  at: T0,
  by: RESEARCHER,
};

export const proposed = ResearchProjectProposed.of({
  projectId,
  project: definition,
  proposedBy: RESEARCHER,
  proposedAt: T0,
});
export const approved = ResearchProjectApproved.of({
  projectId,
  approvedBy: 'user-head-of-unit',
  approvedAt: at(14),
});
export const phaseStarted = (from: ResearchPhase, phase: ResearchPhase, day: number) =>
  ResearchPhaseStarted.of({ projectId, from, phase, startedBy: RESEARCHER, startedAt: at(day) });
export const designApproved = InnovationDesignApproved.of({
  projectId,
  note: 'Premium and payout index agreed with the insurers',
  approvedBy: 'user-head-of-unit',
  approvedAt: at(120),
});
export const baselineRound = SurveyRoundRecorded.of({
  projectId,
  round: {
    kind: 'baseline',
    number: 0,
    completedOn: '2024-09-20',
    sample: { treatment: 1210, comparison: 1190 },
  },
  recordedBy: RESEARCHER,
  recordedAt: at(200),
});
export const followUpRound = (number: number, completedOn: string, day: number) =>
  SurveyRoundRecorded.of({
    projectId,
    round: {
      kind: 'follow-up',
      number,
      completedOn,
      sample: { treatment: 1105, comparison: 1098 },
    },
    recordedBy: RESEARCHER,
    recordedAt: at(day),
  });

/** H1: fewer hours of child work (supported); H2: income up, but the interval crosses zero (a null result). */
export const findingH1: ResearchFinding = {
  hypothesisId: 'H1',
  verdict: 'supported',
  surveyRound: 1,
  effect: {
    size: -2.4,
    unit: 'hours per week',
    standardError: 0.8,
    confidenceInterval: { lower: -3.968, upper: -0.832 },
  },
  sample: { treatment: 1105, comparison: 1098 },
};
export const findingH2: ResearchFinding = {
  hypothesisId: 'H2',
  verdict: 'not-supported',
  surveyRound: 1,
  effect: { size: 38, unit: 'GHS per year', confidenceInterval: { lower: -21, upper: 97 } },
  sample: { treatment: 1105, comparison: 1098 },
  note: 'No detectable effect on farm income',
};
export const findingRecorded = (finding: ResearchFinding, day: number) =>
  FindingRecorded.of({ projectId, finding, recordedBy: RESEARCHER, recordedAt: at(day) });

export const costBenefitInput: CostBenefitInput = {
  currency: 'USD',
  horizonYears: 3,
  discountRate: 0.06,
  costs: [
    { party: 'institution', label: 'Product design and IT', year: 0, amount: 60_000 },
    { party: 'donor', label: 'Premium subsidy', year: 1, amount: 40_000 },
  ],
  benefits: [
    { party: 'clients', label: 'Payouts net of premiums', year: 1, amount: 45_000 },
    { party: 'clients', label: 'Payouts net of premiums', year: 2, amount: 50_000 },
    { party: 'institution', label: 'Savings deposits margin', year: 3, amount: 30_000 },
  ],
};
export const costBenefitAnalysed = CostBenefitAnalysed.of({
  projectId,
  input: costBenefitInput,
  result: costBenefitOf(costBenefitInput),
  analysedBy: RESEARCHER,
  analysedAt: at(760),
});
export const recommendations = [
  { audience: 'policy' as const, text: 'Subsidise index insurance premiums in cocoa districts' },
  { audience: 'practice' as const, text: 'Sell the cover with a savings account, before planting' },
];
export const recommendationsRecorded = RecommendationsRecorded.of({
  projectId,
  recommendations,
  recordedBy: RESEARCHER,
  recordedAt: at(765),
});
export const milestonePlanned = MilestonePlanned.of({
  projectId,
  milestone: {
    milestoneId: 'milestone-baseline-report',
    phase: 'baseline-survey',
    title: 'Baseline report',
    plannedOn: '2024-10-15',
  },
  plannedBy: RESEARCHER,
  plannedAt: at(100),
});

const toInnovationDesign = [
  proposed,
  approved,
  phaseStarted('approved', 'diagnostic-survey', 30),
  phaseStarted('diagnostic-survey', 'innovation-design', 75),
];
const toBaseline = [
  ...toInnovationDesign,
  designApproved,
  phaseStarted('innovation-design', 'baseline-survey', 121),
];
const toPilot = [...toBaseline, baselineRound, phaseStarted('baseline-survey', 'pilot', 205)];
const toFollowUp = [...toPilot, phaseStarted('pilot', 'follow-up-survey', 560)];
const toImpact = [
  ...toFollowUp,
  followUpRound(1, '2025-10-10', 585),
  phaseStarted('follow-up-survey', 'impact-analysis', 590),
];
const toCostBenefit = [
  ...toImpact,
  findingRecorded(findingH1, 700),
  findingRecorded(findingH2, 701),
  phaseStarted('impact-analysis', 'cost-benefit-analysis', 710),
];
export const readyToPublish = [...toCostBenefit, costBenefitAnalysed, recommendationsRecorded];

/** The publication of the full story above, as PublishFindings builds it. */
export const firstPublication = FindingsPublished.of({
  publication: {
    projectId,
    version: 1,
    outcome: 'completed',
    title: definition.title,
    summary: 'Insurance cut child work after the 2025 drought; no effect on income',
    researchQuestion: definition.researchQuestion,
    innovation: definition.innovation,
    themes: definition.themes,
    deficits: definition.deficits,
    countries: definition.countries,
    partnerInstitutionIds: definition.partnerInstitutionIds,
    design: definition.design,
    team: definition.team,
    surveyRounds: [baselineRound.data.round, followUpRound(1, '2025-10-10', 585).data.round],
    hypotheses: [
      { ...H1, finding: findingH1 },
      { ...H2, finding: findingH2 },
    ],
    costBenefit: { input: costBenefitInput, result: costBenefitOf(costBenefitInput) },
    recommendations,
    publishedOn: '2026-04-06',
  },
  publishedBy: RESEARCHER,
  publishedAt: '2026-04-06T10:00:00.000Z',
});
export const closed = ResearchProjectClosed.of({
  projectId,
  closedBy: 'user-head-of-unit',
  closedAt: '2026-06-30T16:00:00.000Z',
});

/** The events that bring the project to each status. */
export const history: Record<ResearchProjectStatus, ResearchProjectEvent[]> = {
  proposed: [proposed],
  approved: [proposed, approved],
  'diagnostic-survey': toInnovationDesign.slice(0, 3),
  'innovation-design': toInnovationDesign,
  'baseline-survey': toBaseline,
  pilot: toPilot,
  'follow-up-survey': toFollowUp,
  'impact-analysis': toImpact,
  'cost-benefit-analysis': toCostBenefit,
  'findings-published': [...readyToPublish, firstPublication],
  closed: [...readyToPublish, firstPublication, closed],
  suspended: [
    ...toPilot,
    ResearchProjectSuspended.of({
      projectId,
      phase: 'pilot',
      reason: 'Partner’s licence under review by the central bank',
      suspendedBy: RESEARCHER,
      suspendedAt: at(300),
    }),
  ],
  abandoned: [
    ...toPilot,
    ResearchProjectAbandoned.of({
      projectId,
      phase: 'pilot',
      reason: 'The insurer withdrew the product',
      abandonedBy: RESEARCHER,
      abandonedAt: at(320),
    }),
  ],
};

/** A well-formed command of each type given on a project. */
export const commands: {
  [C in ResearchProjectCommandType]: Extract<ResearchProjectCommand, { type: C }>;
} = {
  ReviseProject: {
    type: 'ReviseProject',
    project: { ...definition, budget: 500_000 },
    reason: 'Second donor tranche',
    unknownPartners: [],
    at: at(10),
    by: RESEARCHER,
  },
  ApproveProject: { type: 'ApproveProject', at: at(14), by: 'user-head-of-unit' },
  AdvancePhase: { type: 'AdvancePhase', to: 'diagnostic-survey', at: at(30), by: RESEARCHER },
  ApproveInnovationDesign: {
    type: 'ApproveInnovationDesign',
    note: 'Premium and payout index agreed with the insurers',
    at: at(120),
    by: 'user-head-of-unit',
  },
  RecordSurveyRound: {
    type: 'RecordSurveyRound',
    round: baselineRound.data.round,
    at: at(200),
    by: RESEARCHER,
  },
  PlanMilestone: {
    type: 'PlanMilestone',
    milestone: {
      milestoneId: 'milestone-pilot-report',
      phase: 'pilot',
      title: 'Pilot monitoring report',
      plannedOn: '2025-03-31',
    },
    at: at(150),
    by: RESEARCHER,
  },
  RescheduleMilestone: {
    type: 'RescheduleMilestone',
    milestoneId: 'milestone-baseline-report',
    plannedOn: '2024-11-15',
    reason: 'Rains delayed the fieldwork',
    at: at(180),
    by: RESEARCHER,
  },
  CompleteMilestone: {
    type: 'CompleteMilestone',
    milestoneId: 'milestone-baseline-report',
    completedOn: '2024-10-25',
    deliverables: [
      {
        title: 'Baseline report',
        kind: 'report',
        url: 'https://research.example.org/gh-cocoa/baseline.pdf',
      },
    ],
    at: at(236),
    by: RESEARCHER,
  },
  FlagSlippingMilestones: {
    type: 'FlagSlippingMilestones',
    today: '2024-10-20',
    at: '2024-10-20T02:00:00.000Z',
    by: 'system',
  },
  RecordFinding: {
    type: 'RecordFinding',
    finding: findingH1,
    at: at(700),
    by: RESEARCHER,
  },
  RecordCostBenefit: {
    type: 'RecordCostBenefit',
    input: costBenefitInput,
    at: at(760),
    by: RESEARCHER,
  },
  RecordRecommendations: {
    type: 'RecordRecommendations',
    recommendations,
    at: at(765),
    by: RESEARCHER,
  },
  PublishFindings: {
    type: 'PublishFindings',
    summary: 'Insurance cut child work after the 2025 drought; no effect on income',
    at: '2026-04-06T10:00:00.000Z',
    by: RESEARCHER,
  },
  SuspendProject: {
    type: 'SuspendProject',
    reason: 'Partner’s licence under review by the central bank',
    at: at(300),
    by: RESEARCHER,
  },
  ResumeProject: { type: 'ResumeProject', at: at(340), by: RESEARCHER },
  AbandonProject: {
    type: 'AbandonProject',
    reason: 'The insurer withdrew the product',
    at: at(320),
    by: RESEARCHER,
  },
  CloseProject: { type: 'CloseProject', at: '2026-06-30T16:00:00.000Z', by: 'user-head-of-unit' },
};
