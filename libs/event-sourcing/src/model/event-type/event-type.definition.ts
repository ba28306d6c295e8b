import type { Actor, RecordedEvent } from '../../envelope/event-envelope';
import type { DataPath } from './data-path';
import { EventClassMismatchError } from './event-type.errors';

/**
 * What a decider returns and folds: a plain `{ type, data }`. A decider's events
 * are a discriminated union of these on `type`; the envelope (ids, versions,
 * metadata) is added by `handleCommand`.
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * Which fields of an event's data are personal data, and whose. Paths are
 * dot-separated object keys (no arrays). The subject id itself stays in clear:
 * it must be a pseudonymous id (`person-<uuid>`), never a name or an e-mail.
 */
export interface PersonalDataSpec<TData> {
  /** Path of the data subject's id (a string) in the data. */
  subjectIdPath: DataPath<TData>;
  /** Paths of the fields to encrypt with the subject's key. */
  fields: readonly DataPath<TData>[];
}

/** The untyped form of a `PersonalDataSpec`, as the registry and the store see it. */
export interface PersonalDataDeclaration {
  readonly subjectIdPath: string;
  readonly fields: readonly string[];
}

export interface EventTypeOptions<TType extends string, TData> {
  /** `<context>.<EventName>`, e.g. `help-desk.ServiceRequestSubmitted`. */
  type: TType;
  /** The current version of the data's shape (1, 2, ...); older stored versions are upcast to it. */
  schemaVersion: number;
  personalData?: PersonalDataSpec<TData>;
}

/**
 * A recorded event of a known type, at its current schema version, with typed data.
 * Instances are usable as @nestjs/cqrs events (its `IEvent` is an empty interface,
 * so nothing here imports NestJS).
 */
export interface TypedRecordedEvent<TType extends string = string, TData = unknown>
  extends RecordedEvent<TData> {
  readonly type: TType;
  readonly data: TData;
}

/** The class `defineEventType` produces: a constructor of hydrated events plus the type's definition. */
export interface EventClass<TType extends string = string, TData = unknown> {
  new (recorded: RecordedEvent<TData>): TypedRecordedEvent<TType, TData>;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly personalData: PersonalDataDeclaration | undefined;
  /** The domain event `{ type, data }` a decider returns. */
  of(data: TData): DomainEvent<TType, TData>;
}

/** Any event class, whatever its data type (what the registry accepts). */
export interface AnyEventClass {
  new (recorded: never): TypedRecordedEvent;
  readonly type: string;
  readonly schemaVersion: number;
  readonly personalData: PersonalDataDeclaration | undefined;
}

/** The domain event of an event class: `EventOf<typeof ServiceRequestSubmitted>`. */
export type EventOf<C> =
  C extends EventClass<infer TType, infer TData> ? DomainEvent<TType, TData> : never;
/** The data of an event class: `DataOf<typeof ServiceRequestSubmitted>`. */
export type DataOf<C> = C extends EventClass<string, infer TData> ? TData : never;

const TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*$/;

/**
 * Defines an event type and returns its class. Give the data type first, then the options:
 *
 * ```ts
 * export class ServiceRequestSubmitted extends defineEventType<SubmittedV2>()({
 *   type: 'help-desk.ServiceRequestSubmitted',
 *   schemaVersion: 2,
 *   personalData: { subjectIdPath: 'requester.personId', fields: ['requester.name', 'requester.email'] },
 * }) {}
 * ```
 *
 * Subclassing is optional (`const X = defineEventType<D>()({...})` works), but gives
 * the class a name in stack traces and its own identity for `@EventsHandler(X)`.
 */
export function defineEventType<TData>() {
  return <const TType extends string>(
    options: EventTypeOptions<TType, TData>,
  ): EventClass<TType, TData> => {
    validateOptions(options);
    const personalData: PersonalDataDeclaration | undefined = options.personalData
      ? Object.freeze({
          subjectIdPath: options.personalData.subjectIdPath as string,
          fields: Object.freeze([...(options.personalData.fields as readonly string[])]),
        })
      : undefined;

    class DefinedEvent implements TypedRecordedEvent<TType, TData> {
      static readonly type: TType = options.type;
      static readonly schemaVersion: number = options.schemaVersion;
      static readonly personalData: PersonalDataDeclaration | undefined = personalData;

      static of(data: TData): DomainEvent<TType, TData> {
        return { type: options.type, data };
      }

      readonly eventId: string;
      readonly type: TType;
      readonly schemaVersion: number;
      readonly streamId: string;
      readonly streamVersion: number;
      readonly position: number;
      readonly occurredAt: string;
      readonly recordedAt: string;
      readonly correlationId: string;
      readonly causationId?: string;
      readonly actor: Actor;
      readonly data: TData;

      constructor(recorded: RecordedEvent<TData>) {
        if (recorded.type !== options.type || recorded.schemaVersion !== options.schemaVersion) {
          throw new EventClassMismatchError(
            options.type,
            options.schemaVersion,
            recorded.type,
            recorded.schemaVersion,
          );
        }
        this.eventId = recorded.eventId;
        this.type = options.type;
        this.schemaVersion = recorded.schemaVersion;
        this.streamId = recorded.streamId;
        this.streamVersion = recorded.streamVersion;
        this.position = recorded.position;
        this.occurredAt = recorded.occurredAt;
        this.recordedAt = recorded.recordedAt;
        this.correlationId = recorded.correlationId;
        if (recorded.causationId !== undefined) this.causationId = recorded.causationId;
        this.actor = recorded.actor;
        this.data = recorded.data;
      }
    }
    return DefinedEvent;
  };
}

function validateOptions(options: {
  type: string;
  schemaVersion: number;
  personalData?: unknown;
}): void {
  if (!TYPE_PATTERN.test(options.type)) {
    throw new TypeError(
      `Event type "${options.type}" must read <context>.<EventName>, e.g. help-desk.ServiceRequestSubmitted`,
    );
  }
  if (!Number.isInteger(options.schemaVersion) || options.schemaVersion < 1) {
    throw new TypeError(`Event type ${options.type}: schemaVersion must be an integer >= 1`);
  }
  const personal = options.personalData as PersonalDataDeclaration | undefined;
  if (personal) {
    if (personal.fields.length === 0) {
      throw new TypeError(
        `Event type ${options.type}: personalData.fields must name at least one field`,
      );
    }
    if (personal.fields.includes(personal.subjectIdPath)) {
      throw new TypeError(
        `Event type ${options.type}: the subject id (${personal.subjectIdPath}) cannot itself be encrypted`,
      );
    }
  }
}
