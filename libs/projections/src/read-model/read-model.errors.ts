/** One problem with one field of a client's query, for a 400 with field-level messages. */
export interface QueryFieldProblem {
  /** The filter field, `sort`, `limit` or `cursor`. */
  field: string;
  message: string;
}

/** A client's query is malformed or names a field the read model does not declare (map to 400). */
export class InvalidQueryError extends Error {
  readonly code = 'INVALID_QUERY';
  constructor(
    readonly projection: string,
    readonly problems: QueryFieldProblem[],
  ) {
    super(
      `Invalid query on ${projection}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
    this.name = 'InvalidQueryError';
  }
}

/** A read model or projection is declared wrongly (a programming error, found at start-up). */
export class InvalidReadModelError extends Error {
  readonly code = 'INVALID_READ_MODEL';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadModelError';
  }
}

/** A document written by a projection does not fit its read model (a declared field has the wrong type). */
export class ReadModelDocumentError extends Error {
  readonly code = 'INVALID_READ_MODEL_DOCUMENT';
  constructor(
    readonly projection: string,
    readonly id: string,
    message: string,
  ) {
    super(`Document ${id} of ${projection}: ${message}`);
    this.name = 'ReadModelDocumentError';
  }
}

/** Someone else changed a projection's state (active version, rebuild) since it was read. */
export class ProjectionStateConflictError extends Error {
  readonly code = 'PROJECTION_STATE_CONFLICT';
  constructor(
    readonly projection: string,
    readonly expectedRevision: number,
  ) {
    super(
      `The state of projection ${projection} is no longer at revision ${expectedRevision}: another runner changed it`,
    );
    this.name = 'ProjectionStateConflictError';
  }
}
