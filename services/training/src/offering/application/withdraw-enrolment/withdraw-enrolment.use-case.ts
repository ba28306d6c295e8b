import { EnrolmentParams } from '../../../http/record-id.params';
import { EnrolmentReasonDto } from '../decline-enrolment/enrolment-reason.request.dto';
import { offeringCommand } from '../offering.command-routes';

/** The participant leaves; the first waiting takes the seat. POST /offerings/:id/enrolments/:enrolmentId/withdraw */
export const withdrawEnrolment = offeringCommand({
  path: 'enrolments/:enrolmentId/withdraw',
  commandType: 'WithdrawEnrolment',
  summary: 'Withdraw an enrolment: its seat goes to the first on the waitlist.',
  done: 'Withdrawn',
  params: EnrolmentParams,
  dto: EnrolmentReasonDto,
  alsoNotFound: 'no such enrolment in it (code ENROLMENT_NOT_FOUND)',
  alsoRefusedWhen: 'the enrolment is no longer active (code ENROLMENT_STATUS_CONFLICT)',
  command: (dto, { enrolmentId }) => ({
    type: 'WithdrawEnrolment',
    enrolmentId,
    reason: dto.reason,
  }),
});
