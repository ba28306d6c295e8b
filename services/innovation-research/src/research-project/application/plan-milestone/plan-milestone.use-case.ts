import { randomUUID } from 'node:crypto';
import { MilestonePlannedAnswerSchema } from '../research-project.answers';
import { researchCommand } from '../research-project.command-routes';
import type { MilestonePlannedAnswer } from './plan-milestone.result';
import { PlanResearchMilestoneDto } from './plan-milestone.request.dto';

/** A milestone of a phase, with the day it is due. POST /projects/:id/milestones */
export const planResearchMilestone = researchCommand({
  path: 'milestones',
  commandType: 'PlanMilestone',
  operationId: 'planResearchMilestone',
  summary: 'Plan a milestone of one of the project’s phases, with the day it is due.',
  done: 'Planned: the milestone’s id',
  dto: PlanResearchMilestoneDto,
  schema: MilestonePlannedAnswerSchema,
  rules: 'A milestone of a phase the project has left (code RULE_VIOLATED)',
  command: (dto) => ({
    type: 'PlanMilestone',
    milestone: {
      milestoneId: randomUUID(),
      phase: dto.phase,
      title: dto.title,
      plannedOn: dto.plannedOn,
    },
  }),
  run: async (projects, { id }, context, command): Promise<MilestonePlannedAnswer> => {
    const { milestoneId } = (command as { milestone: { milestoneId: string } }).milestone;
    return { ...(await projects.run(id, command, context)), milestoneId };
  },
});
