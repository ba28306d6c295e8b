import { requestCommand } from '../service-request.command-routes';
import { ReferRequestDto } from './refer-request.request.dto';

/** Referral to another unit of the organisation or to a partner organisation. POST /service-requests/:id/refer */
export const referRequest = requestCommand({
  action: 'refer',
  summary: 'Refer the request in progress to another unit or a partner organisation.',
  done: 'Referred to another unit or organisation',
  dto: ReferRequestDto,
  command: (dto) => ({
    type: 'ReferServiceRequest',
    target: dto.target,
    referredTo: dto.referredTo,
    reason: dto.reason,
  }),
});
