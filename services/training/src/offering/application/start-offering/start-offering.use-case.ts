import { offeringCommand } from '../offering.command-routes';

/** The offering begins: attendance and scores may be recorded. POST /offerings/:id/start */
export const startOffering = offeringCommand({
  path: 'start',
  commandType: 'StartOffering',
  summary: 'Start the offering: enrolment closes, attendance and scores may be recorded.',
  done: 'Running',
  command: () => ({ type: 'StartOffering' }),
});
