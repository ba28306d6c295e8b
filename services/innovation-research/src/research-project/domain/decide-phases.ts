/** Moving through the phases, with their guards; survey rounds; suspending, resuming, abandoning, closing. */
import { NEXT_PHASE, type ResearchPhase } from '@sfp/contracts';
import type {
  AbandonProject,
  AdvancePhase,
  ApproveInnovationDesign,
  CloseProject,
  RecordSurveyRound,
  ResumeProject,
  SuspendProject,
} from './research-project.commands';
import { isCalendarDate } from './research-project.dates';
import { PhaseGuardError, ResearchRuleError } from './research-project.errors';
import {
  InnovationDesignApproved,
  ResearchPhaseStarted,
  ResearchProjectAbandoned,
  ResearchProjectClosed,
  ResearchProjectResumed,
  ResearchProjectSuspended,
  SurveyRoundRecorded,
  type ResearchProjectEvent,
} from './research-project.events';
import {
  baselineOf,
  followUpsOf,
  hypothesesWithoutFinding,
  type ResearchProject,
} from './research-project.state';

/** AdvancePhase is allowed (by the contracts' table) only from a phase that has a next one. */
export function advance(command: AdvancePhase, project: ResearchProject): ResearchProjectEvent[] {
  const from = project.status as ResearchPhase;
  const next = NEXT_PHASE[from];
  if (next === undefined || command.to !== next)
    throw new ResearchRuleError(
      'to',
      `From ${from} the project moves to ${next ?? 'no other phase'}, not ${command.to}`,
    );
  checkGuard(project, from, next);
  return [
    ResearchPhaseStarted.of({
      projectId: project.projectId,
      from,
      phase: next,
      startedBy: command.by,
      startedAt: command.at,
    }),
  ];
}

/** What a phase needs before the next one starts. */
function checkGuard(project: ResearchProject, from: ResearchPhase, to: ResearchPhase): void {
  if (to === 'baseline-survey' && !project.designApproved)
    throw new PhaseGuardError('The baseline survey needs an approved design of the innovation');
  if (to === 'pilot' && !baselineOf(project))
    throw new PhaseGuardError('The pilot needs the baseline survey round recorded');
  if (to === 'impact-analysis') {
    if (!baselineOf(project))
      throw new PhaseGuardError('The impact analysis needs the baseline survey round recorded');
    if (followUpsOf(project).length === 0)
      throw new PhaseGuardError('The impact analysis needs at least one follow-up survey round');
  }
  if (to === 'cost-benefit-analysis') {
    const missing = hypothesesWithoutFinding(project);
    if (missing.length > 0)
      throw new PhaseGuardError(
        `The cost-benefit analysis needs a finding on every hypothesis (none yet on ${missing.join(', ')}) after ${from}`,
      );
  }
}

/** Approving the design again changes nothing. */
export function approveDesign(
  command: ApproveInnovationDesign,
  project: ResearchProject,
): ResearchProjectEvent[] {
  if (project.designApproved) return [];
  return [
    InnovationDesignApproved.of({
      projectId: project.projectId,
      note: command.note,
      approvedBy: command.by,
      approvedAt: command.at,
    }),
  ];
}

/** The baseline (number 0, once) in baseline-survey; follow-ups 1, 2, … in order in follow-up-survey. */
export function recordSurveyRound(
  command: RecordSurveyRound,
  project: ResearchProject,
): ResearchProjectEvent[] {
  const { round } = command;
  if (round.kind === 'baseline') {
    if (project.status !== 'baseline-survey')
      throw new ResearchRuleError('kind', 'The baseline round is recorded in the baseline survey');
    if (baselineOf(project))
      throw new ResearchRuleError('kind', 'The baseline round is already recorded');
    if (round.number !== 0) throw new ResearchRuleError('number', 'The baseline round is number 0');
  } else {
    if (project.status !== 'follow-up-survey')
      throw new ResearchRuleError('kind', 'Follow-up rounds are recorded in the follow-up survey');
    const expected = followUpsOf(project).length + 1;
    if (round.number !== expected)
      throw new ResearchRuleError('number', `The next follow-up round is number ${expected}`);
  }
  if (!isCalendarDate(round.completedOn))
    throw new ResearchRuleError('completedOn', `${round.completedOn} is no calendar date`);
  const previous = project.surveyRounds.at(-1);
  if (previous && round.completedOn < previous.completedOn)
    throw new ResearchRuleError(
      'completedOn',
      `The round cannot be completed before the previous one (${previous.completedOn})`,
    );
  checkSample(round.sample, 'sample');
  return [
    SurveyRoundRecorded.of({
      projectId: project.projectId,
      round,
      recordedBy: command.by,
      recordedAt: command.at,
    }),
  ];
}

/** Sample sizes of treatment and comparison: whole numbers, at least 1 each. */
export function checkSample(
  sample: { treatment: number; comparison: number },
  field: string,
): void {
  for (const arm of ['treatment', 'comparison'] as const) {
    if (!Number.isInteger(sample[arm]) || sample[arm] < 1)
      throw new ResearchRuleError(
        `${field}.${arm}`,
        `The ${arm} sample is a whole number, at least 1`,
      );
  }
}

export function suspend(command: SuspendProject, project: ResearchProject): ResearchProjectEvent[] {
  return [
    ResearchProjectSuspended.of({
      projectId: project.projectId,
      phase: project.phase,
      reason: command.reason,
      suspendedBy: command.by,
      suspendedAt: command.at,
    }),
  ];
}

export function resume(command: ResumeProject, project: ResearchProject): ResearchProjectEvent[] {
  return [
    ResearchProjectResumed.of({
      projectId: project.projectId,
      phase: project.phase,
      resumedBy: command.by,
      resumedAt: command.at,
    }),
  ];
}

export function abandon(command: AbandonProject, project: ResearchProject): ResearchProjectEvent[] {
  return [
    ResearchProjectAbandoned.of({
      projectId: project.projectId,
      phase: project.phase,
      reason: command.reason,
      abandonedBy: command.by,
      abandonedAt: command.at,
    }),
  ];
}

export function close(command: CloseProject, project: ResearchProject): ResearchProjectEvent[] {
  return [
    ResearchProjectClosed.of({
      projectId: project.projectId,
      ...(command.note !== undefined ? { note: command.note } : {}),
      closedBy: command.by,
      closedAt: command.at,
    }),
  ];
}
