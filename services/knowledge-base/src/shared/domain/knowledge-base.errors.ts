/** A refused command of the knowledge base. `code` is stable: APIs and outcome messages carry it. */
export abstract class KnowledgeBaseError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A record that does not exist (HTTP 404): "Institution 42 does not exist", or without its id "The institution does not exist". */
export abstract class RecordNotFoundError extends KnowledgeBaseError {
  constructor(record: string, id: string | undefined) {
    super(
      id
        ? `${record.charAt(0).toUpperCase()}${record.slice(1)} ${id} does not exist`
        : `The ${record} does not exist`,
    );
  }
}

/**
 * The base of a record's "does not exist" error: `class TargetNotFoundError
 * extends recordNotFound('TARGET_NOT_FOUND', 'target') {}`.
 */
export function recordNotFound<C extends string>(code: C, record: string) {
  abstract class NotFound extends RecordNotFoundError {
    readonly code = code;
    constructor(readonly id?: string) {
      super(record, id);
    }
  }
  return NotFound;
}

/**
 * The base of a "this record exists already" error (HTTP 409), worded from the
 * record's id: `class TargetAlreadySetError extends recordExists('TARGET_ALREADY_SET',
 * (id) => `Target ${id} was already set`) {}`.
 */
export function recordExists<C extends string>(code: C, message: (id: string) => string) {
  abstract class Exists extends KnowledgeBaseError {
    readonly code = code;
    constructor(readonly id: string) {
      super(message(id));
    }
  }
  return Exists;
}

/** A rule of the domain that a well-formed command still breaks (HTTP 400). */
export class KnowledgeBaseRuleError extends KnowledgeBaseError {
  readonly code = 'RULE_VIOLATED';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The command is not allowed in the record's current status (HTTP 409). */
export class IllegalTransitionError extends KnowledgeBaseError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly command: string,
    readonly status: string,
    readonly allowedFrom: readonly string[],
  ) {
    super(
      `${command} is not allowed while the record is ${status}` +
        (allowedFrom.length ? ` (only when ${allowedFrom.join(' or ')})` : ''),
    );
  }
}

/** An integration client acting outside its department (HTTP 403). */
export class OutOfDepartmentScopeError extends KnowledgeBaseError {
  readonly code = 'OUT_OF_DEPARTMENT_SCOPE';
  constructor(
    readonly scope: string,
    readonly reportingDepartment: string | undefined,
  ) {
    super(
      `A client of department ${scope} may only act on institutions reported by that department` +
        (reportingDepartment
          ? ` (this one reports to ${reportingDepartment})`
          : ' (this record belongs to no department of yours)'),
    );
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
