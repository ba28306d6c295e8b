import { offeringCommand } from '../offering.command-routes';
import { certificateDraws } from './certificate-draws';

/**
 * The offering ends: each enrolled participant completes or fails by the
 * course's rule; each who completes gets a certificate. POST /offerings/:id/complete
 */
export const completeOffering = offeringCommand({
  path: 'complete',
  commandType: 'CompleteOffering',
  summary:
    'Complete the offering: participants complete or fail by the course’s rule; certificates are issued to those who complete.',
  done: 'Completed, with results and certificates',
  command: () => (state) => ({ type: 'CompleteOffering', certificates: certificateDraws(state) }),
});
