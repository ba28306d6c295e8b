/** Enrolment: enrol, approve, decline, withdraw, waitlist promotion and capacity. */
import { TrainingRuleError } from '../../course/domain/course.errors';
import { checkCapacity } from './offering.checks';
import type {
  ApproveEnrolment,
  ChangeOfferingCapacity,
  DeclineEnrolment,
  EnrolParticipant,
  WithdrawEnrolment,
} from './offering.commands';
import {
  AlreadyEnrolledError,
  CapacityBelowEnrolmentError,
  EnrolmentStatusError,
} from './offering.errors';
import {
  EnrolmentApproved,
  EnrolmentAwaitingApproval,
  EnrolmentDeclined,
  EnrolmentWithdrawn,
  OfferingCapacityChanged,
  OfferingFilled,
  OfferingSeatFreed,
  ParticipantEnrolled,
  ParticipantWaitlisted,
  WaitlistedParticipantPromoted,
  type OfferingEvent,
} from './offering.events';
import { enrolmentOf, isActive, seatsTaken, type PlannedOffering } from './offering.state';

export function changeCapacity(
  command: ChangeOfferingCapacity,
  state: PlannedOffering,
): OfferingEvent[] {
  checkCapacity(command.capacity, 'capacity');
  if (command.capacity === state.capacity) return [];
  const enrolled = seatsTaken(state);
  if (command.capacity < enrolled)
    throw new CapacityBelowEnrolmentError(command.capacity, enrolled);
  const offeringId = state.offeringId;
  const events: OfferingEvent[] = [
    OfferingCapacityChanged.of({
      offeringId,
      capacity: command.capacity,
      previousCapacity: state.capacity,
      changedBy: command.by,
      changedAt: command.at,
    }),
  ];
  const promoted = state.waitlist.slice(0, command.capacity - enrolled);
  for (const enrolmentId of promoted) {
    events.push(
      WaitlistedParticipantPromoted.of({
        offeringId,
        enrolmentId,
        cause: 'capacity-raised',
        promotedAt: command.at,
      }),
    );
  }
  if (state.status === 'planned') return events;
  const seatsFree = command.capacity - enrolled - promoted.length;
  if (seatsFree === 0 && state.status !== 'full') {
    events.push(
      OfferingFilled.of({ offeringId, capacity: command.capacity, filledAt: command.at }),
    );
  } else if (seatsFree > 0 && state.status === 'full') {
    events.push(OfferingSeatFreed.of({ offeringId, seatsFree, freedAt: command.at }));
  }
  return events;
}

export function enrol(command: EnrolParticipant, state: PlannedOffering): OfferingEvent[] {
  const { enrolmentId, participant } = command;
  if (state.enrolments.some((e) => e.enrolmentId === enrolmentId))
    throw new AlreadyEnrolledError(enrolmentId);
  const existing = state.enrolments.find((e) => e.personId === participant.personId && isActive(e));
  if (existing) throw new AlreadyEnrolledError(existing.enrolmentId);
  const offeringId = state.offeringId;

  if (participant.staff && state.supervisorApprovalRequired) {
    const supervisor = command.supervisor?.trim();
    if (!supervisor)
      throw new TrainingRuleError(
        'supervisor',
        "This course needs the supervisor's approval of a staff member's enrolment: name the supervisor",
      );
    return [
      EnrolmentAwaitingApproval.of({
        offeringId,
        enrolmentId,
        participant,
        supervisor,
        requestedBy: command.by,
        requestedAt: command.at,
      }),
    ];
  }
  if (seatsTaken(state) < state.capacity) {
    return [
      ParticipantEnrolled.of({
        offeringId,
        enrolmentId,
        participant,
        enrolledBy: command.by,
        enrolledAt: command.at,
      }),
      ...filledByOneMore(state, command.at),
    ];
  }
  return [
    ParticipantWaitlisted.of({
      offeringId,
      enrolmentId,
      participant,
      waitlistPosition: state.waitlist.length + 1,
      waitlistedBy: command.by,
      waitlistedAt: command.at,
    }),
  ];
}

export function approve(command: ApproveEnrolment, state: PlannedOffering): OfferingEvent[] {
  const enrolment = enrolmentOf(state, command.enrolmentId);
  if (enrolment.status !== 'awaiting-approval')
    throw new EnrolmentStatusError(enrolment.enrolmentId, enrolment.status, 'approved');
  const common = {
    offeringId: state.offeringId,
    enrolmentId: enrolment.enrolmentId,
    approvedBy: command.by,
    approvedAt: command.at,
  };
  if (seatsTaken(state) < state.capacity) {
    return [
      EnrolmentApproved.of({ ...common, seat: 'enrolled' }),
      ...filledByOneMore(state, command.at),
    ];
  }
  return [
    EnrolmentApproved.of({
      ...common,
      seat: 'waitlisted',
      waitlistPosition: state.waitlist.length + 1,
    }),
  ];
}

export function decline(command: DeclineEnrolment, state: PlannedOffering): OfferingEvent[] {
  const offeringId = state.offeringId;
  const enrolment = enrolmentOf(state, command.enrolmentId);
  if (enrolment.status !== 'awaiting-approval')
    throw new EnrolmentStatusError(enrolment.enrolmentId, enrolment.status, 'declined');
  return [
    EnrolmentDeclined.of({
      offeringId,
      enrolmentId: enrolment.enrolmentId,
      reason: command.reason,
      declinedBy: command.by,
      declinedAt: command.at,
    }),
  ];
}

export function withdraw(command: WithdrawEnrolment, state: PlannedOffering): OfferingEvent[] {
  const enrolment = enrolmentOf(state, command.enrolmentId);
  const from = enrolment.status;
  if (from !== 'awaiting-approval' && from !== 'enrolled' && from !== 'waitlisted')
    throw new EnrolmentStatusError(enrolment.enrolmentId, from, 'withdrawn');
  const offeringId = state.offeringId;
  const events: OfferingEvent[] = [
    EnrolmentWithdrawn.of({
      offeringId,
      enrolmentId: enrolment.enrolmentId,
      from,
      reason: command.reason,
      withdrawnBy: command.by,
      withdrawnAt: command.at,
    }),
  ];
  if (from !== 'enrolled' || state.status === 'running') return events;
  const next = state.waitlist[0];
  if (next !== undefined) {
    events.push(
      WaitlistedParticipantPromoted.of({
        offeringId,
        enrolmentId: next,
        cause: 'withdrawal',
        promotedAt: command.at,
      }),
    );
  } else if (state.status === 'full') {
    events.push(
      OfferingSeatFreed.of({
        offeringId,
        seatsFree: state.capacity - seatsTaken(state) + 1,
        freedAt: command.at,
      }),
    );
  }
  return events;
}

/** OfferingFilled when one more seat taken takes the last one. */
function filledByOneMore(state: PlannedOffering, at: string): OfferingEvent[] {
  if (seatsTaken(state) + 1 < state.capacity) return [];
  return [
    OfferingFilled.of({ offeringId: state.offeringId, capacity: state.capacity, filledAt: at }),
  ];
}
