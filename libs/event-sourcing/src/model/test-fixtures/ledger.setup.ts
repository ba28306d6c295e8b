import type { EventMetadata } from '../../envelope/event-envelope';
import type { EventStore } from '../../store/event-store.port';
import { MemoryKeyStore } from '../personal-data/memory.key-store';
import { TypedEventStore } from '../typed-store/typed-event-store';
import { InMemoryEventStore } from '../../store/memory/in-memory-event-store';
import { ledgerEventTypes } from './ledger.events';

export const metadata: EventMetadata = {
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  actor: { kind: 'person', id: 'staff-7', department: 'SFP' },
  occurredAt: '2024-03-01T10:00:00.000Z',
};

export const owner = { personId: 'person-1', name: 'Ada Lovelace', email: 'ada@example.org' };

/** A ledger-ready TypedEventStore over `raw` (the in-memory adapter by default). */
export function ledgerStore(raw: EventStore = new InMemoryEventStore()) {
  const eventTypes = ledgerEventTypes();
  const keyStore = new MemoryKeyStore();
  const store = new TypedEventStore({ store: raw, eventTypes, keyStore });
  return { raw, store, eventTypes, keyStore };
}
