import { describeEventStoreContract } from '../event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });
  return { store, cleanup: () => store.close() };
});
