/** The offering decider's state, its lookups, and evolve (state from events). */
import type { CompletionRule, EnrolmentStatus, OfferingStatus } from '@sfp/contracts';
import { assertNever } from './offering.checks';
import { EnrolmentNotFoundError } from './offering.errors';
import type { OfferingEvent } from './offering.events';

/** One enrolment, without personal data: the person by pseudonymous id only. */
export interface OfferingEnrolment {
  enrolmentId: string;
  personId: string;
  status: EnrolmentStatus;
  preTest?: number;
  postTest?: number;
  /** Answered the satisfaction questionnaire. */
  evaluated: boolean;
}

export interface OfferingCertificate {
  certificateId: string;
  enrolmentId: string;
  revoked: boolean;
}

export interface PlannedOffering {
  status: OfferingStatus;
  offeringId: string;
  courseId: string;
  courseRevision: number;
  courseTitle: string;
  completionRule: CompletionRule;
  supervisorApprovalRequired: boolean;
  startsOn: string;
  endsOn: string;
  capacity: number;
  /** In arrival order (the order enrolments were asked for). */
  enrolments: OfferingEnrolment[];
  /** Waitlisted enrolment ids, next first. */
  waitlist: string[];
  /** Each recorded session day (calendar date) with the enrolment ids present. */
  attendance: Record<string, string[]>;
  certificates: OfferingCertificate[];
}

/** No personal data in state: snapshots are not encrypted (see libs/event-sourcing). */
export type OfferingState = { status: 'none' } | PlannedOffering;

/** Enrolments that still count: they hold a seat, a waitlist place, or wait for approval. */
export const ACTIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = [
  'awaiting-approval',
  'enrolled',
  'waitlisted',
];

/** Seats taken: enrolments that hold one. */
export function seatsTaken(state: PlannedOffering): number {
  return state.enrolments.filter((e) => e.status === 'enrolled').length;
}

/** The enrolment by id, or EnrolmentNotFoundError. */
export function enrolmentOf(state: PlannedOffering, enrolmentId: string): OfferingEnrolment {
  const enrolment = state.enrolments.find((e) => e.enrolmentId === enrolmentId);
  if (!enrolment) throw new EnrolmentNotFoundError(enrolmentId);
  return enrolment;
}

export function isActive(enrolment: OfferingEnrolment): boolean {
  return ACTIVE_ENROLMENT_STATUSES.includes(enrolment.status);
}

export function evolve(state: OfferingState, event: OfferingEvent): OfferingState {
  if (event.type === 'training.OfferingPlanned') {
    const d = event.data;
    return {
      status: 'planned',
      offeringId: d.offeringId,
      courseId: d.courseId,
      courseRevision: d.courseRevision,
      courseTitle: d.courseTitle,
      completionRule: d.completionRule,
      supervisorApprovalRequired: d.supervisorApprovalRequired,
      startsOn: d.schedule.startsOn,
      endsOn: d.schedule.endsOn,
      capacity: d.capacity,
      enrolments: [],
      waitlist: [],
      attendance: {},
      certificates: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'training.OfferingOpenedForEnrolment':
      return { ...state, status: 'open' };
    case 'training.OfferingCapacityChanged':
      return { ...state, capacity: event.data.capacity };
    case 'training.OfferingFilled':
      return { ...state, status: 'full' };
    case 'training.OfferingSeatFreed':
      return { ...state, status: 'open' };
    case 'training.ParticipantEnrolled':
      return withNewEnrolment(state, event.data, 'enrolled');
    case 'training.ParticipantWaitlisted':
      return {
        ...withNewEnrolment(state, event.data, 'waitlisted'),
        waitlist: [...state.waitlist, event.data.enrolmentId],
      };
    case 'training.EnrolmentAwaitingApproval':
      return withNewEnrolment(state, event.data, 'awaiting-approval');
    case 'training.EnrolmentApproved': {
      const { enrolmentId, seat } = event.data;
      const next = withEnrolment(state, enrolmentId, { status: seat });
      return seat === 'waitlisted' ? { ...next, waitlist: [...state.waitlist, enrolmentId] } : next;
    }
    case 'training.EnrolmentDeclined':
      return withEnrolment(state, event.data.enrolmentId, { status: 'declined' });
    case 'training.EnrolmentWithdrawn':
      return offWaitlist(
        withEnrolment(state, event.data.enrolmentId, { status: 'withdrawn' }),
        event.data.enrolmentId,
      );
    case 'training.WaitlistedParticipantPromoted':
      return offWaitlist(
        withEnrolment(state, event.data.enrolmentId, { status: 'enrolled' }),
        event.data.enrolmentId,
      );
    case 'training.OfferingStarted':
      return { ...state, status: 'running' };
    case 'training.AttendanceRecorded':
      return {
        ...state,
        attendance: { ...state.attendance, [event.data.day]: event.data.present },
      };
    case 'training.TestScoresRecorded': {
      const { preTest, postTest } = event.data;
      return withEnrolment(state, event.data.enrolmentId, {
        ...(preTest !== undefined ? { preTest } : {}),
        ...(postTest !== undefined ? { postTest } : {}),
      });
    }
    case 'training.ParticipantCompleted':
      return withEnrolment(state, event.data.enrolmentId, { status: 'completed' });
    case 'training.ParticipantFailed':
      return withEnrolment(state, event.data.enrolmentId, { status: 'failed' });
    case 'training.CertificateIssued':
      return {
        ...state,
        certificates: [
          ...state.certificates,
          {
            certificateId: event.data.certificateId,
            enrolmentId: event.data.enrolmentId,
            revoked: false,
          },
        ],
      };
    case 'training.CertificateRevoked':
      return {
        ...state,
        certificates: state.certificates.map((c) =>
          c.certificateId === event.data.certificateId ? { ...c, revoked: true } : c,
        ),
      };
    case 'training.OfferingCompleted':
    case 'training.OfferingCancelled':
      return {
        ...state,
        status: event.type === 'training.OfferingCompleted' ? 'completed' : 'cancelled',
        enrolments: state.enrolments.map((e) => (isActive(e) ? { ...e, status: 'cancelled' } : e)),
        waitlist: [],
      };
    case 'training.EvaluationSubmitted':
      return withEnrolment(state, event.data.enrolmentId, { evaluated: true });
    default:
      return assertNever(event);
  }
}

function withNewEnrolment(
  state: PlannedOffering,
  data: { enrolmentId: string; participant: { personId: string } },
  status: EnrolmentStatus,
): PlannedOffering {
  return {
    ...state,
    enrolments: [
      ...state.enrolments,
      {
        enrolmentId: data.enrolmentId,
        personId: data.participant.personId,
        status,
        evaluated: false,
      },
    ],
  };
}

function withEnrolment(
  state: PlannedOffering,
  enrolmentId: string,
  change: Partial<Omit<OfferingEnrolment, 'enrolmentId' | 'personId'>>,
): PlannedOffering {
  return {
    ...state,
    enrolments: state.enrolments.map((e) =>
      e.enrolmentId === enrolmentId ? { ...e, ...change } : e,
    ),
  };
}

function offWaitlist(state: PlannedOffering, enrolmentId: string): PlannedOffering {
  return { ...state, waitlist: state.waitlist.filter((id) => id !== enrolmentId) };
}
