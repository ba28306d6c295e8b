import { researchCommand } from '../research-project.command-routes';
import { ApproveResearchProjectDto } from './approve-project.request.dto';

/** The proposal approved: the project starts work. POST /projects/:id/approve */
export const approveResearchProject = researchCommand({
  path: 'approve',
  commandType: 'ApproveProject',
  operationId: 'approveResearchProject',
  summary: 'Approve the proposed project.',
  done: 'Approved',
  dto: ApproveResearchProjectDto,
  command: (dto) => ({ type: 'ApproveProject', ...(dto.note ? { note: dto.note } : {}) }),
});
