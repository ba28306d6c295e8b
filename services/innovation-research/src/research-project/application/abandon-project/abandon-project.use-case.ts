import { researchCommand } from '../research-project.command-routes';
import { AbandonResearchProjectDto } from './abandon-project.request.dto';

/** Given up for good; it may still publish what it learnt. POST /projects/:id/abandon */
export const abandonResearchProject = researchCommand({
  path: 'abandon',
  commandType: 'AbandonProject',
  operationId: 'abandonResearchProject',
  summary: 'Abandon the project for good, with the reason; it may still publish what it learnt.',
  done: 'Abandoned',
  dto: AbandonResearchProjectDto,
  command: (dto) => ({ type: 'AbandonProject', reason: dto.reason }),
});
