/** A refused training command. `code` is stable: APIs and outcome messages carry it. */
export abstract class TrainingError extends Error {
  abstract readonly code: string;
}

/** The command is not allowed in the record's current status (tables in @sfp/contracts). */
export class IllegalTransitionError extends TrainingError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly command: string,
    readonly status: string,
    readonly allowedFrom: readonly string[],
  ) {
    super(
      `${command} is not allowed while it is ${status}` +
        (allowedFrom.length ? ` (only when ${allowedFrom.join(' or ')})` : ''),
    );
    this.name = 'IllegalTransitionError';
  }
}

/** A rule of the domain that a well-formed command still breaks (400, with the field it concerns). */
export class TrainingRuleError extends TrainingError {
  readonly code = 'RULE_VIOLATED';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'TrainingRuleError';
  }
}

export class CourseNotFoundError extends TrainingError {
  readonly code = 'COURSE_NOT_FOUND';
  constructor(readonly courseId?: string) {
    super(courseId ? `Course ${courseId} does not exist` : 'The course does not exist');
    this.name = 'CourseNotFoundError';
  }
}

export class CourseAlreadyCreatedError extends TrainingError {
  readonly code = 'COURSE_ALREADY_CREATED';
  constructor(readonly courseId: string) {
    super(`Course ${courseId} was already created`);
    this.name = 'CourseAlreadyCreatedError';
  }
}

/** Offerings are planned only of a published course. */
export class CourseNotPublishedError extends TrainingError {
  readonly code = 'COURSE_NOT_PUBLISHED';
  constructor(
    readonly courseId: string,
    readonly status: string,
  ) {
    super(`Course ${courseId} is ${status}: only a published course can be offered`);
    this.name = 'CourseNotPublishedError';
  }
}
