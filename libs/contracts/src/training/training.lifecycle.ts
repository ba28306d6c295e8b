/**
 * The life of courses, offerings and enrolments: their statuses and, for
 * each command given on an existing record, the statuses it is allowed from.
 * The training deciders refuse a command with ILLEGAL_TRANSITION by these
 * very tables, so the actions the console offers cannot drift from what the
 * API accepts.
 */

export const COURSE_STATUSES = ['draft', 'published', 'retired'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const COURSE_COMMANDS = ['ReviseCourse', 'PublishCourse', 'RetireCourse'] as const;
export type CourseCommandType = (typeof COURSE_COMMANDS)[number];

/** Revising a published course makes a new revision; offerings keep the one they were planned with. */
export const COURSE_COMMAND_ALLOWED_FROM: Readonly<
  Record<CourseCommandType, readonly CourseStatus[]>
> = {
  ReviseCourse: ['draft', 'published'],
  PublishCourse: ['draft'],
  RetireCourse: ['draft', 'published'],
};

/** planned → open (for enrolment) → full (automatic) → running → completed | cancelled. */
export const OFFERING_STATUSES = [
  'planned',
  'open',
  'full',
  'running',
  'completed',
  'cancelled',
] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

export const OFFERING_COMMANDS = [
  'OpenOfferingForEnrolment',
  'ChangeOfferingCapacity',
  'EnrolParticipant',
  'ApproveEnrolment',
  'DeclineEnrolment',
  'WithdrawEnrolment',
  'StartOffering',
  'RecordAttendance',
  'RecordTestScores',
  'CompleteOffering',
  'CancelOffering',
  'RevokeCertificate',
  'SubmitEvaluation',
] as const;
export type OfferingCommandType = (typeof OFFERING_COMMANDS)[number];

export const OFFERING_COMMAND_ALLOWED_FROM: Readonly<
  Record<OfferingCommandType, readonly OfferingStatus[]>
> = {
  OpenOfferingForEnrolment: ['planned'],
  ChangeOfferingCapacity: ['planned', 'open', 'full'],
  EnrolParticipant: ['open', 'full'],
  ApproveEnrolment: ['open', 'full'],
  DeclineEnrolment: ['open', 'full', 'running'],
  WithdrawEnrolment: ['open', 'full', 'running'],
  StartOffering: ['open', 'full'],
  RecordAttendance: ['running'],
  RecordTestScores: ['running'],
  CompleteOffering: ['running'],
  CancelOffering: ['planned', 'open', 'full', 'running'],
  RevokeCertificate: ['completed'],
  SubmitEvaluation: ['running', 'completed'],
};

/**
 * An enrolment: awaiting a supervisor's approval (holds no seat), enrolled
 * (holds a seat), waitlisted (in arrival order), withdrawn or declined, and at
 * the end completed or failed; cancelled with its offering.
 */
export const ENROLMENT_STATUSES = [
  'awaiting-approval',
  'enrolled',
  'waitlisted',
  'withdrawn',
  'declined',
  'completed',
  'failed',
  'cancelled',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** A certificate as its public check reports it. */
export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
