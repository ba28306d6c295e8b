import { CodedError } from '../../coded-error';

/** No event type of this name is registered. */
export class UnknownEventTypeError extends CodedError {
  constructor(readonly type: string) {
    super(
      'UNKNOWN_EVENT_TYPE',
      `Unknown event type "${type}": register its class with the EventTypeRegistry`,
    );
  }
}

/** Two different classes were registered under one type name. */
export class DuplicateEventTypeError extends CodedError {
  constructor(readonly type: string) {
    super('DUPLICATE_EVENT_TYPE', `Event type "${type}" is already registered with another class`);
  }
}

/** Two upcasters were registered for the same step. */
export class DuplicateUpcasterError extends CodedError {
  constructor(
    readonly type: string,
    readonly fromVersion: number,
  ) {
    super(
      'DUPLICATE_UPCASTER',
      `An upcaster for ${type} v${fromVersion} -> v${fromVersion + 1} is already registered`,
    );
  }
}

/** A stored event is older than its type's current version and a step of the chain is missing. */
export class MissingUpcasterError extends CodedError {
  constructor(
    readonly type: string,
    readonly fromVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'MISSING_UPCASTER',
      `Cannot read ${type} v${fromVersion} as v${currentVersion}: ` +
        `no upcaster registered for v${fromVersion} -> v${fromVersion + 1}`,
    );
  }
}

/** A stored event carries a schema version this code does not know (newer, or not a positive integer). */
export class UnsupportedSchemaVersionError extends CodedError {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'UNSUPPORTED_SCHEMA_VERSION',
      `Event type ${type} is stored at schema version ${schemaVersion}, but this code knows versions ` +
        `1..${currentVersion}: deploy the newer code before reading it`,
    );
  }
}

/** An event class was constructed from a record of another type or version. */
export class EventClassMismatchError extends CodedError {
  constructor(
    readonly expectedType: string,
    readonly expectedVersion: number,
    readonly actualType: string,
    readonly actualVersion: number,
  ) {
    super(
      'EVENT_CLASS_MISMATCH',
      `The class of ${expectedType} v${expectedVersion} cannot hold ${actualType} v${actualVersion}; ` +
        `hydrate records through EventTypeRegistry.hydrate, which upcasts first`,
    );
  }
}
