import { TrainingError } from '../../course/domain/course.errors';

export class OfferingNotFoundError extends TrainingError {
  readonly code = 'OFFERING_NOT_FOUND';
  constructor(readonly offeringId?: string) {
    super(offeringId ? `Offering ${offeringId} does not exist` : 'The offering does not exist');
    this.name = 'OfferingNotFoundError';
  }
}

export class OfferingAlreadyPlannedError extends TrainingError {
  readonly code = 'OFFERING_ALREADY_PLANNED';
  constructor(readonly offeringId: string) {
    super(`Offering ${offeringId} was already planned`);
    this.name = 'OfferingAlreadyPlannedError';
  }
}

export class EnrolmentNotFoundError extends TrainingError {
  readonly code = 'ENROLMENT_NOT_FOUND';
  constructor(readonly enrolmentId: string) {
    super(`Enrolment ${enrolmentId} does not exist in this offering`);
    this.name = 'EnrolmentNotFoundError';
  }
}

/** The same person (by pseudonymous id) already holds an active enrolment in this offering. */
export class AlreadyEnrolledError extends TrainingError {
  readonly code = 'ALREADY_ENROLLED';
  constructor(readonly enrolmentId: string) {
    super(`This participant is already enrolled in the offering (enrolment ${enrolmentId})`);
    this.name = 'AlreadyEnrolledError';
  }
}

/** The enrolment's status does not allow the command (e.g. approving an enrolment that does not wait for it). */
export class EnrolmentStatusError extends TrainingError {
  readonly code = 'ENROLMENT_STATUS_CONFLICT';
  constructor(
    readonly enrolmentId: string,
    readonly status: string,
    action: string,
  ) {
    super(`Enrolment ${enrolmentId} is ${status}: it cannot be ${action}`);
    this.name = 'EnrolmentStatusError';
  }
}

/** Capacity below the seats already taken. */
export class CapacityBelowEnrolmentError extends TrainingError {
  readonly code = 'CAPACITY_BELOW_ENROLMENT';
  /** The field the error filter names in the 400's field messages. */
  readonly field = 'capacity';
  constructor(
    readonly capacity: number,
    readonly enrolled: number,
  ) {
    super(`Capacity ${capacity} is below the ${enrolled} participants already enrolled`);
    this.name = 'CapacityBelowEnrolmentError';
  }
}

export class CertificateNotFoundError extends TrainingError {
  readonly code = 'CERTIFICATE_NOT_FOUND';
  constructor(readonly certificateId: string) {
    super(`Certificate ${certificateId} was not issued in this offering`);
    this.name = 'CertificateNotFoundError';
  }
}

export class EvaluationAlreadySubmittedError extends TrainingError {
  readonly code = 'EVALUATION_ALREADY_SUBMITTED';
  constructor(readonly enrolmentId: string) {
    super('This participant already answered the questionnaire of the offering');
    this.name = 'EvaluationAlreadySubmittedError';
  }
}
