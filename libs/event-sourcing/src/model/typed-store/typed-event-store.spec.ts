import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '../../store/memory/in-memory-event-store';
import { SqliteEventStore } from '../../store/sqlite/sqlite-event-store';
import { SqliteKeyStore } from '../personal-data/sqlite.key-store';
import { describeTypedEventStore } from './typed-event-store.contract';

describeTypedEventStore('InMemoryEventStore', async () => {
  const store = new InMemoryEventStore();
  return { store, cleanup: () => store.close() };
});

describeTypedEventStore('SqliteEventStore, keys in the same file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-typed-store-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const keyStore = new SqliteKeyStore({ database: store.database });
  return {
    store,
    keyStore,
    cleanup: async () => {
      await keyStore.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
