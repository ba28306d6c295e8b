import { payloadShapeProblems, type PayloadShapes } from '../../consumption/payload-shape';
import type { ShapeProblem } from '../../registry/reporting-plugin';

/**
 * The innovation-research context's public events as reporting reads them
 * (see services/innovation-research, research-project.events.ts): type names
 * and the payload fields reporting uses. Reporting does not import the
 * research service's code; a payload that lacks these fields is refused at
 * consumption (dead letter), so the views can rely on them. The team's names
 * are never read.
 */
export const RESEARCH_SOURCE = 'innovation-research';

export const RESEARCH_EVENT_TYPES = {
  projectProposed: 'innovation-research.ResearchProjectProposed',
  projectRevised: 'innovation-research.ResearchProjectRevised',
  projectApproved: 'innovation-research.ResearchProjectApproved',
  phaseStarted: 'innovation-research.ResearchPhaseStarted',
  milestonePlanned: 'innovation-research.MilestonePlanned',
  milestoneRescheduled: 'innovation-research.MilestoneRescheduled',
  milestoneCompleted: 'innovation-research.MilestoneCompleted',
  milestoneSlipped: 'innovation-research.MilestoneSlipped',
  costBenefitAnalysed: 'innovation-research.CostBenefitAnalysed',
  findingsPublished: 'innovation-research.FindingsPublished',
  projectSuspended: 'innovation-research.ResearchProjectSuspended',
  projectResumed: 'innovation-research.ResearchProjectResumed',
  projectAbandoned: 'innovation-research.ResearchProjectAbandoned',
  projectClosed: 'innovation-research.ResearchProjectClosed',
} as const;

const R = RESEARCH_EVENT_TYPES;

/** The project definition as reporting reads it (ResearchProjectDefinition, in part). */
export interface ResearchProjectShape {
  title: string;
  innovation: { kind: string };
  themes: string[];
  deficits: string[];
  countries: string[];
  design: { method: string };
  currency: string;
  budget: number;
}

/** A finding as published (ResearchFinding, in part). */
export interface PublishedFindingShape {
  verdict: string;
}

/** The publication (ResearchPublication, in part). */
export interface ResearchPublicationShape {
  projectId: string;
  version: number;
  correctionReason?: string;
  outcome: string;
  title: string;
  innovation: { kind: string };
  design: { method: string };
  themes: string[];
  countries: string[];
  hypotheses: Array<{ hypothesisId: string; finding?: PublishedFindingShape }>;
  publishedOn: string;
}

/** The analysis (CostBenefitInput and CostBenefitResult, in part). */
export interface CostBenefitShape {
  input: { currency: string; horizonYears: number; discountRate: number };
  result: {
    presentValueOfCosts: number;
    presentValueOfBenefits: number;
    netPresentValue: number;
    benefitCostRatio: number | null;
  };
}

/** The top-level fields reporting reads from each event's data, and their shape. */
const SHAPES: PayloadShapes = {
  [R.projectProposed]: { projectId: 'string', project: 'object', proposedAt: 'string' },
  [R.projectRevised]: { projectId: 'string', project: 'object', revisedAt: 'string' },
  [R.projectApproved]: { projectId: 'string', approvedAt: 'string' },
  [R.phaseStarted]: { projectId: 'string', phase: 'string', startedAt: 'string' },
  [R.milestonePlanned]: { projectId: 'string', milestone: 'object', plannedAt: 'string' },
  [R.milestoneRescheduled]: {
    projectId: 'string',
    milestoneId: 'string',
    plannedOn: 'string',
    rescheduledAt: 'string',
  },
  [R.milestoneCompleted]: {
    projectId: 'string',
    milestoneId: 'string',
    completedOn: 'string',
    daysLate: 'number',
    completedAt: 'string',
  },
  [R.milestoneSlipped]: {
    projectId: 'string',
    milestoneId: 'string',
    plannedOn: 'string',
    flaggedOn: 'string',
    daysLate: 'number',
    flaggedAt: 'string',
  },
  [R.costBenefitAnalysed]: {
    projectId: 'string',
    input: 'object',
    result: 'object',
    analysedAt: 'string',
  },
  [R.findingsPublished]: { publication: 'object', publishedAt: 'string' },
  [R.projectSuspended]: {
    projectId: 'string',
    phase: 'string',
    reason: 'string',
    suspendedAt: 'string',
  },
  [R.projectResumed]: { projectId: 'string', phase: 'string', resumedAt: 'string' },
  [R.projectAbandoned]: {
    projectId: 'string',
    phase: 'string',
    reason: 'string',
    abandonedAt: 'string',
  },
  [R.projectClosed]: { projectId: 'string', closedAt: 'string' },
};

/** Problems of a research event's payload ([] when reporting can use it). */
export function researchShapeProblems(type: string, data: unknown): ShapeProblem[] {
  const problems = payloadShapeProblems(SHAPES, type, data, /At$/);
  if (problems.length > 0 || type !== R.findingsPublished) return problems;
  const publication = (data as { publication: Record<string, unknown> }).publication;
  return payloadShapeProblems(
    { publication: { projectId: 'string', version: 'number', title: 'string', outcome: 'string' } },
    'publication',
    publication,
  ).map((p) => ({ ...p, field: p.field.replace(/^data\./, 'data.publication.') }));
}
