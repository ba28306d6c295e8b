import { researchCommand } from '../research-project.command-routes';
import { ResearchMilestoneParams } from '../research-project.params';
import { RescheduleResearchMilestoneDto } from './reschedule-milestone.request.dto';

/** A new day for a milestone; a slipping one is no longer flagged. POST /projects/:id/milestones/:milestoneId/reschedule */
export const rescheduleResearchMilestone = researchCommand({
  path: 'milestones/:milestoneId/reschedule',
  commandType: 'RescheduleMilestone',
  operationId: 'rescheduleResearchMilestone',
  summary: 'Give a milestone a new due day, with the reason (a slipping milestone is cleared).',
  done: 'Rescheduled',
  params: ResearchMilestoneParams,
  dto: RescheduleResearchMilestoneDto,
  alsoNotFound: 'no such milestone in it (code MILESTONE_NOT_FOUND)',
  rules: 'A milestone already completed (code RULE_VIOLATED)',
  command: (dto, { milestoneId }) => ({
    type: 'RescheduleMilestone',
    milestoneId,
    plannedOn: dto.plannedOn,
    reason: dto.reason,
  }),
});
