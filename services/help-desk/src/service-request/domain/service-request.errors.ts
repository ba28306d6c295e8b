/** A refused command. `code` is stable: APIs and outcome messages carry it. */
export abstract class ServiceRequestError extends Error {
  abstract readonly code: string;
}

export class ServiceRequestNotFoundError extends ServiceRequestError {
  readonly code = 'SERVICE_REQUEST_NOT_FOUND';
  constructor(readonly requestId?: string) {
    super(
      requestId
        ? `Service request ${requestId} does not exist`
        : 'The service request does not exist',
    );
    this.name = 'ServiceRequestNotFoundError';
  }
}

export class ServiceRequestAlreadySubmittedError extends ServiceRequestError {
  readonly code = 'SERVICE_REQUEST_ALREADY_SUBMITTED';
  constructor(readonly requestId: string) {
    super(`Service request ${requestId} was already submitted`);
    this.name = 'ServiceRequestAlreadySubmittedError';
  }
}

/** The command is not allowed in the request's current status. */
export class IllegalTransitionError extends ServiceRequestError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly command: string,
    readonly status: string,
    readonly allowedFrom: readonly string[],
  ) {
    super(
      `${command} is not allowed while the request is ${status}` +
        (allowedFrom.length ? ` (only when ${allowedFrom.join(' or ')})` : ''),
    );
    this.name = 'IllegalTransitionError';
  }
}

export class ReopenWindowClosedError extends ServiceRequestError {
  readonly code = 'REOPEN_WINDOW_CLOSED';
  constructor(readonly deadline: string) {
    super(`The request can no longer be reopened: the window closed at ${deadline}`);
    this.name = 'ReopenWindowClosedError';
  }
}

/** The requester already answered the satisfaction question of this request. */
export class SatisfactionAlreadyRatedError extends ServiceRequestError {
  readonly code = 'SATISFACTION_ALREADY_RATED';
  constructor() {
    super('The requester already rated their satisfaction with this request');
    this.name = 'SatisfactionAlreadyRatedError';
  }
}

/** A rule of the domain that a well-formed command still breaks. */
export class ServiceRequestRuleError extends ServiceRequestError {
  readonly code = 'RULE_VIOLATED';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServiceRequestRuleError';
  }
}
