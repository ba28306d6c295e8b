import type { Actor, RecordedEvent } from '../../envelope/event-envelope';
import type { AppendedListener } from '../event-store.port';
import type { PreparedEvent } from './prepare-append';

/**
 * The adapters' side of `EventStore.onAppended`: the listeners of one store
 * instance. `emit` builds the events once per listener, so that no listener
 * sees another's changes, and only when someone listens.
 */
export class AppendedFeed {
  private readonly listeners = new Set<AppendedListener>();

  listen(listener: AppendedListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Calls each listener with its own copy of `build()`. A throwing listener cannot fail the append. */
  emit(build: () => RecordedEvent[]): void {
    if (this.listeners.size === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(build());
      } catch {
        // The append is stored and acknowledged whatever a listener does; a
        // follower that missed events finds the gap and reads the store.
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/**
 * The recorded events of an append, built from what was written, exactly as
 * the SQLite and in-memory adapters read them back (data parsed from the same
 * JSON text, actor and causationId present only when they were given).
 */
export function recordedFromPrepared(
  streamId: string,
  firstVersion: number,
  positions: readonly number[],
  recordedAt: string,
  events: readonly PreparedEvent[],
): RecordedEvent[] {
  return events.map(({ event, dataJson }, index) => {
    const { metadata } = event;
    const actor: Actor = { kind: metadata.actor.kind, id: metadata.actor.id };
    if (metadata.actor.department !== undefined && metadata.actor.department !== null)
      actor.department = metadata.actor.department;
    const recorded: RecordedEvent = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      streamVersion: firstVersion + index,
      position: positions[index] as number,
      occurredAt: metadata.occurredAt,
      recordedAt,
      correlationId: metadata.correlationId,
      actor,
      data: JSON.parse(dataJson),
    };
    if (metadata.causationId !== undefined && metadata.causationId !== null)
      recorded.causationId = metadata.causationId;
    return recorded;
  });
}
