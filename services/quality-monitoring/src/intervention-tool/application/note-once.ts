import {
  DuplicateEventError,
  SYSTEM_ACTOR,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  uuidFromKey,
} from '@sfp/event-sourcing';
import { DeadLetterError } from '@sfp/messaging';
import { SourceEventUnreadableError, type SourceEvent } from '../domain/source-event';

/** Another context's recorded event as the mapping functions read it. */
export function sourceEventOf(event: RecordedEvent): SourceEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    data: event.data,
  };
}

/**
 * Runs a mapping function; a payload it cannot read is dead-lettered with its
 * field errors (sfp.quality-monitoring.dlq), never retried.
 */
export function mapped<T>(event: RecordedEvent, map: (source: SourceEvent) => T): T {
  try {
    return map(sourceEventOf(event));
  } catch (error) {
    if (error instanceof SourceEventUnreadableError)
      throw new DeadLetterError(
        'schema-invalid',
        error.message,
        error.problems.map((p) => ({ field: p.field, messages: [p.message] })),
      );
    throw error;
  }
}

/**
 * Notes what another context's event says, once: the noted event's id is
 * derived from the source event's id and the noted type (never the source's id
 * itself: event ids are unique across the platform, and reporting's log, which
 * holds both, refuses a second event with one), so a redelivery (or the topic
 * replayed from its start) is refused by the store as a duplicate and notes
 * nothing new.
 */
export async function noteOnce<Data>(
  events: EventStore,
  streamId: string,
  source: RecordedEvent,
  eventType: { readonly type: string; readonly schemaVersion: number },
  data: Data,
): Promise<boolean> {
  const event: NewEvent<Data> = {
    eventId: uuidFromKey(`${eventType.type}<-${source.eventId}`),
    type: eventType.type,
    schemaVersion: eventType.schemaVersion,
    data,
    metadata: {
      correlationId: source.correlationId,
      causationId: source.eventId,
      actor: SYSTEM_ACTOR,
      occurredAt: source.occurredAt,
    },
  };
  try {
    await events.append(streamId, 'any', [event]);
    return true;
  } catch (error) {
    if (error instanceof DuplicateEventError) return false;
    throw error;
  }
}

/** The data of the last event of a stream of noted facts (undefined for none). */
export async function lastNoted<Data>(
  events: EventStore,
  streamId: string,
): Promise<Data | undefined> {
  const recorded = await events.readStream(streamId);
  return recorded.at(-1)?.data as Data | undefined;
}
