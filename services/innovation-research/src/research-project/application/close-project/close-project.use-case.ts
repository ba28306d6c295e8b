import { researchCommand } from '../research-project.command-routes';
import { CloseResearchProjectDto } from './close-project.request.dto';

/** The project closed after its findings were published. POST /projects/:id/close */
export const closeResearchProject = researchCommand({
  path: 'close',
  commandType: 'CloseProject',
  operationId: 'closeResearchProject',
  summary: 'Close the project once its findings are published (corrections may still follow).',
  done: 'Closed',
  dto: CloseResearchProjectDto,
  command: (dto) => ({ type: 'CloseProject', ...(dto.note ? { note: dto.note } : {}) }),
});
