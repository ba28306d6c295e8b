import type { CompletionRule, EvaluationRating, OfferingPlan, Participant } from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** Whose personal data an enrolment event carries: the participant's name and e-mail. */
const PARTICIPANT_DATA = {
  subjectIdPath: 'participant.personId',
  fields: ['participant.name', 'participant.email'],
} as const;

/** An offering of one revision of a published course, with what it needs from that revision. */
export interface OfferingPlannedData extends OfferingPlan {
  offeringId: string;
  courseId: string;
  courseRevision: number;
  courseCode: string;
  courseTitle: string;
  completionRule: CompletionRule;
  supervisorApprovalRequired: boolean;
  plannedBy: string;
  plannedAt: string;
}

export class OfferingPlanned extends defineEventType<OfferingPlannedData>()({
  type: 'training.OfferingPlanned',
  schemaVersion: 1,
}) {}

export interface OfferingOpenedForEnrolmentData {
  offeringId: string;
  openedBy: string;
  openedAt: string;
}

export class OfferingOpenedForEnrolment extends defineEventType<OfferingOpenedForEnrolmentData>()({
  type: 'training.OfferingOpenedForEnrolment',
  schemaVersion: 1,
}) {}

/** Never below the seats taken; raising it promotes from the waitlist (WaitlistedParticipantPromoted follows). */
export interface OfferingCapacityChangedData {
  offeringId: string;
  capacity: number;
  previousCapacity: number;
  changedBy: string;
  changedAt: string;
}

export class OfferingCapacityChanged extends defineEventType<OfferingCapacityChangedData>()({
  type: 'training.OfferingCapacityChanged',
  schemaVersion: 1,
}) {}

/** Every seat is taken: further enrolments go on the waitlist (automatic). */
export interface OfferingFilledData {
  offeringId: string;
  capacity: number;
  filledAt: string;
}

export class OfferingFilled extends defineEventType<OfferingFilledData>()({
  type: 'training.OfferingFilled',
  schemaVersion: 1,
}) {}

/** A seat came free with nobody waiting: the offering is open for enrolment again (automatic). */
export interface OfferingSeatFreedData {
  offeringId: string;
  seatsFree: number;
  freedAt: string;
}

export class OfferingSeatFreed extends defineEventType<OfferingSeatFreedData>()({
  type: 'training.OfferingSeatFreed',
  schemaVersion: 1,
}) {}

/** A participant took a seat. */
export interface ParticipantEnrolledData {
  offeringId: string;
  enrolmentId: string;
  participant: Participant;
  enrolledBy: string;
  enrolledAt: string;
}

export class ParticipantEnrolled extends defineEventType<ParticipantEnrolledData>()({
  type: 'training.ParticipantEnrolled',
  schemaVersion: 1,
  personalData: PARTICIPANT_DATA,
}) {}

/** No seat left: the participant waits, in arrival order (`waitlistPosition`, 1 = next). */
export interface ParticipantWaitlistedData {
  offeringId: string;
  enrolmentId: string;
  participant: Participant;
  waitlistPosition: number;
  waitlistedBy: string;
  waitlistedAt: string;
}

export class ParticipantWaitlisted extends defineEventType<ParticipantWaitlistedData>()({
  type: 'training.ParticipantWaitlisted',
  schemaVersion: 1,
  personalData: PARTICIPANT_DATA,
}) {}

/** A staff member's enrolment in a course that needs it waits for the supervisor's approval (no seat held). */
export interface EnrolmentAwaitingApprovalData {
  offeringId: string;
  enrolmentId: string;
  participant: Participant;
  /** The supervisor's user id or e-mail, as the requester gave it. */
  supervisor: string;
  requestedBy: string;
  requestedAt: string;
}

export class EnrolmentAwaitingApproval extends defineEventType<EnrolmentAwaitingApprovalData>()({
  type: 'training.EnrolmentAwaitingApproval',
  schemaVersion: 1,
  personalData: PARTICIPANT_DATA,
}) {}

/** Approved: the enrolment takes a seat, or the next place on the waitlist. */
export interface EnrolmentApprovedData {
  offeringId: string;
  enrolmentId: string;
  seat: 'enrolled' | 'waitlisted';
  /** When waitlisted: the place taken (1 = next). */
  waitlistPosition?: number;
  approvedBy: string;
  approvedAt: string;
}

export class EnrolmentApproved extends defineEventType<EnrolmentApprovedData>()({
  type: 'training.EnrolmentApproved',
  schemaVersion: 1,
}) {}

export interface EnrolmentDeclinedData {
  offeringId: string;
  enrolmentId: string;
  reason: string;
  declinedBy: string;
  declinedAt: string;
}

export class EnrolmentDeclined extends defineEventType<EnrolmentDeclinedData>()({
  type: 'training.EnrolmentDeclined',
  schemaVersion: 1,
}) {}

/** The participant left: a seat (or a waitlist place) is freed; the first waiting is promoted. */
export interface EnrolmentWithdrawnData {
  offeringId: string;
  enrolmentId: string;
  /** What the enrolment was when withdrawn. */
  from: 'enrolled' | 'waitlisted' | 'awaiting-approval';
  reason: string;
  withdrawnBy: string;
  withdrawnAt: string;
}

export class EnrolmentWithdrawn extends defineEventType<EnrolmentWithdrawnData>()({
  type: 'training.EnrolmentWithdrawn',
  schemaVersion: 1,
}) {}

/** The first on the waitlist took a freed seat (automatic). */
export interface WaitlistedParticipantPromotedData {
  offeringId: string;
  enrolmentId: string;
  cause: 'withdrawal' | 'capacity-raised';
  promotedAt: string;
}

export class WaitlistedParticipantPromoted extends defineEventType<WaitlistedParticipantPromotedData>()(
  { type: 'training.WaitlistedParticipantPromoted', schemaVersion: 1 },
) {}

export interface OfferingStartedData {
  offeringId: string;
  startedBy: string;
  startedAt: string;
}

export class OfferingStarted extends defineEventType<OfferingStartedData>()({
  type: 'training.OfferingStarted',
  schemaVersion: 1,
}) {}

/** Who was there on one session day (a calendar date within the offering); recording a day again replaces it. */
export interface AttendanceRecordedData {
  offeringId: string;
  day: string;
  present: string[];
  absent: string[];
  recordedBy: string;
  recordedAt: string;
}

export class AttendanceRecorded extends defineEventType<AttendanceRecordedData>()({
  type: 'training.AttendanceRecorded',
  schemaVersion: 1,
}) {}

/** Pre- and post-test scores of one enrolment, in per cent; a score given again replaces the earlier one. */
export interface TestScoresRecordedData {
  offeringId: string;
  enrolmentId: string;
  preTest?: number;
  postTest?: number;
  recordedBy: string;
  recordedAt: string;
}

export class TestScoresRecorded extends defineEventType<TestScoresRecordedData>()({
  type: 'training.TestScoresRecorded',
  schemaVersion: 1,
}) {}

/** The participant met the course's completion rule. */
export interface ParticipantCompletedData {
  offeringId: string;
  enrolmentId: string;
  attendancePercent: number;
  preTest?: number;
  postTest?: number;
  completedAt: string;
}

export class ParticipantCompleted extends defineEventType<ParticipantCompletedData>()({
  type: 'training.ParticipantCompleted',
  schemaVersion: 1,
}) {}

export type CompletionShortfall = 'attendance' | 'post-test';

/** The participant did not meet the completion rule, and why. */
export interface ParticipantFailedData {
  offeringId: string;
  enrolmentId: string;
  attendancePercent: number;
  preTest?: number;
  postTest?: number;
  shortfalls: CompletionShortfall[];
  failedAt: string;
}

export class ParticipantFailed extends defineEventType<ParticipantFailedData>()({
  type: 'training.ParticipantFailed',
  schemaVersion: 1,
}) {}

/** A certificate for a completed participant; anyone can check it by its verification code. */
export interface CertificateIssuedData {
  offeringId: string;
  certificateId: string;
  verificationCode: string;
  enrolmentId: string;
  personId: string;
  courseId: string;
  courseRevision: number;
  courseTitle: string;
  startsOn: string;
  endsOn: string;
  issuedAt: string;
}

export class CertificateIssued extends defineEventType<CertificateIssuedData>()({
  type: 'training.CertificateIssued',
  schemaVersion: 1,
}) {}

export interface CertificateRevokedData {
  offeringId: string;
  certificateId: string;
  reason: string;
  revokedBy: string;
  revokedAt: string;
}

export class CertificateRevoked extends defineEventType<CertificateRevokedData>()({
  type: 'training.CertificateRevoked',
  schemaVersion: 1,
}) {}

/** The offering ran to its end: participants' results and certificates were recorded just before. */
export interface OfferingCompletedData {
  offeringId: string;
  completed: number;
  failed: number;
  completedBy: string;
  completedAt: string;
}

export class OfferingCompleted extends defineEventType<OfferingCompletedData>()({
  type: 'training.OfferingCompleted',
  schemaVersion: 1,
}) {}

/** Cancelled, with the enrolments to notify (enrolled, waitlisted or awaiting approval). */
export interface OfferingCancelledData {
  offeringId: string;
  reason: string;
  notified: string[];
  cancelledBy: string;
  cancelledAt: string;
}

export class OfferingCancelled extends defineEventType<OfferingCancelledData>()({
  type: 'training.OfferingCancelled',
  schemaVersion: 1,
}) {}

/**
 * One participant's answers to the satisfaction questionnaire. The enrolment
 * id is kept so nobody answers twice; the read models never show it.
 */
export interface EvaluationSubmittedData {
  offeringId: string;
  evaluationId: string;
  enrolmentId: string;
  ratings: EvaluationRating[];
  comment?: string;
  submittedAt: string;
}

export class EvaluationSubmitted extends defineEventType<EvaluationSubmittedData>()({
  type: 'training.EvaluationSubmitted',
  schemaVersion: 1,
}) {}

export const OFFERING_EVENT_CLASSES = [
  OfferingPlanned,
  OfferingOpenedForEnrolment,
  OfferingCapacityChanged,
  OfferingFilled,
  OfferingSeatFreed,
  ParticipantEnrolled,
  ParticipantWaitlisted,
  EnrolmentAwaitingApproval,
  EnrolmentApproved,
  EnrolmentDeclined,
  EnrolmentWithdrawn,
  WaitlistedParticipantPromoted,
  OfferingStarted,
  AttendanceRecorded,
  TestScoresRecorded,
  ParticipantCompleted,
  ParticipantFailed,
  CertificateIssued,
  CertificateRevoked,
  OfferingCompleted,
  OfferingCancelled,
  EvaluationSubmitted,
] as const;

export type OfferingEvent =
  | EventOf<typeof OfferingPlanned>
  | EventOf<typeof OfferingOpenedForEnrolment>
  | EventOf<typeof OfferingCapacityChanged>
  | EventOf<typeof OfferingFilled>
  | EventOf<typeof OfferingSeatFreed>
  | EventOf<typeof ParticipantEnrolled>
  | EventOf<typeof ParticipantWaitlisted>
  | EventOf<typeof EnrolmentAwaitingApproval>
  | EventOf<typeof EnrolmentApproved>
  | EventOf<typeof EnrolmentDeclined>
  | EventOf<typeof EnrolmentWithdrawn>
  | EventOf<typeof WaitlistedParticipantPromoted>
  | EventOf<typeof OfferingStarted>
  | EventOf<typeof AttendanceRecorded>
  | EventOf<typeof TestScoresRecorded>
  | EventOf<typeof ParticipantCompleted>
  | EventOf<typeof ParticipantFailed>
  | EventOf<typeof CertificateIssued>
  | EventOf<typeof CertificateRevoked>
  | EventOf<typeof OfferingCompleted>
  | EventOf<typeof OfferingCancelled>
  | EventOf<typeof EvaluationSubmitted>;
