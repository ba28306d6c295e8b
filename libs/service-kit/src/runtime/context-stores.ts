import { join } from 'node:path';
import type { Connection } from 'mongoose';
import {
  MongoEventStore,
  MongoKeyStore,
  SqliteEventStore,
  SqliteKeyStore,
  TypedEventStore,
  type EventStore,
  type EventTypeRegistry,
  type KeyStore,
} from '@sfp/event-sourcing';
import {
  mongoConsumerState,
  openSqliteConsumerState,
  type ConsumerStateStores,
} from '@sfp/messaging';
import { MongoReadModelStore, SqliteReadModelStore, type ReadModelStore } from '@sfp/projections';
import type { ReadinessCheck } from '../app/operations.controller';

/** The durable stores of one bounded context, whichever mode it runs in. */
export interface ContextStores {
  /** Typed (upcasting) and protecting personal data with the key store. */
  eventStore: TypedEventStore;
  /**
   * The adapter underneath, as stored: what the outbox relay publishes, so
   * personal data leaves the context encrypted and an erasure holds on Kafka too.
   */
  rawEventStore: EventStore;
  keyStore: KeyStore;
  consumerState: ConsumerStateStores;
  readModels: ReadModelStore;
  readiness: ReadinessCheck[];
  /** Where the stores live, for a context's own files (attachments): a folder, or the MongoDB database. */
  location: StoreLocation;
  close(): Promise<void>;
}

/** The embedded context's folder (`<dataDir>/<context>`), or the distributed context's database connection. */
export type StoreLocation =
  | { mode: 'embedded'; dir: string }
  | { mode: 'distributed'; connection: Connection };

/** Embedded mode: SQLite files under `<dataDir>/<context>/`. */
export function openEmbeddedContextStores(
  dataDir: string,
  context: string,
  eventTypes: EventTypeRegistry,
): ContextStores {
  const dir = join(dataDir, context);
  const events = new SqliteEventStore({ filename: join(dir, 'event-store.sqlite') });
  const keyStore = new SqliteKeyStore({ filename: join(dir, 'subject-keys.sqlite') });
  const consumerState = openSqliteConsumerState(join(dir, 'consumer-state.sqlite'));
  const eventStore = new TypedEventStore({ store: events, eventTypes, keyStore });
  const readModels = new SqliteReadModelStore({ filename: join(dir, 'read-models.sqlite') });
  return {
    eventStore,
    rawEventStore: events,
    keyStore,
    consumerState,
    readModels,
    readiness: [
      { name: `${context}.event-store`, check: async () => void (await events.headPosition()) },
    ],
    location: { mode: 'embedded', dir },
    close: async () => {
      await eventStore.close();
      await keyStore.close();
      consumerState.close();
      await readModels.close();
    },
  };
}

/** Distributed mode: collections in the context's own MongoDB database. */
export async function openDistributedContextStores(
  connection: Connection,
  context: string,
  eventTypes: EventTypeRegistry,
): Promise<ContextStores> {
  const events = await MongoEventStore.open(connection);
  const keyStore = new MongoKeyStore({ connection });
  const eventStore = new TypedEventStore({ store: events, eventTypes, keyStore });
  return {
    eventStore,
    rawEventStore: events,
    keyStore,
    consumerState: mongoConsumerState(connection),
    readModels: new MongoReadModelStore(connection),
    readiness: [mongoReadinessCheck(context, connection)],
    location: { mode: 'distributed', connection },
    close: async () => {
      await eventStore.close();
      await keyStore.close();
    },
  };
}

/** Readiness of a context's MongoDB database: the connection is open and the server answers a ping. */
export function mongoReadinessCheck(context: string, connection: Connection): ReadinessCheck {
  return {
    name: `${context}.mongodb`,
    check: async () => {
      const db = connection.db;
      if (!db) throw new Error('not connected');
      await db.admin().ping();
    },
  };
}
