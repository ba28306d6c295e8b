import { EnrolmentParams } from '../../../http/record-id.params';
import { offeringCommand } from '../offering.command-routes';
import { EnrolmentReasonDto } from './enrolment-reason.request.dto';

/** The supervisor declines. POST /offerings/:id/enrolments/:enrolmentId/decline */
export const declineEnrolment = offeringCommand({
  path: 'enrolments/:enrolmentId/decline',
  commandType: 'DeclineEnrolment',
  summary: 'Decline an enrolment that awaits approval.',
  done: 'Declined',
  params: EnrolmentParams,
  dto: EnrolmentReasonDto,
  alsoNotFound: 'no such enrolment in it (code ENROLMENT_NOT_FOUND)',
  alsoRefusedWhen: 'the enrolment does not await approval (code ENROLMENT_STATUS_CONFLICT)',
  command: (dto, { enrolmentId }) => ({
    type: 'DeclineEnrolment',
    enrolmentId,
    reason: dto.reason,
  }),
});
