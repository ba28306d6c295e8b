import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@sfp/event-sourcing';

export type EventData = Record<string, unknown>;

/**
 * A source context's public events as it publishes them, in one log: each
 * stream's versions and the log's positions counted here, recording times
 * under the test's control. Subclasses build each event type's payload.
 */
export abstract class PublicEventHistory {
  readonly events: RecordedEvent[] = [];
  private position = 0;
  private readonly versions = new Map<string, number>();

  /** `context`: the prefix of the event types; `actorId`: the person who did everything. */
  protected constructor(
    private readonly context: string,
    private readonly actorId: string,
  ) {}

  /** Records `<context>.<type>` on `streamId` at `at` (occurred and recorded). */
  protected record(streamId: string, type: string, at: string, data: EventData): RecordedEvent {
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    const event: RecordedEvent = {
      eventId: randomUUID(),
      type: `${this.context}.${type}`,
      schemaVersion: 1,
      streamId,
      streamVersion,
      position: ++this.position,
      occurredAt: at,
      recordedAt: at,
      correlationId: randomUUID(),
      actor: { kind: 'person', id: this.actorId },
      data,
    };
    this.events.push(event);
    return event;
  }
}
