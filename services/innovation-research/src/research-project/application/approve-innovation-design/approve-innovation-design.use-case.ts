import { researchCommand } from '../research-project.command-routes';
import { ApproveInnovationDesignDto } from './approve-innovation-design.request.dto';

/** The design of the innovation approved: the baseline survey may start. POST /projects/:id/approve-design */
export const approveInnovationDesign = researchCommand({
  path: 'approve-design',
  commandType: 'ApproveInnovationDesign',
  operationId: 'approveResearchInnovationDesign',
  summary: 'Approve the design of the innovation, so that the baseline survey may start.',
  done: 'Design approved',
  dto: ApproveInnovationDesignDto,
  command: (dto) => ({ type: 'ApproveInnovationDesign', note: dto.note }),
});
