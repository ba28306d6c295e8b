import { requestCommand } from '../service-request.command-routes';
import { RequestReasonDto } from './reopen-request.request.dto';

/** Reopening within the window after resolution, with the reason (also by message). POST /service-requests/:id/reopen */
export const reopenRequest = requestCommand({
  action: 'reopen',
  done: 'Reopened',
  dto: RequestReasonDto,
  command: (dto) => ({ type: 'ReopenServiceRequest', reason: dto.reason }),
});
