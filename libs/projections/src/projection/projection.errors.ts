import { CodedError } from '@sfp/event-sourcing';

/**
 * The projection has not applied the position in time (read your writes).
 * The HTTP layer maps it to 503/504 and returns both positions, so the client
 * knows its write is accepted and can retry the read.
 */
export class ProjectionTimeoutError extends CodedError {
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
