/**
 * The life of a research project: its phases as action research in social
 * finance runs them, and for each command on an existing project the statuses
 * it is allowed from. The research decider refuses a command with
 * ILLEGAL_TRANSITION by these very tables, so the actions the console offers
 * cannot drift from what the API accepts. The guards within a status (no
 * baseline without an approved design, …) are the decider's.
 */

/** proposed → approved → … → findings published → closed, in this order. */
export const RESEARCH_PHASES = [
  'proposed',
  'approved',
  'diagnostic-survey',
  'innovation-design',
  'baseline-survey',
  'pilot',
  'follow-up-survey',
  'impact-analysis',
  'cost-benefit-analysis',
  'findings-published',
  'closed',
] as const;
export type ResearchPhase = (typeof RESEARCH_PHASES)[number];

/** A project is in one of its phases, or suspended (it resumes where it was), or abandoned (for good). */
export const RESEARCH_PROJECT_STATUSES = [...RESEARCH_PHASES, 'suspended', 'abandoned'] as const;
export type ResearchProjectStatus = (typeof RESEARCH_PROJECT_STATUSES)[number];

/** The phases a project works in, between its approval and the publication of its findings. */
export const WORKING_PHASES = [
  'approved',
  'diagnostic-survey',
  'innovation-design',
  'baseline-survey',
  'pilot',
  'follow-up-survey',
  'impact-analysis',
  'cost-benefit-analysis',
] as const satisfies readonly ResearchPhase[];

/** The phase AdvancePhase moves to from each phase it is allowed from. */
export const NEXT_PHASE: Readonly<Partial<Record<ResearchPhase, ResearchPhase>>> = {
  approved: 'diagnostic-survey',
  'diagnostic-survey': 'innovation-design',
  'innovation-design': 'baseline-survey',
  'baseline-survey': 'pilot',
  pilot: 'follow-up-survey',
  'follow-up-survey': 'impact-analysis',
  'impact-analysis': 'cost-benefit-analysis',
};

export const RESEARCH_PROJECT_COMMANDS = [
  'ReviseProject',
  'ApproveProject',
  'AdvancePhase',
  'ApproveInnovationDesign',
  'RecordSurveyRound',
  'PlanMilestone',
  'RescheduleMilestone',
  'CompleteMilestone',
  'FlagSlippingMilestones',
  'RecordFinding',
  'RecordCostBenefit',
  'RecordRecommendations',
  'PublishFindings',
  'SuspendProject',
  'ResumeProject',
  'AbandonProject',
  'CloseProject',
] as const;
export type ResearchProjectCommandType = (typeof RESEARCH_PROJECT_COMMANDS)[number];

const OPEN: readonly ResearchProjectStatus[] = ['proposed', ...WORKING_PHASES, 'suspended'];
const AFTER_ANALYSIS: readonly ResearchProjectStatus[] = [
  'impact-analysis',
  'cost-benefit-analysis',
  'findings-published',
  'closed',
  'abandoned',
];

export const RESEARCH_COMMAND_ALLOWED_FROM: Readonly<
  Record<ResearchProjectCommandType, readonly ResearchProjectStatus[]>
> = {
  // The hypotheses and the design are fixed once the baseline survey starts (the decider's guard).
  ReviseProject: OPEN,
  ApproveProject: ['proposed'],
  AdvancePhase: Object.keys(NEXT_PHASE) as ResearchPhase[],
  ApproveInnovationDesign: ['innovation-design'],
  RecordSurveyRound: ['baseline-survey', 'follow-up-survey'],
  PlanMilestone: OPEN,
  RescheduleMilestone: OPEN,
  CompleteMilestone: OPEN,
  FlagSlippingMilestones: OPEN,
  // Findings and recommendations can be corrected after publication (then published again as a new version).
  RecordFinding: AFTER_ANALYSIS,
  RecordCostBenefit: ['cost-benefit-analysis', 'findings-published', 'closed'],
  RecordRecommendations: AFTER_ANALYSIS,
  // The first publication from cost-benefit analysis; a correction after it; what an abandoned project learnt.
  PublishFindings: ['cost-benefit-analysis', 'findings-published', 'closed', 'abandoned'],
  SuspendProject: WORKING_PHASES,
  ResumeProject: ['suspended'],
  AbandonProject: OPEN,
  CloseProject: ['findings-published'],
};
