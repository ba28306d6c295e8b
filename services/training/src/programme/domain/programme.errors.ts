import { TrainingError } from '../../course/domain/course.errors';

export class ProgrammeNotFoundError extends TrainingError {
  readonly code = 'PROGRAMME_NOT_FOUND';
  constructor(readonly programmeId?: string) {
    super(programmeId ? `Programme ${programmeId} does not exist` : 'The programme does not exist');
    this.name = 'ProgrammeNotFoundError';
  }
}

export class ProgrammeAlreadyLaunchedError extends TrainingError {
  readonly code = 'PROGRAMME_ALREADY_LAUNCHED';
  constructor(readonly programmeId: string) {
    super(`Programme ${programmeId} was already launched`);
    this.name = 'ProgrammeAlreadyLaunchedError';
  }
}

/** A closed programme takes no more offerings or targets. */
export class ProgrammeClosedError extends TrainingError {
  readonly code = 'PROGRAMME_CLOSED';
  constructor(readonly programmeId: string) {
    super(`Programme ${programmeId} is closed`);
    this.name = 'ProgrammeClosedError';
  }
}

export class OfferingAlreadyInProgrammeError extends TrainingError {
  readonly code = 'OFFERING_ALREADY_IN_PROGRAMME';
  constructor(
    readonly programmeId: string,
    readonly offeringId: string,
  ) {
    super(`Offering ${offeringId} is already part of programme ${programmeId}`);
    this.name = 'OfferingAlreadyInProgrammeError';
  }
}

/** HTTP status of each refusal code of the programmes. */
export const PROGRAMME_ERROR_STATUSES: Record<string, number> = {
  PROGRAMME_NOT_FOUND: 404,
  PROGRAMME_ALREADY_LAUNCHED: 409,
  PROGRAMME_CLOSED: 409,
  OFFERING_ALREADY_IN_PROGRAMME: 409,
};
