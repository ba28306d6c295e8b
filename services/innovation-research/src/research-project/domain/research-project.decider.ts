import { RESEARCH_COMMAND_ALLOWED_FROM, type ResearchProjectCommandType } from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import { recordCostBenefit, recordFinding, recordRecommendations } from './decide-findings';
import {
  completeMilestone,
  flagSlippingMilestones,
  planMilestone,
  rescheduleMilestone,
} from './decide-milestones';
import {
  abandon,
  advance,
  approveDesign,
  close,
  recordSurveyRound,
  resume,
  suspend,
} from './decide-phases';
import { approve, propose, revise } from './decide-proposal';
import { publish } from './decide-publication';
import type { ResearchProjectCommand } from './research-project.commands';
import { assertNever } from './research-project.dates';
import {
  IllegalTransitionError,
  ResearchProjectAlreadyProposedError,
  ResearchProjectNotFoundError,
} from './research-project.errors';
import type { ResearchProjectEvent } from './research-project.events';
import { evolve, type ResearchProject, type ResearchProjectState } from './research-project.state';

export { confidenceIntervalOf } from './decide-findings';
export { publicationOf } from './decide-publication';
export {
  baselineOf,
  evolve,
  followUpsOf,
  hypothesesWithoutFinding,
  phaseOf,
  statusOf,
  type ProjectMilestone,
  type ResearchProject,
  type ResearchProjectState,
} from './research-project.state';

/**
 * The research project: proposed, approved, taken through its phases under
 * their guards, with milestones, survey rounds, findings, a cost-benefit
 * analysis and recommendations, then published (and corrected); suspended,
 * resumed, abandoned or closed.
 */
export function researchProjectDecider(): Decider<
  ResearchProjectState,
  ResearchProjectCommand,
  ResearchProjectEvent
> {
  return { initialState: () => ({ status: 'none' }), decide, evolve };
}

function decide(
  command: ResearchProjectCommand,
  state: ResearchProjectState,
): ResearchProjectEvent[] {
  if (command.type === 'ProposeProject') {
    if (state.status !== 'none') throw new ResearchProjectAlreadyProposedError(state.projectId);
    return propose(command);
  }
  if (state.status === 'none') throw new ResearchProjectNotFoundError();
  allowedFrom(command.type, state);

  switch (command.type) {
    case 'ReviseProject':
      return revise(command, state);
    case 'ApproveProject':
      return approve(command, state);
    case 'AdvancePhase':
      return advance(command, state);
    case 'ApproveInnovationDesign':
      return approveDesign(command, state);
    case 'RecordSurveyRound':
      return recordSurveyRound(command, state);
    case 'PlanMilestone':
      return planMilestone(command, state);
    case 'RescheduleMilestone':
      return rescheduleMilestone(command, state);
    case 'CompleteMilestone':
      return completeMilestone(command, state);
    case 'FlagSlippingMilestones':
      return flagSlippingMilestones(command, state);
    case 'RecordFinding':
      return recordFinding(command, state);
    case 'RecordCostBenefit':
      return recordCostBenefit(command, state);
    case 'RecordRecommendations':
      return recordRecommendations(command, state);
    case 'PublishFindings':
      return publish(command, state);
    case 'SuspendProject':
      return suspend(command, state);
    case 'ResumeProject':
      return resume(command, state);
    case 'AbandonProject':
      return abandon(command, state);
    case 'CloseProject':
      return close(command, state);
    default:
      return assertNever(command);
  }
}

/** Refuses a command its status does not allow, by the contracts' table. */
function allowedFrom(command: ResearchProjectCommandType, project: ResearchProject): void {
  const statuses = RESEARCH_COMMAND_ALLOWED_FROM[command];
  if (!statuses.includes(project.status))
    throw new IllegalTransitionError(command, project.status, statuses);
}
