import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '../../store/memory/in-memory-event-store';
import { MongoEventStore } from '../../store/mongodb/mongo-event-store';
import { SqliteEventStore } from '../../store/sqlite/sqlite-event-store';
import { MemoryKeyStore } from '../personal-data/memory.key-store';
import { MongoKeyStore } from '../personal-data/mongodb.key-store';
import { SqliteKeyStore } from '../personal-data/sqlite.key-store';
import { describeTypedEventStore } from './typed-event-store.contract';

// Upcasting and crypto-shredding end to end, over every EventStore adapter with
// the key store of the same family.

describeTypedEventStore('InMemoryEventStore + MemoryKeyStore', async () => {
  const store = new InMemoryEventStore();
  return { store, keyStore: new MemoryKeyStore(), cleanup: () => store.close() };
});

describeTypedEventStore('SqliteEventStore + SqliteKeyStore (one file)', async () => {
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

let database: TestDatabase | undefined;
afterAll(() => database?.cleanup());

describeTypedEventStore('MongoEventStore + MongoKeyStore (real server)', async () => {
  database ??= await createTestDatabase('typed_store');
  const { connection } = database;
  const suffix = randomUUID().slice(0, 8);
  const store = await MongoEventStore.open(connection, {
    collection: `events_${suffix}`,
    pollIntervalMs: 30,
  });
  const keyStore = new MongoKeyStore({ connection, collection: `keys_${suffix}` });
  return {
    store,
    keyStore,
    cleanup: async () => {
      await store.close();
      await connection.dropCollection(`events_${suffix}`).catch(() => undefined);
      await connection.dropCollection(`keys_${suffix}`).catch(() => undefined);
    },
  };
});
