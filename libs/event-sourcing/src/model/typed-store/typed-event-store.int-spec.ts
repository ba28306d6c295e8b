import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { randomUUID } from 'node:crypto';
import { MongoEventStore } from '../../store/mongodb/mongo-event-store';
import { MongoKeyStore } from '../personal-data/mongodb.key-store';
import {
  describeTypedEventStore,
  inMemoryTypedStoreFixture,
  sqliteTypedStoreFixture,
} from './typed-event-store.contract';

// Upcasting and crypto-shredding end to end, over every EventStore adapter with
// the key store of the same family.

describeTypedEventStore('InMemoryEventStore + MemoryKeyStore', inMemoryTypedStoreFixture);

describeTypedEventStore('SqliteEventStore + SqliteKeyStore (one file)', sqliteTypedStoreFixture);

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
