import { researchCommand } from '../research-project.command-routes';
import { ResearchMilestoneParams } from '../research-project.params';
import { CompleteResearchMilestoneDto } from './complete-milestone.request.dto';

/** A milestone done, with what it delivered; days late are computed. POST /projects/:id/milestones/:milestoneId/complete */
export const completeResearchMilestone = researchCommand({
  path: 'milestones/:milestoneId/complete',
  commandType: 'CompleteMilestone',
  operationId: 'completeResearchMilestone',
  summary: 'Mark a milestone done on a day, with its deliverables (days late are computed).',
  done: 'Completed',
  params: ResearchMilestoneParams,
  dto: CompleteResearchMilestoneDto,
  alsoNotFound: 'no such milestone in it (code MILESTONE_NOT_FOUND)',
  rules: 'A milestone already completed (code RULE_VIOLATED)',
  command: (dto, { milestoneId }) => ({
    type: 'CompleteMilestone',
    milestoneId,
    completedOn: dto.completedOn,
    deliverables: dto.deliverables.map((d) => ({ title: d.title, kind: d.kind, url: d.url })),
  }),
});
