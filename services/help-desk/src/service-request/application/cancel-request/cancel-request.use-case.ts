import { requestCommand } from '../service-request.command-routes';
import { CancelRequestDto } from './cancel-request.request.dto';

/** Cancellation by the requester or the unit, with the reason (also by message). POST /service-requests/:id/cancel */
export const cancelRequest = requestCommand({
  action: 'cancel',
  summary: 'Cancel an open request, saying who cancels it and why.',
  done: 'Cancelled',
  dto: CancelRequestDto,
  command: (dto) => ({
    type: 'CancelServiceRequest',
    cancelledBy: dto.cancelledBy,
    reason: dto.reason,
  }),
});
