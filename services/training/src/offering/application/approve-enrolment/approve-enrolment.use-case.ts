import { EnrolmentParams } from '../../../http/record-id.params';
import { offeringCommand } from '../offering.command-routes';

/** The supervisor approves: a seat, or the next place on the waitlist. POST /offerings/:id/enrolments/:enrolmentId/approve */
export const approveEnrolment = offeringCommand({
  path: 'enrolments/:enrolmentId/approve',
  commandType: 'ApproveEnrolment',
  summary: 'Approve an enrolment that awaits it: it takes a seat, or the next waitlist place.',
  done: 'Approved',
  params: EnrolmentParams,
  alsoNotFound: 'no such enrolment in it (code ENROLMENT_NOT_FOUND)',
  alsoRefusedWhen: 'the enrolment does not await approval (code ENROLMENT_STATUS_CONFLICT)',
  command: (_dto: object, { enrolmentId }) => ({ type: 'ApproveEnrolment', enrolmentId }),
});
