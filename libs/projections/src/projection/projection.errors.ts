/**
 * The projection has not applied the position in time (read your writes).
 * The HTTP layer maps it to 503/504 and returns both positions, so the client
 * knows its write is accepted and can retry the read.
 */
export class ProjectionTimeoutError extends Error {
  readonly code = 'PROJECTION_TIMEOUT';
  constructor(
    readonly projection: string,
    /** The position the caller waited for. */
    readonly position: number,
    /** The position the projection had applied when the wait ended. */
    readonly appliedPosition: number,
    readonly timeoutMs: number,
  ) {
    super(
      `Projection ${projection} has applied position ${appliedPosition}, not yet ${position}, after waiting ${timeoutMs} ms; retry the read later`,
    );
    this.name = 'ProjectionTimeoutError';
  }
}

export class UnknownProjectionError extends Error {
  readonly code = 'UNKNOWN_PROJECTION';
  constructor(readonly projection: string) {
    super(`No projection named ${projection} is registered or stored`);
    this.name = 'UnknownProjectionError';
  }
}

/** The code is older than the read model, or changed it without a version bump. */
export class ProjectionVersionError extends Error {
  readonly code = 'PROJECTION_VERSION';
  constructor(
    readonly projection: string,
    message: string,
  ) {
    super(`Projection ${projection}: ${message}`);
    this.name = 'ProjectionVersionError';
  }
}

export class RebuildInProgressError extends Error {
  readonly code = 'REBUILD_IN_PROGRESS';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`Projection ${projection} is already being rebuilt into version ${generation}`);
    this.name = 'RebuildInProgressError';
  }
}

/** The runner stopped before the awaited position or rebuild was reached. */
export class ProjectionStoppedError extends Error {
  readonly code = 'PROJECTION_STOPPED';
  constructor(readonly projection: string) {
    super(`Projection ${projection} was stopped`);
    this.name = 'ProjectionStoppedError';
  }
}
