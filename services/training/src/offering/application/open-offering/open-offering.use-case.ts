import { offeringCommand } from '../offering.command-routes';

/** Open for enrolment. POST /offerings/:id/open */
export const openOffering = offeringCommand({
  path: 'open',
  commandType: 'OpenOfferingForEnrolment',
  summary: 'Open the offering for enrolment.',
  done: 'Open for enrolment',
  command: () => ({ type: 'OpenOfferingForEnrolment' }),
});
