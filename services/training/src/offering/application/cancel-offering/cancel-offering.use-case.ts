import { offeringCommand } from '../offering.command-routes';
import { CancelOfferingDto } from './cancel-offering.request.dto';

/** Cancelled, with the enrolments to notify. POST /offerings/:id/cancel */
export const cancelOffering = offeringCommand({
  path: 'cancel',
  commandType: 'CancelOffering',
  summary: 'Cancel the offering; its active enrolments are to be notified.',
  done: 'Cancelled',
  dto: CancelOfferingDto,
  command: (dto) => ({ type: 'CancelOffering', reason: dto.reason }),
});
