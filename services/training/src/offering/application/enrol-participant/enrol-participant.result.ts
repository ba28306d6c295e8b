import type { OfferingEvent } from '../../domain/offering.events';
import type { DecidedOfferingCommand, OfferingCommandResult } from '../offerings';

/** What an enrolment answers: where the participant stands. */
export interface EnrolmentResult extends OfferingCommandResult {
  enrolmentId: string;
  status: 'enrolled' | 'waitlisted' | 'awaiting-approval';
  /** When waitlisted: the place taken (1 = next). */
  waitlistPosition?: number;
}

/** Where the enrolment stands, by the event the offering decided for it. */
export function enrolmentResultOf(
  enrolmentId: string,
  { result, events }: DecidedOfferingCommand,
): EnrolmentResult {
  const decided = events.find(
    (event): event is Extract<OfferingEvent, { data: { enrolmentId: string } }> =>
      'enrolmentId' in event.data && event.data.enrolmentId === enrolmentId,
  );
  switch (decided?.type) {
    case 'training.ParticipantEnrolled':
      return { ...result, enrolmentId, status: 'enrolled' };
    case 'training.ParticipantWaitlisted':
      return {
        ...result,
        enrolmentId,
        status: 'waitlisted',
        waitlistPosition: decided.data.waitlistPosition,
      };
    case 'training.EnrolmentAwaitingApproval':
      return { ...result, enrolmentId, status: 'awaiting-approval' };
    default:
      throw new Error(`The enrolment ${enrolmentId} was not recorded`);
  }
}
