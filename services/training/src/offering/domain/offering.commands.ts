import type { EvaluationRating, OfferingPlan, Participant } from '@sfp/contracts';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

/** What the offering takes from the course revision it is planned with (the application reads the course). */
export interface PlannedCourse {
  courseId: string;
  revision: number;
  code: string;
  title: string;
  status: 'draft' | 'published' | 'retired';
  completionRule: { minAttendancePercent: number; minPostTestScore?: number };
  supervisorApprovalRequired: boolean;
}

export interface PlanOffering extends Timed {
  type: 'PlanOffering';
  offeringId: string;
  course: PlannedCourse;
  plan: OfferingPlan;
}

export interface OpenOfferingForEnrolment extends Timed {
  type: 'OpenOfferingForEnrolment';
}

export interface ChangeOfferingCapacity extends Timed {
  type: 'ChangeOfferingCapacity';
  capacity: number;
}

/** `supervisor`: required when the course needs approval and the participant is staff. */
export interface EnrolParticipant extends Timed {
  type: 'EnrolParticipant';
  enrolmentId: string;
  participant: Participant;
  supervisor?: string;
}

export interface ApproveEnrolment extends Timed {
  type: 'ApproveEnrolment';
  enrolmentId: string;
}

export interface DeclineEnrolment extends Timed {
  type: 'DeclineEnrolment';
  enrolmentId: string;
  reason: string;
}

export interface WithdrawEnrolment extends Timed {
  type: 'WithdrawEnrolment';
  enrolmentId: string;
  reason: string;
}

export interface StartOffering extends Timed {
  type: 'StartOffering';
}

export interface RecordAttendance extends Timed {
  type: 'RecordAttendance';
  /** A calendar date from the offering's first to its last day. */
  day: string;
  /** Enrolment ids present that day; every other enrolled participant is recorded absent. */
  present: string[];
}

export interface RecordTestScores extends Timed {
  type: 'RecordTestScores';
  enrolmentId: string;
  preTest?: number;
  postTest?: number;
}

/**
 * Ends the offering: each enrolled participant completes or fails by the
 * course's rule, and each one who completes gets a certificate. Certificate
 * ids and verification codes are random, so the application draws them:
 * at least one per enrolled participant, used in enrolment order.
 */
export interface CompleteOffering extends Timed {
  type: 'CompleteOffering';
  certificates: { certificateId: string; verificationCode: string }[];
}

export interface CancelOffering extends Timed {
  type: 'CancelOffering';
  reason: string;
}

export interface RevokeCertificate extends Timed {
  type: 'RevokeCertificate';
  certificateId: string;
  reason: string;
}

export interface SubmitEvaluation extends Timed {
  type: 'SubmitEvaluation';
  evaluationId: string;
  enrolmentId: string;
  ratings: EvaluationRating[];
  comment?: string;
}

export type OfferingCommand =
  | PlanOffering
  | OpenOfferingForEnrolment
  | ChangeOfferingCapacity
  | EnrolParticipant
  | ApproveEnrolment
  | DeclineEnrolment
  | WithdrawEnrolment
  | StartOffering
  | RecordAttendance
  | RecordTestScores
  | CompleteOffering
  | CancelOffering
  | RevokeCertificate
  | SubmitEvaluation;
