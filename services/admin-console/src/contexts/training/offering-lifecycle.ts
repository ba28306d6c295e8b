// What an offering's status allows, by @sfp/contracts' table (the API refuses
// the rest with ILLEGAL_TRANSITION), and what each enrolment's status allows.
import {
  OFFERING_COMMAND_ALLOWED_FROM,
  type EnrolmentStatus,
  type OfferingCommandType,
  type OfferingStatus,
} from '@sfp/contracts';

export function offeringAllows(status: OfferingStatus, command: OfferingCommandType): boolean {
  return OFFERING_COMMAND_ALLOWED_FROM[command].includes(status);
}

/** Enrolments that hold a seat or wait for one: the ones that can be withdrawn. */
const ACTIVE: readonly EnrolmentStatus[] = ['enrolled', 'waitlisted', 'awaiting-approval'];

/** The enrolment commands offered on a roster row: the offering's status and the enrolment's. */
export function enrolmentActions(
  offering: OfferingStatus,
  enrolment: EnrolmentStatus,
  certificate: 'valid' | 'revoked' | undefined,
): Array<'ApproveEnrolment' | 'DeclineEnrolment' | 'WithdrawEnrolment' | 'RevokeCertificate'> {
  const actions: ReturnType<typeof enrolmentActions> = [];
  if (enrolment === 'awaiting-approval') {
    if (offeringAllows(offering, 'ApproveEnrolment')) actions.push('ApproveEnrolment');
    if (offeringAllows(offering, 'DeclineEnrolment')) actions.push('DeclineEnrolment');
  }
  if (ACTIVE.includes(enrolment) && offeringAllows(offering, 'WithdrawEnrolment'))
    actions.push('WithdrawEnrolment');
  if (certificate === 'valid' && offeringAllows(offering, 'RevokeCertificate'))
    actions.push('RevokeCertificate');
  return actions;
}

/** Enrolments that hold a seat: their attendance and scores are recorded. */
export const SEATED: readonly EnrolmentStatus[] = ['enrolled', 'completed', 'failed'];
