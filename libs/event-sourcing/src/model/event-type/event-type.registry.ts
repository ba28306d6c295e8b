import type { EventMetadata, NewEvent, RecordedEvent } from '../../envelope/event-envelope';
import type {
  AnyEventClass,
  DomainEvent,
  PersonalDataDeclaration,
  TypedRecordedEvent,
} from './event-type.definition';
import {
  DuplicateEventTypeError,
  DuplicateUpcasterError,
  MissingUpcasterError,
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
} from './event-type.errors';

/**
 * Lifts the data of one stored version to the next (`fromVersion` -> `fromVersion + 1`).
 * Pure: it gets the stored event for context (e.g. `occurredAt` to fill a new field),
 * and returns new data without changing its input.
 */
export type Upcaster<TFrom = unknown, TTo = unknown> = (data: TFrom, event: RecordedEvent) => TTo;

// An upcaster as stored: its input type is erased.
type StoredUpcaster = (data: unknown, event: RecordedEvent) => unknown;

/**
 * Maps event type names to their classes (definitions) and holds the upcasters
 * that lift stored events to each type's current schema version.
 *
 * Registering the same class twice is a no-op; another class under a taken name,
 * or a second upcaster for the same step, is an error.
 */
export class EventTypeRegistry {
  private readonly classes = new Map<string, AnyEventClass>();
  private readonly upcasters = new Map<string, StoredUpcaster>();

  /** Registers event classes (made by `defineEventType`). Returns the registry, for chaining. */
  register(...eventClasses: AnyEventClass[]): this {
    for (const eventClass of eventClasses) {
      const existing = this.classes.get(eventClass.type);
      if (existing && existing !== eventClass) throw new DuplicateEventTypeError(eventClass.type);
      this.classes.set(eventClass.type, eventClass);
    }
    return this;
  }

  /**
   * Registers the step `fromVersion` -> `fromVersion + 1` of a type. Steps chain:
   * a v1 event is read at v3 through the 1->2 then the 2->3 upcaster.
   */
  registerUpcaster<TFrom = unknown, TTo = unknown>(
    type: string | AnyEventClass,
    fromVersion: number,
    upcaster: Upcaster<TFrom, TTo>,
  ): this {
    const typeName = typeof type === 'string' ? type : type.type;
    if (!Number.isInteger(fromVersion) || fromVersion < 1) {
      throw new TypeError(`Upcaster of ${typeName}: fromVersion must be an integer >= 1`);
    }
    const key = upcasterKey(typeName, fromVersion);
    if (this.upcasters.has(key)) throw new DuplicateUpcasterError(typeName, fromVersion);
    this.upcasters.set(key, upcaster as unknown as StoredUpcaster);
    return this;
  }

  has(type: string): boolean {
    return this.classes.has(type);
  }

  /** The class of a type; UnknownEventTypeError when none is registered. */
  classOf(type: string): AnyEventClass {
    const eventClass = this.classes.get(type);
    if (!eventClass) throw new UnknownEventTypeError(type);
    return eventClass;
  }

  currentVersion(type: string): number {
    return this.classOf(type).schemaVersion;
  }

  personalDataOf(type: string): PersonalDataDeclaration | undefined {
    return this.classOf(type).personalData;
  }

  /** Every registered type name. */
  types(): string[] {
    return [...this.classes.keys()];
  }

  /**
   * The event at its type's current schema version (the same object when it already is).
   * UnknownEventTypeError, UnsupportedSchemaVersionError (stored version newer than the code
   * knows) or MissingUpcasterError (a step of the chain is not registered).
   */
  upcast<TData = unknown>(event: RecordedEvent): RecordedEvent<TData> {
    const current = this.currentVersion(event.type);
    const stored = event.schemaVersion;
    if (!Number.isInteger(stored) || stored < 1 || stored > current) {
      throw new UnsupportedSchemaVersionError(event.type, stored, current);
    }
    if (stored === current) return event as RecordedEvent<TData>;
    let data = event.data;
    for (let version = stored; version < current; version++) {
      const step = this.upcasters.get(upcasterKey(event.type, version));
      if (!step) throw new MissingUpcasterError(event.type, version, current);
      data = step(data, event);
    }
    return { ...event, schemaVersion: current, data: data as TData };
  }

  /** The instance of the event's class, after upcasting to the current version. */
  hydrate(event: RecordedEvent): TypedRecordedEvent {
    const upcast = this.upcast(event);
    const EventType = this.classOf(upcast.type) as unknown as new (
      recorded: RecordedEvent,
    ) => TypedRecordedEvent;
    return new EventType(upcast);
  }

  /** A decider's event as the store takes it, at the type's current schema version. */
  toNewEvent(event: DomainEvent, metadata: EventMetadata, eventId: string): NewEvent {
    return {
      eventId,
      type: event.type,
      schemaVersion: this.currentVersion(event.type),
      data: event.data,
      metadata,
    };
  }
}

function upcasterKey(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}
