/** Proposing, revising and approving a project. */
import type { ApproveProject, ProposeProject, ReviseProject } from './research-project.commands';
import { ResearchRuleError } from './research-project.errors';
import {
  ResearchProjectApproved,
  ResearchProjectProposed,
  ResearchProjectRevised,
  type ResearchProjectEvent,
} from './research-project.events';
import { checkDefinition, checkPartners } from './research-project.rules';
import { reached, type ResearchProject } from './research-project.state';

/** Structural equality of plain data (key order and absent vs undefined keys do not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const entries = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const left = entries(a);
  const right = new Map(entries(b));
  return (
    left.length === right.size && left.every(([k, v]) => right.has(k) && sameValue(v, right.get(k)))
  );
}

export function propose(command: ProposeProject): ResearchProjectEvent[] {
  checkDefinition(command.project);
  checkPartners(command.project, command.unknownPartners);
  return [
    ResearchProjectProposed.of({
      projectId: command.projectId,
      project: command.project,
      proposedBy: command.by,
      proposedAt: command.at,
    }),
  ];
}

/** A new definition; its hypotheses and design are fixed once the baseline survey has started. */
export function revise(command: ReviseProject, project: ResearchProject): ResearchProjectEvent[] {
  checkDefinition(command.project, 'project.');
  checkPartners(command.project, command.unknownPartners, 'project.');
  if (reached(project, 'baseline-survey')) {
    if (!sameValue(command.project.hypotheses, project.definition.hypotheses))
      throw new ResearchRuleError(
        'project.hypotheses',
        'The hypotheses cannot change once the baseline survey has started',
      );
    if (!sameValue(command.project.design, project.definition.design))
      throw new ResearchRuleError(
        'project.design',
        'The design cannot change once the baseline survey has started',
      );
  }
  return [
    ResearchProjectRevised.of({
      projectId: project.projectId,
      project: command.project,
      reason: command.reason,
      revisedBy: command.by,
      revisedAt: command.at,
    }),
  ];
}

export function approve(command: ApproveProject, project: ResearchProject): ResearchProjectEvent[] {
  return [
    ResearchProjectApproved.of({
      projectId: project.projectId,
      ...(command.note !== undefined ? { note: command.note } : {}),
      approvedBy: command.by,
      approvedAt: command.at,
    }),
  ];
}
