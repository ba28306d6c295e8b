/** The research decider's state, its lookups, and evolve (state from events). */
import {
  RESEARCH_PHASES,
  type CostBenefitInput,
  type CostBenefitResult,
  type FieldedSurveyRound,
  type Recommendation,
  type ResearchFinding,
  type ResearchPhase,
  type ResearchProjectDefinition,
  type ResearchProjectStatus,
} from '@sfp/contracts';
import { assertNever } from './research-project.dates';
import { HypothesisNotFoundError, MilestoneNotFoundError } from './research-project.errors';
import type { ResearchProjectEvent } from './research-project.events';

/** A milestone as the decisions need it: open or done, and the planned date it was flagged late for. */
export interface ProjectMilestone {
  milestoneId: string;
  plannedOn: string;
  done: boolean;
  /** The planned date the slippage check flagged it for (cleared by rescheduling). */
  slippedFor?: string;
}

export interface ResearchProject {
  status: ResearchProjectStatus;
  projectId: string;
  definition: ResearchProjectDefinition;
  /** The phase it is in, or had when it was suspended or abandoned. */
  phase: ResearchPhase;
  designApproved: boolean;
  /** In the order recorded: the baseline, then follow-ups 1, 2, … */
  surveyRounds: FieldedSurveyRound[];
  milestones: ProjectMilestone[];
  /** The latest finding on each hypothesis, by hypothesis id. */
  findings: Record<string, ResearchFinding>;
  costBenefit?: { input: CostBenefitInput; result: CostBenefitResult };
  recommendations: Recommendation[];
  /** The version of the last publication (0 before the first). */
  publicationVersion: number;
  abandonedReason?: string;
}

/** No project yet (`none`), or the project. */
export type ResearchProjectState = { status: 'none' } | ResearchProject;

/** The project's status, or undefined when the stream holds no project. */
export function statusOf(state: ResearchProjectState): ResearchProjectStatus | undefined {
  return state.status === 'none' ? undefined : state.status;
}

/** The phase the project is in, or had when it was suspended or abandoned. */
export function phaseOf(state: ResearchProjectState): ResearchPhase | undefined {
  return state.status === 'none' ? undefined : state.phase;
}

/** Whether the project's phase is `phase` or later (by RESEARCH_PHASES). */
export function reached(project: ResearchProject, phase: ResearchPhase): boolean {
  return RESEARCH_PHASES.indexOf(project.phase) >= RESEARCH_PHASES.indexOf(phase);
}

export function baselineOf(project: ResearchProject): FieldedSurveyRound | undefined {
  return project.surveyRounds.find((r) => r.kind === 'baseline');
}

export function followUpsOf(project: ResearchProject): FieldedSurveyRound[] {
  return project.surveyRounds.filter((r) => r.kind === 'follow-up');
}

/** The hypotheses that have no finding yet (their ids). */
export function hypothesesWithoutFinding(project: ResearchProject): string[] {
  return project.definition.hypotheses
    .map((h) => h.hypothesisId)
    .filter((id) => !project.findings[id]);
}

/** The milestone by id, or MilestoneNotFoundError. */
export function milestoneOf(project: ResearchProject, milestoneId: string): ProjectMilestone {
  const milestone = project.milestones.find((m) => m.milestoneId === milestoneId);
  if (!milestone) throw new MilestoneNotFoundError(milestoneId);
  return milestone;
}

/** The hypothesis by id, or HypothesisNotFoundError. */
export function hypothesisOf(project: ResearchProject, hypothesisId: string) {
  const hypothesis = project.definition.hypotheses.find((h) => h.hypothesisId === hypothesisId);
  if (!hypothesis) throw new HypothesisNotFoundError(hypothesisId);
  return hypothesis;
}

export function evolve(
  state: ResearchProjectState,
  event: ResearchProjectEvent,
): ResearchProjectState {
  if (event.type === 'innovation-research.ResearchProjectProposed') {
    return {
      status: 'proposed',
      projectId: event.data.projectId,
      definition: event.data.project,
      phase: 'proposed',
      designApproved: false,
      surveyRounds: [],
      milestones: [],
      findings: {},
      recommendations: [],
      publicationVersion: 0,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'innovation-research.ResearchProjectRevised':
      return { ...state, definition: event.data.project };
    case 'innovation-research.ResearchProjectApproved':
      return { ...state, status: 'approved', phase: 'approved' };
    case 'innovation-research.ResearchPhaseStarted':
      return { ...state, status: event.data.phase, phase: event.data.phase };
    case 'innovation-research.InnovationDesignApproved':
      return { ...state, designApproved: true };
    case 'innovation-research.SurveyRoundRecorded':
      return { ...state, surveyRounds: [...state.surveyRounds, event.data.round] };
    case 'innovation-research.MilestonePlanned':
      return {
        ...state,
        milestones: [
          ...state.milestones,
          {
            milestoneId: event.data.milestone.milestoneId,
            plannedOn: event.data.milestone.plannedOn,
            done: false,
          },
        ],
      };
    case 'innovation-research.MilestoneRescheduled':
      return withMilestone(state, event.data.milestoneId, (m) => {
        const { slippedFor: _cleared, ...rest } = m;
        return { ...rest, plannedOn: event.data.plannedOn };
      });
    case 'innovation-research.MilestoneCompleted':
      return withMilestone(state, event.data.milestoneId, (m) => ({ ...m, done: true }));
    case 'innovation-research.MilestoneSlipped':
      return withMilestone(state, event.data.milestoneId, (m) => ({
        ...m,
        slippedFor: event.data.plannedOn,
      }));
    case 'innovation-research.FindingRecorded':
      return {
        ...state,
        findings: { ...state.findings, [event.data.finding.hypothesisId]: event.data.finding },
      };
    case 'innovation-research.CostBenefitAnalysed':
      return { ...state, costBenefit: { input: event.data.input, result: event.data.result } };
    case 'innovation-research.RecommendationsRecorded':
      return { ...state, recommendations: event.data.recommendations };
    case 'innovation-research.FindingsPublished':
      return state.status === 'cost-benefit-analysis'
        ? {
            ...state,
            status: 'findings-published',
            phase: 'findings-published',
            publicationVersion: event.data.publication.version,
          }
        : { ...state, publicationVersion: event.data.publication.version };
    case 'innovation-research.ResearchProjectSuspended':
      return { ...state, status: 'suspended', phase: event.data.phase };
    case 'innovation-research.ResearchProjectResumed':
      return { ...state, status: event.data.phase, phase: event.data.phase };
    case 'innovation-research.ResearchProjectAbandoned':
      return {
        ...state,
        status: 'abandoned',
        phase: event.data.phase,
        abandonedReason: event.data.reason,
      };
    case 'innovation-research.ResearchProjectClosed':
      return { ...state, status: 'closed', phase: 'closed' };
    default:
      return assertNever(event);
  }
}

function withMilestone(
  state: ResearchProject,
  milestoneId: string,
  change: (milestone: ProjectMilestone) => ProjectMilestone,
): ResearchProject {
  return {
    ...state,
    milestones: state.milestones.map((m) => (m.milestoneId === milestoneId ? change(m) : m)),
  };
}
