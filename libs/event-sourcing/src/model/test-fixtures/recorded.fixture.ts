import type { RecordedEvent } from '../../envelope/event-envelope';

let sequence = 0;

/** A recorded event with plausible envelope fields, for tests that need one without a store. */
export function recorded<TData>(
  type: string,
  schemaVersion: number,
  data: TData,
  overrides: Partial<RecordedEvent> = {},
): RecordedEvent<TData> {
  sequence += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion,
    streamId: 'ledger-1',
    streamVersion: 1,
    position: sequence,
    occurredAt: '2024-03-01T10:00:00.000Z',
    recordedAt: '2024-03-01T10:00:00.100Z',
    correlationId: 'corr-1',
    actor: { kind: 'person', id: 'staff-7' },
    data,
    ...overrides,
  } as RecordedEvent<TData>;
}
