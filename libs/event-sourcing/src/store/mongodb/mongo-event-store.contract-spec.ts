import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '../event-store.contract';
import type { EventStore } from '../event-store.port';
import { MongoEventStore } from './mongo-event-store';

// One database for the file, one collection per test: FerretDB's SQLite backend
// makes a file per database, so fresh collections are much cheaper.
let database: TestDatabase | undefined;
afterAll(() => database?.cleanup());

describeEventStoreContract(
  'MongoDB (real server)',
  async () => {
    database ??= await createTestDatabase('event_store');
    const { connection } = database;
    const collection = `events_${randomUUID().slice(0, 8)}`;
    const options = { collection, pollIntervalMs: 30, claimTimeoutMs: 2_000 };
    const store = await MongoEventStore.open(connection, options);
    return {
      store,
      openPeer: async (): Promise<EventStore> => MongoEventStore.open(connection, options),
      cleanup: async () => {
        await store.close();
        await connection.dropCollection(collection).catch(() => undefined);
      },
    };
  },
  { propertyRuns: 60 },
);
