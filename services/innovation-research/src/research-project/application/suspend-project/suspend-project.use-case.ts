import { researchCommand } from '../research-project.command-routes';
import { SuspendResearchProjectDto } from './suspend-project.request.dto';

/** Work paused; it resumes in the phase it had. POST /projects/:id/suspend */
export const suspendResearchProject = researchCommand({
  path: 'suspend',
  commandType: 'SuspendProject',
  operationId: 'suspendResearchProject',
  summary: 'Suspend the project, with the reason; it resumes in the phase it had.',
  done: 'Suspended',
  dto: SuspendResearchProjectDto,
  command: (dto) => ({ type: 'SuspendProject', reason: dto.reason }),
});
