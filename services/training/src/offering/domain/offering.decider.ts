import { OFFERING_COMMAND_ALLOWED_FROM, type OfferingCommandType } from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import { IllegalTransitionError } from '../../course/domain/course.errors';
import { assertNever } from './offering.checks';
import type { OfferingCommand } from './offering.commands';
import {
  complete,
  recordAttendance,
  recordTestScores,
  revokeCertificate,
} from './offering.completion';
import { approve, changeCapacity, decline, enrol, withdraw } from './offering.enrolment';
import { OfferingAlreadyPlannedError, OfferingNotFoundError } from './offering.errors';
import { submitEvaluation } from './offering.evaluation';
import {
  OfferingCancelled,
  OfferingOpenedForEnrolment,
  OfferingStarted,
  type OfferingEvent,
} from './offering.events';
import { plan } from './offering.planning';
import { evolve, isActive, type OfferingState, type PlannedOffering } from './offering.state';

export {
  attendancePercent,
  completionShortfalls,
  enrolmentAttendancePercent,
} from './offering.completion';
export {
  ACTIVE_ENROLMENT_STATUSES,
  evolve,
  seatsTaken,
  type OfferingCertificate,
  type OfferingEnrolment,
  type OfferingState,
  type PlannedOffering,
} from './offering.state';

export function offeringDecider(): Decider<OfferingState, OfferingCommand, OfferingEvent> {
  return { initialState: () => ({ status: 'none' }), decide, evolve };
}

function decide(command: OfferingCommand, state: OfferingState): OfferingEvent[] {
  if (command.type === 'PlanOffering') {
    if (state.status !== 'none') throw new OfferingAlreadyPlannedError(state.offeringId);
    return plan(command);
  }
  if (state.status === 'none') throw new OfferingNotFoundError();
  allowedFrom(command.type, state);
  const offeringId = state.offeringId;

  switch (command.type) {
    case 'OpenOfferingForEnrolment':
      return [
        OfferingOpenedForEnrolment.of({ offeringId, openedBy: command.by, openedAt: command.at }),
      ];
    case 'ChangeOfferingCapacity':
      return changeCapacity(command, state);
    case 'EnrolParticipant':
      return enrol(command, state);
    case 'ApproveEnrolment':
      return approve(command, state);
    case 'DeclineEnrolment':
      return decline(command, state);
    case 'WithdrawEnrolment':
      return withdraw(command, state);
    case 'StartOffering':
      return [OfferingStarted.of({ offeringId, startedBy: command.by, startedAt: command.at })];
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'RecordTestScores':
      return recordTestScores(command, state);
    case 'CompleteOffering':
      return complete(command, state);
    case 'CancelOffering':
      return [
        OfferingCancelled.of({
          offeringId,
          reason: command.reason,
          notified: state.enrolments.filter(isActive).map((e) => e.enrolmentId),
          cancelledBy: command.by,
          cancelledAt: command.at,
        }),
      ];
    case 'RevokeCertificate':
      return revokeCertificate(command, state);
    case 'SubmitEvaluation':
      return submitEvaluation(command, state);
    default:
      return assertNever(command);
  }
}

/** Refuses a command its status does not allow, by the contracts' table. */
function allowedFrom(command: OfferingCommandType, state: PlannedOffering): void {
  const statuses = OFFERING_COMMAND_ALLOWED_FROM[command];
  if (!statuses.includes(state.status))
    throw new IllegalTransitionError(command, state.status, statuses);
}
