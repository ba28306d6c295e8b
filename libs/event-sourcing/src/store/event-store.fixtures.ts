import { randomUUID } from 'node:crypto';
import type { Actor, EventMetadata, NewEvent } from '../envelope/event-envelope';

export const TEST_ACTOR: Actor = { kind: 'person', id: 'tester@example.org', department: 'SFP' };

export type NewEventOverrides<TData> = Partial<Omit<NewEvent<TData>, 'metadata'>> & {
  metadata?: Partial<EventMetadata>;
};

/**
 * A valid NewEvent for tests: a fresh eventId and correlationId, type
 * `test.SomethingHappened` v1, an empty object as data, a person as actor,
 * occurredAt now. Override any field:
 *   newEvent({ type: 'help-desk.ServiceRequestSubmitted', data: { title: 'x' } })
 */
export function newEvent<TData = Record<string, unknown>>(
  overrides: NewEventOverrides<TData> = {},
): NewEvent<TData> {
  const { metadata, ...event } = overrides;
  return {
    eventId: randomUUID(),
    type: 'test.SomethingHappened',
    schemaVersion: 1,
    data: {} as TData,
    ...event,
    metadata: {
      correlationId: randomUUID(),
      actor: TEST_ACTOR,
      occurredAt: new Date().toISOString(),
      ...metadata,
    },
  };
}

/** `count` events made by newEvent, data `{ n: 0 }`, `{ n: 1 }`, ... unless overridden. */
export function newEvents(count: number, overrides: NewEventOverrides<unknown> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent({ data: { n }, ...overrides }));
}
