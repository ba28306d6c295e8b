import { MongoEventStore } from '@sfp/event-sourcing';
import { newEvent } from '@sfp/event-sourcing/testing';
import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import mongoose, { type Connection } from 'mongoose';
import { MongoReadModelStore } from '../read-model/mongodb/mongo-read-model-store';
import { describeProjectionPipeline } from '../testing/projection.scenarios';
import {
  TICKET_NOTED,
  TICKET_OPENED,
  ticketProjection,
  type TicketView,
} from '../testing/ticket.projection.fixture';
import { ProjectionEngine } from './projection.engine';

// Distributed mode: event store and read models on the MongoDB-protocol server
// (FerretDB v1 here). A database per test, as read-model collection names are fixed.
const EVENTS = { collection: 'events', pollIntervalMs: 30, claimTimeoutMs: 2_000 };

async function openConnection(database: TestDatabase): Promise<Connection> {
  return mongoose.createConnection(database.uri, { dbName: database.name }).asPromise();
}

describeProjectionPipeline('distributed (MongoDB-protocol server)', async () => {
  const database = await createTestDatabase('projections');
  const others: Connection[] = [];
  const opened: MongoEventStore[] = [await MongoEventStore.open(database.connection, EVENTS)];
  return {
    eventStore: opened[0] as MongoEventStore,
    store: new MongoReadModelStore(database.connection),
    // Another process: its own connection to the same database.
    reopen: async () => {
      const connection = await openConnection(database);
      others.push(connection);
      const eventStore = await MongoEventStore.open(connection, EVENTS);
      opened.push(eventStore);
      return { eventStore, store: new MongoReadModelStore(connection) };
    },
    listReadModels: async (projection) => {
      const collections = await database.connection.db
        ?.listCollections({}, { nameOnly: true })
        .toArray();
      return (collections ?? [])
        .map((c) => c.name)
        .filter((name) => name.startsWith(`rm_${projection.replace(/-/g, '_')}__v`))
        .sort();
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      for (const connection of others) await connection.close();
      await database.cleanup();
    },
  };
});

describe('distributed throughput (informational)', () => {
  let database: TestDatabase;
  let engine: ProjectionEngine;
  beforeEach(async () => {
    database = await createTestDatabase('projections_rate');
  });
  afterEach(async () => {
    await engine.stop();
    await database.cleanup();
  });

  it('catches up on 2,000 events and reports the rate', async () => {
    const eventStore = await MongoEventStore.open(database.connection, EVENTS);
    for (let start = 0; start < 200; start += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          eventStore.append(`ticket-${start + i}`, 'no-stream', [
            newEvent({ type: TICKET_OPENED, data: { title: `Ticket ${start + i}` } }),
            ...Array.from({ length: 9 }, () => newEvent({ type: TICKET_NOTED, data: {} })),
          ]),
        ),
      );
    }
    engine = new ProjectionEngine({
      eventStore,
      store: new MongoReadModelStore(database.connection),
      pollIntervalMs: 10,
    });
    engine.register(ticketProjection());
    const started = performance.now();
    await engine.start();
    await engine.waitForPosition('tickets', 2_000, 60_000);
    const rate = 2_000 / ((performance.now() - started) / 1000);
    process.stdout.write(
      `[projections] MongoDB-protocol server: catch-up ${Math.round(rate)} events/s (2,000 events)\n`,
    );
    expect(await engine.readModel<TicketView>('tickets').get('totals')).toEqual({
      kind: 'totals',
      events: 2_000,
    });
    await eventStore.close();
  });
});
