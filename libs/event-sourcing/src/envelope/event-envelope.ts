/**
 * The event envelope: what every stored and published event carries.
 * Pure types, no I/O. See docs/architecture.md, "Event envelope".
 */

/** Who caused an event: a person, a department's system, or the platform itself. */
export interface Actor {
  kind: 'person' | 'integration-client' | 'system';
  id: string;
  /** The department or office the actor acts for, when known. */
  department?: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'sfp-platform' };

/** Metadata that travels with a command into the events it produces. */
export interface EventMetadata {
  /** Identifies the whole conversation (the first message's id, or the HTTP request's). */
  correlationId: string;
  /** The id of the message or event that caused this one. */
  causationId?: string;
  actor: Actor;
  /** When the fact happened, as the command's clock says (ISO 8601). */
  occurredAt: string;
  /** A past fact recorded later (an import, X-SFP-Occurred-At): `occurredAt` is the fact's time, not the recording's. */
  imported?: true;
}

/** An event about to be appended. `data` must be plain JSON (no Date, Map, undefined in arrays). */
export interface NewEvent<TData = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
}

/** An event as the store recorded it. */
export interface RecordedEvent<TData = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** 1 for the first event of a stream, then +1 per event. */
  streamVersion: number;
  /** Position in the store's global order: 1, 2, 3, ... with no gap once visible. */
  position: number;
  occurredAt: string;
  /** When the store accepted the append (ISO 8601). */
  recordedAt: string;
  correlationId: string;
  causationId?: string;
  actor: Actor;
  /** A past fact recorded later: `occurredAt` is the fact's time, `recordedAt` the recording's. */
  imported?: true;
  data: TData;
}
