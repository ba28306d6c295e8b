/** The training API's answers about offerings (GET /offerings, GET /offerings/{id} with its roster), as the console reads them. */
import type { Region } from '../shared/regions';
import type { CourseKind, DeliveryMode, TrainingLanguage } from './reference-data';
import type { CompletionRule, OfferingDelivery, OfferingPlan, Participant } from './training';
import type { CertificateStatus, EnrolmentStatus, OfferingStatus } from './training.lifecycle';

/** One offering of the calendar: what, where, when, and how full. No personal data. */
export interface OfferingEntry {
  offeringId: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  courseRevision: number;
  /** The kind of the course revision the offering was planned from. */
  courseKind?: CourseKind;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  delivery: OfferingDelivery;
  deliveryMode: DeliveryMode;
  region: Region;
  country: string;
  language: TrainingLanguage;
  capacity: number;
  /** Enrolments holding a seat: enrolled, completed or failed. */
  seatsTaken: number;
  /** Enrolments waiting for a seat now. */
  waitlistLength: number;
  /** The longest the waitlist has been. */
  peakWaitlistLength: number;
  /** Staff enrolments waiting for their supervisor (no seat held). */
  awaitingApproval: number;
  status: OfferingStatus;
  plannedAt: string;
}

/** What a participant fell short of, when they failed. */
export type RosterShortfall = 'attendance' | 'post-test';

/** A certificate of an enrolment, as issued and perhaps revoked. */
export interface RosterCertificate {
  certificateId: string;
  verificationCode: string;
  status: CertificateStatus;
  issuedAt: string;
  revokedAt?: string;
  revocationReason?: string;
}

/** One enrolment of the roster. */
export interface RosterEnrolment {
  enrolmentId: string;
  status: EnrolmentStatus;
  /** As enrolled; the name and e-mail read "[erased]" once the person's data was erased. */
  participant: Participant;
  /** The person's data was erased: their name and e-mail are gone. */
  personalDataErased: boolean;
  /** When the enrolment was made (a seat, a waitlist place, or a request for approval). */
  requestedAt: string;
  /** The supervisor asked to approve (staff, when the course needs it). */
  supervisor?: string;
  /** While waitlisted: the place (1 = next). */
  waitlistPosition?: number;
  /** Each session day recorded for the enrolment, in date order. */
  attendance: Array<{ day: string; present: boolean }>;
  preTest?: number;
  postTest?: number;
  result?: {
    outcome: 'completed' | 'failed';
    attendancePercent: number;
    shortfalls?: RosterShortfall[];
    at: string;
  };
  certificate?: RosterCertificate;
  /** Why it ended early: withdrawn or declined. */
  ended?: { reason: string; at: string };
}

/** An offering read from its stream: the plan, where it stands, and its roster. */
export interface OfferingDetail extends OfferingPlan {
  offeringId: string;
  /** The offering's version: its ETag, for If-Match. */
  streamVersion: number;
  status: OfferingStatus;
  courseId: string;
  courseRevision: number;
  courseCode: string;
  courseTitle: string;
  completionRule: CompletionRule;
  supervisorApprovalRequired: boolean;
  plannedBy: string;
  plannedAt: string;
  seatsTaken: number;
  waitlistLength: number;
  /** Every session day with attendance recorded, in date order. */
  sessionDays: string[];
  /** Every enrolment, in the order they were made. */
  enrolments: RosterEnrolment[];
  /** The waitlist in order: enrolment ids, the first is next. */
  waitlist: string[];
  /** How many satisfaction questionnaires were submitted (anonymous: not whose). */
  evaluationsSubmitted: number;
  cancellation?: { reason: string; cancelledBy: string; cancelledAt: string };
  completion?: { completed: number; failed: number; completedAt: string };
}
