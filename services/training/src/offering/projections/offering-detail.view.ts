import type { EnrolmentStatus, OfferingDetail, Participant, RosterEnrolment } from '@sfp/contracts';
import { ERASED, type RecordedEvent } from '@sfp/event-sourcing';
import type { OfferingEvent } from '../domain/offering.events';

const SEAT_HOLDING: readonly EnrolmentStatus[] = ['enrolled', 'completed', 'failed'];
/** The events that make an enrolment, by whoever asked for it. */
const MAKING: readonly string[] = [
  'training.ParticipantEnrolled',
  'training.ParticipantWaitlisted',
  'training.EnrolmentAwaitingApproval',
];
const CANCELLABLE: readonly EnrolmentStatus[] = ['enrolled', 'waitlisted', 'awaiting-approval'];

/** Whether a participant's personal data reads back erased. */
export function isErased(participant: Pick<Participant, 'name' | 'email'>): boolean {
  return participant.name === ERASED || participant.email === ERASED;
}

/**
 * Folds an offering's stream (oldest first) into its detail and roster;
 * undefined for an empty stream. To a department's system (`department`) the
 * roster shows only the enrolments its department made, as the write side
 * treats another department's enrolment as none; the counts stay whole.
 */
export function buildOfferingDetail(
  recorded: readonly RecordedEvent[],
  { department }: { department?: string } = {},
): OfferingDetail | undefined {
  let detail: OfferingDetail | undefined;
  const byId = new Map<string, RosterEnrolment>();
  /** The department whose person or system made each enrolment (none: made in the Office). */
  const madeBy = new Map<string, string | undefined>();
  const days = new Map<string, { present: string[]; absent: string[] }>();

  const enrol = (
    enrolmentId: string,
    participant: Participant,
    status: EnrolmentStatus,
    requestedAt: string,
  ): RosterEnrolment => {
    const enrolment: RosterEnrolment = {
      enrolmentId,
      status,
      participant,
      personalDataErased: isErased(participant),
      requestedAt,
      attendance: [],
    };
    byId.set(enrolmentId, enrolment);
    detail?.enrolments.push(enrolment);
    return enrolment;
  };
  const toWaitlist = (enrolmentId: string, position: number | undefined) => {
    if (!detail) return;
    const list = detail.waitlist.filter((id) => id !== enrolmentId);
    const at = Math.min(Math.max((position ?? list.length + 1) - 1, 0), list.length);
    list.splice(at, 0, enrolmentId);
    detail.waitlist = list;
  };
  const offWaitlist = (enrolmentId: string) => {
    if (detail) detail.waitlist = detail.waitlist.filter((id) => id !== enrolmentId);
  };

  for (const r of recorded) {
    const event = { type: r.type, data: r.data } as OfferingEvent;
    if (event.type === 'training.OfferingPlanned') {
      const { offeringId: _o, ...plan } = event.data;
      detail = {
        offeringId: event.data.offeringId,
        streamVersion: r.streamVersion,
        status: 'planned',
        ...plan,
        seatsTaken: 0,
        waitlistLength: 0,
        sessionDays: [],
        enrolments: [],
        waitlist: [],
        evaluationsSubmitted: 0,
      };
      continue;
    }
    if (!detail) continue;
    detail.streamVersion = r.streamVersion;
    if (MAKING.includes(event.type)) {
      madeBy.set((event.data as { enrolmentId: string }).enrolmentId, r.actor.department);
    }
    const enrolmentOf = (id: string) => byId.get(id);
    switch (event.type) {
      case 'training.OfferingOpenedForEnrolment':
      case 'training.OfferingSeatFreed':
        detail.status = 'open';
        break;
      case 'training.OfferingCapacityChanged':
        detail.capacity = event.data.capacity;
        break;
      case 'training.OfferingFilled':
        detail.status = 'full';
        break;
      case 'training.ParticipantEnrolled':
        enrol(event.data.enrolmentId, event.data.participant, 'enrolled', event.data.enrolledAt);
        break;
      case 'training.ParticipantWaitlisted':
        enrol(
          event.data.enrolmentId,
          event.data.participant,
          'waitlisted',
          event.data.waitlistedAt,
        );
        toWaitlist(event.data.enrolmentId, event.data.waitlistPosition);
        break;
      case 'training.EnrolmentAwaitingApproval': {
        const enrolment = enrol(
          event.data.enrolmentId,
          event.data.participant,
          'awaiting-approval',
          event.data.requestedAt,
        );
        enrolment.supervisor = event.data.supervisor;
        break;
      }
      case 'training.EnrolmentApproved': {
        const enrolment = enrolmentOf(event.data.enrolmentId);
        if (!enrolment) break;
        enrolment.status = event.data.seat;
        if (event.data.seat === 'waitlisted')
          toWaitlist(event.data.enrolmentId, event.data.waitlistPosition);
        break;
      }
      case 'training.EnrolmentDeclined': {
        const enrolment = enrolmentOf(event.data.enrolmentId);
        if (!enrolment) break;
        enrolment.status = 'declined';
        enrolment.ended = { reason: event.data.reason, at: event.data.declinedAt };
        offWaitlist(event.data.enrolmentId);
        break;
      }
      case 'training.EnrolmentWithdrawn': {
        const enrolment = enrolmentOf(event.data.enrolmentId);
        if (!enrolment) break;
        enrolment.status = 'withdrawn';
        enrolment.ended = { reason: event.data.reason, at: event.data.withdrawnAt };
        offWaitlist(event.data.enrolmentId);
        break;
      }
      case 'training.WaitlistedParticipantPromoted': {
        const enrolment = enrolmentOf(event.data.enrolmentId);
        if (enrolment) enrolment.status = 'enrolled';
        offWaitlist(event.data.enrolmentId);
        break;
      }
      case 'training.OfferingStarted':
        detail.status = 'running';
        break;
      case 'training.AttendanceRecorded':
        days.set(event.data.day, { present: event.data.present, absent: event.data.absent });
        break;
      case 'training.TestScoresRecorded': {
        const enrolment = enrolmentOf(event.data.enrolmentId);
        if (!enrolment) break;
        if (event.data.preTest !== undefined) enrolment.preTest = event.data.preTest;
        if (event.data.postTest !== undefined) enrolment.postTest = event.data.postTest;
        break;
      }
      case 'training.ParticipantCompleted':
      case 'training.ParticipantFailed': {
        const enrolment = enrolmentOf(event.data.enrolmentId);
        if (!enrolment) break;
        const completed = event.type === 'training.ParticipantCompleted';
        enrolment.status = completed ? 'completed' : 'failed';
        enrolment.result = {
          outcome: completed ? 'completed' : 'failed',
          attendancePercent: event.data.attendancePercent,
          ...(event.type === 'training.ParticipantFailed'
            ? { shortfalls: event.data.shortfalls }
            : {}),
          at:
            event.type === 'training.ParticipantCompleted'
              ? event.data.completedAt
              : event.data.failedAt,
        };
        if (event.data.preTest !== undefined) enrolment.preTest = event.data.preTest;
        if (event.data.postTest !== undefined) enrolment.postTest = event.data.postTest;
        break;
      }
      case 'training.CertificateIssued': {
        const enrolment = enrolmentOf(event.data.enrolmentId);
        if (!enrolment) break;
        enrolment.certificate = {
          certificateId: event.data.certificateId,
          verificationCode: event.data.verificationCode,
          status: 'valid',
          issuedAt: event.data.issuedAt,
        };
        break;
      }
      case 'training.CertificateRevoked': {
        const { certificateId, reason, revokedAt } = event.data;
        const enrolment = detail.enrolments.find(
          (e) => e.certificate?.certificateId === certificateId,
        );
        if (enrolment?.certificate) {
          enrolment.certificate = {
            ...enrolment.certificate,
            status: 'revoked',
            revokedAt,
            revocationReason: reason,
          };
        }
        break;
      }
      case 'training.OfferingCompleted':
        detail.status = 'completed';
        detail.completion = {
          completed: event.data.completed,
          failed: event.data.failed,
          completedAt: event.data.completedAt,
        };
        break;
      case 'training.OfferingCancelled':
        detail.status = 'cancelled';
        detail.cancellation = {
          reason: event.data.reason,
          cancelledBy: event.data.cancelledBy,
          cancelledAt: event.data.cancelledAt,
        };
        for (const enrolment of detail.enrolments) {
          if (CANCELLABLE.includes(enrolment.status)) enrolment.status = 'cancelled';
        }
        detail.waitlist = [];
        break;
      case 'training.EvaluationSubmitted':
        detail.evaluationsSubmitted += 1;
        break;
      default: {
        const unhandled: never = event;
        throw new Error(`Unhandled offering event ${JSON.stringify(unhandled)}`);
      }
    }
  }
  if (!detail) return undefined;

  const sessionDays = [...days.keys()].sort();
  for (const enrolment of detail.enrolments) {
    enrolment.attendance = sessionDays.flatMap((day): Array<{ day: string; present: boolean }> => {
      const record = days.get(day);
      if (record?.present.includes(enrolment.enrolmentId)) return [{ day, present: true }];
      if (record?.absent.includes(enrolment.enrolmentId)) return [{ day, present: false }];
      return [];
    });
  }
  detail.waitlist.forEach((id, index) => {
    const enrolment = byId.get(id);
    if (enrolment) enrolment.waitlistPosition = index + 1;
  });
  detail.sessionDays = sessionDays;
  detail.seatsTaken = detail.enrolments.filter((e) => SEAT_HOLDING.includes(e.status)).length;
  detail.waitlistLength = detail.waitlist.length;
  if (department !== undefined) {
    const visible = (id: string) => madeBy.get(id) === department;
    detail.enrolments = detail.enrolments.filter((e) => visible(e.enrolmentId));
    detail.waitlist = detail.waitlist.filter(visible);
  }
  return detail;
}
