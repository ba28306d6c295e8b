import { CodedError } from '@sfp/event-sourcing';

/** One problem with one field of a client's query, for a 400 with field-level messages. */
export interface QueryFieldProblem {
  /** The filter field, `sort`, `limit` or `cursor`. */
  field: string;
  message: string;
}

/** A client's query is malformed or names a field the read model does not declare (map to 400). */
export class InvalidQueryError extends CodedError {
  constructor(
    readonly projection: string,
    readonly problems: QueryFieldProblem[],
  ) {
    super(
      'INVALID_QUERY',
      `Invalid query on ${projection}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  }
}

/** A read model or projection is declared wrongly (a programming error, found at start-up). */
export class InvalidReadModelError extends CodedError {
  constructor(message: string) {
    super('INVALID_READ_MODEL', message);
  }
}

/** A document written by a projection does not fit its read model (a declared field has the wrong type). */
export class ReadModelDocumentError extends CodedError {
  constructor(
    readonly projection: string,
    readonly id: string,
    message: string,
  ) {
    super('INVALID_READ_MODEL_DOCUMENT', `Document ${id} of ${projection}: ${message}`);
  }
}

/** Someone else changed a projection's state (active version, rebuild) since it was read. */
export class ProjectionStateConflictError extends CodedError {
  constructor(
    readonly projection: string,
    readonly expectedRevision: number,
  ) {
    super(
      'PROJECTION_STATE_CONFLICT',
      `The state of projection ${projection} is no longer at revision ${expectedRevision}: another runner changed it`,
    );
  }
}
