import { CodedError } from '@sfp/event-sourcing';

/**
 * The projection has not applied the position in time (read your writes).
 * The HTTP layer answers 503 with both positions and a `Retry-After` header
 * (`details.retryAfterSeconds`: as long as the wait that just ended, at least
 * 1 s), so the client knows its write is accepted and when to retry the read.
 */
export class ProjectionTimeoutError extends CodedError {
  /** When to read again: `retryAfterSeconds` becomes the answer's Retry-After header. */
  readonly details: { retryAfterSeconds: number };

  constructor(
    readonly projection: string,
    /** The position the caller waited for. */
    readonly position: number,
    /** The position the projection had applied when the wait ended. */
    readonly appliedPosition: number,
    readonly timeoutMs: number,
  ) {
    super(
      'PROJECTION_TIMEOUT',
      `Projection ${projection} has applied position ${appliedPosition}, not yet ${position}, after waiting ${timeoutMs} ms; retry the read later`,
    );
    this.details = { retryAfterSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)) };
  }
}

/**
 * Read your writes asked for a position beyond the event store's head: no
 * command was ever answered it, so waiting could only end in the time-out.
 * Refused at once (400, a field error on `minPosition`).
 */
export class PositionBeyondHeadError extends CodedError {
  /** One problem, on `minPosition`: the HTTP layer answers it as a field error. */
  readonly problems: ReadonlyArray<{ field: string; message: string }>;

  constructor(
    readonly projection: string,
    /** The position the caller asked for. */
    readonly position: number,
    /** The last position appended to the event store when it was asked. */
    readonly headPosition: number,
  ) {
    const message = `is beyond the event store's head, which is ${headPosition}: use the position a command answered`;
    super('POSITION_BEYOND_HEAD', `minPosition ${position} ${message} (projection ${projection})`);
    this.problems = [{ field: 'minPosition', message }];
  }
}

export class UnknownProjectionError extends CodedError {
  constructor(readonly projection: string) {
    super('UNKNOWN_PROJECTION', `No projection named ${projection} is registered or stored`);
  }
}

/** The code is older than the read model, or changed it without a version bump. */
export class ProjectionVersionError extends CodedError {
  constructor(
    readonly projection: string,
    message: string,
  ) {
    super('PROJECTION_VERSION', `Projection ${projection}: ${message}`);
  }
}

export class RebuildInProgressError extends CodedError {
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(
      'REBUILD_IN_PROGRESS',
      `Projection ${projection} is already being rebuilt into version ${generation}`,
    );
  }
}

/** The runner stopped before the awaited position or rebuild was reached. */
export class ProjectionStoppedError extends CodedError {
  constructor(readonly projection: string) {
    super('PROJECTION_STOPPED', `Projection ${projection} was stopped`);
  }
}
