import type { Actor, NewEvent, RecordedEvent } from '@sfp/event-sourcing';

/**
 * A public event of another context as reporting sees it: the source's
 * envelope (its stream, position and recording time in the source's store)
 * and its data, with personal data removed. Reporting decodes events by type
 * name and payload shape only; it never imports another context's code.
 */
export interface PublicEvent<TData = unknown> {
  context: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  /** The position in the source context's store. */
  sourcePosition: number;
  occurredAt: string;
  /** When the source context's store recorded it: what "as of" compares with. */
  recordedAt: string;
  data: TData;
}

/** What reporting's own log stores as the data of a logged event. */
interface LoggedData {
  context: string;
  streamId: string;
  streamVersion: number;
  sourcePosition: number;
  recordedAt: string;
  data: unknown;
}

const PERSONAL_DATA_MARKER = 'sfp:personal-data';
export const PERSONAL_DATA_REMOVED = '[personal data not kept by reporting]';

/**
 * Reporting's log keeps one stream per source stream, `<context>/<streamId>`,
 * and the source's eventId: a redelivered event is refused by the log as a
 * duplicate, so it is logged (and counted) once.
 */
export function logStreamIdOf(context: string, streamId: string): string {
  return `${context}/${streamId}`;
}

/** The event to append to reporting's log for a public event received from `context`'s topic. */
export function toLoggedEvent(context: string, event: RecordedEvent): NewEvent<LoggedData> {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: {
      context,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      sourcePosition: event.position,
      recordedAt: event.recordedAt,
      data: withoutPersonalData(event.data),
    },
    metadata: {
      correlationId: event.correlationId,
      ...(event.causationId ? { causationId: event.causationId } : {}),
      actor: event.actor as Actor,
      occurredAt: event.occurredAt,
    },
  };
}

/** A logged event read back from reporting's log as the public event it was. */
export function publicEventOf(logged: RecordedEvent): PublicEvent {
  const d = logged.data as LoggedData;
  return {
    context: d.context,
    eventId: logged.eventId,
    type: logged.type,
    schemaVersion: logged.schemaVersion,
    streamId: d.streamId,
    streamVersion: d.streamVersion,
    sourcePosition: d.sourcePosition,
    occurredAt: logged.occurredAt,
    recordedAt: d.recordedAt,
    data: d.data,
  };
}

/**
 * Personal data travels encrypted (`{ "sfp:personal-data": {...} }`) and only
 * its owner can read it; reporting needs none of it, so it keeps none.
 */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, PERSONAL_DATA_MARKER))
    return PERSONAL_DATA_REMOVED;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) copy[key] = withoutPersonalData(record[key]);
  return copy;
}
