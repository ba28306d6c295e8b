/** No event type of this name is registered. */
export class UnknownEventTypeError extends Error {
  readonly code = 'UNKNOWN_EVENT_TYPE';
  constructor(readonly type: string) {
    super(`Unknown event type "${type}": register its class with the EventTypeRegistry`);
    this.name = 'UnknownEventTypeError';
  }
}

/** Two different classes were registered under one type name. */
export class DuplicateEventTypeError extends Error {
  readonly code = 'DUPLICATE_EVENT_TYPE';
  constructor(readonly type: string) {
    super(`Event type "${type}" is already registered with another class`);
    this.name = 'DuplicateEventTypeError';
  }
}

/** Two upcasters were registered for the same step. */
export class DuplicateUpcasterError extends Error {
  readonly code = 'DUPLICATE_UPCASTER';
  constructor(
    readonly type: string,
    readonly fromVersion: number,
  ) {
    super(`An upcaster for ${type} v${fromVersion} -> v${fromVersion + 1} is already registered`);
    this.name = 'DuplicateUpcasterError';
  }
}

/** A stored event is older than its type's current version and a step of the chain is missing. */
export class MissingUpcasterError extends Error {
  readonly code = 'MISSING_UPCASTER';
  constructor(
    readonly type: string,
    readonly fromVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `Cannot read ${type} v${fromVersion} as v${currentVersion}: ` +
        `no upcaster registered for v${fromVersion} -> v${fromVersion + 1}`,
    );
    this.name = 'MissingUpcasterError';
  }
}

/** A stored event carries a schema version this code does not know (newer, or not a positive integer). */
export class UnsupportedSchemaVersionError extends Error {
  readonly code = 'UNSUPPORTED_SCHEMA_VERSION';
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `Event type ${type} is stored at schema version ${schemaVersion}, but this code knows versions ` +
        `1..${currentVersion}: deploy the newer code before reading it`,
    );
    this.name = 'UnsupportedSchemaVersionError';
  }
}

/** An event class was constructed from a record of another type or version. */
export class EventClassMismatchError extends Error {
  readonly code = 'EVENT_CLASS_MISMATCH';
  constructor(
    readonly expectedType: string,
    readonly expectedVersion: number,
    readonly actualType: string,
    readonly actualVersion: number,
  ) {
    super(
      `The class of ${expectedType} v${expectedVersion} cannot hold ${actualType} v${actualVersion}; ` +
        `hydrate records through EventTypeRegistry.hydrate, which upcasts first`,
    );
    this.name = 'EventClassMismatchError';
  }
}
