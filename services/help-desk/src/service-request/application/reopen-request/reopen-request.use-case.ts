import { requestCommand } from '../service-request.command-routes';
import { RequestReasonDto } from './reopen-request.request.dto';

/** Reopening within the window after resolution, with the reason (also by message). POST /service-requests/:id/reopen */
export const reopenRequest = requestCommand({
  action: 'reopen',
  summary: 'Reopen a resolved or closed request within the reopen window, with the reason.',
  alsoRefusedWhen:
    'or the reopen window after its resolution has closed (code REOPEN_WINDOW_CLOSED)',
  done: 'Reopened',
  dto: RequestReasonDto,
  command: (dto) => ({ type: 'ReopenServiceRequest', reason: dto.reason }),
});
