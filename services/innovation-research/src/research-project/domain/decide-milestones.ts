/** Milestones: planned for a phase, rescheduled, completed, flagged when they slip. */
import type {
  CompleteMilestone,
  FlagSlippingMilestones,
  PlanMilestone,
  RescheduleMilestone,
} from './research-project.commands';
import { daysBetween, isCalendarDate } from './research-project.dates';
import { ResearchRuleError } from './research-project.errors';
import {
  MilestoneCompleted,
  MilestonePlanned,
  MilestoneRescheduled,
  MilestoneSlipped,
  type ResearchProjectEvent,
} from './research-project.events';
import { milestoneOf, type ResearchProject } from './research-project.state';

export function planMilestone(
  command: PlanMilestone,
  project: ResearchProject,
): ResearchProjectEvent[] {
  const { milestone } = command;
  if (project.milestones.some((m) => m.milestoneId === milestone.milestoneId))
    throw new ResearchRuleError(
      'milestoneId',
      `The project already has a milestone ${milestone.milestoneId}`,
    );
  if (!isCalendarDate(milestone.plannedOn))
    throw new ResearchRuleError('plannedOn', `${milestone.plannedOn} is no calendar date`);
  return [
    MilestonePlanned.of({
      projectId: project.projectId,
      milestone,
      plannedBy: command.by,
      plannedAt: command.at,
    }),
  ];
}

export function rescheduleMilestone(
  command: RescheduleMilestone,
  project: ResearchProject,
): ResearchProjectEvent[] {
  const milestone = milestoneOf(project, command.milestoneId);
  if (milestone.done)
    throw new ResearchRuleError('milestoneId', 'A milestone already done cannot be rescheduled');
  if (!isCalendarDate(command.plannedOn))
    throw new ResearchRuleError('plannedOn', `${command.plannedOn} is no calendar date`);
  if (command.plannedOn === milestone.plannedOn)
    throw new ResearchRuleError(
      'plannedOn',
      `The milestone is already planned on ${command.plannedOn}`,
    );
  return [
    MilestoneRescheduled.of({
      projectId: project.projectId,
      milestoneId: milestone.milestoneId,
      previousPlannedOn: milestone.plannedOn,
      plannedOn: command.plannedOn,
      reason: command.reason,
      rescheduledBy: command.by,
      rescheduledAt: command.at,
    }),
  ];
}

export function completeMilestone(
  command: CompleteMilestone,
  project: ResearchProject,
): ResearchProjectEvent[] {
  const milestone = milestoneOf(project, command.milestoneId);
  if (milestone.done) throw new ResearchRuleError('milestoneId', 'The milestone is already done');
  if (!isCalendarDate(command.completedOn))
    throw new ResearchRuleError('completedOn', `${command.completedOn} is no calendar date`);
  return [
    MilestoneCompleted.of({
      projectId: project.projectId,
      milestoneId: milestone.milestoneId,
      completedOn: command.completedOn,
      daysLate: Math.max(0, daysBetween(milestone.plannedOn, command.completedOn)),
      deliverables: command.deliverables,
      completedBy: command.by,
      completedAt: command.at,
    }),
  ];
}

/** Each open milestone planned before `today`, once per planned date: nothing when none is newly late. */
export function flagSlippingMilestones(
  command: FlagSlippingMilestones,
  project: ResearchProject,
): ResearchProjectEvent[] {
  if (!isCalendarDate(command.today))
    throw new ResearchRuleError('today', `${command.today} is no calendar date`);
  return project.milestones
    .filter((m) => !m.done && m.plannedOn < command.today && m.slippedFor !== m.plannedOn)
    .map((m) =>
      MilestoneSlipped.of({
        projectId: project.projectId,
        milestoneId: m.milestoneId,
        plannedOn: m.plannedOn,
        flaggedOn: command.today,
        daysLate: daysBetween(m.plannedOn, command.today),
        flaggedBy: command.by,
        flaggedAt: command.at,
      }),
    );
}
