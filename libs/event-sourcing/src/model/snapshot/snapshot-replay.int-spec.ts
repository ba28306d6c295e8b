import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { MongoEventStore } from '../../store/mongodb/mongo-event-store';
import { MongoSnapshotStore } from './mongodb.snapshot-store';
import { checkSnapshotEqualsReplay } from './snapshot-replay.property';

let database: TestDatabase | undefined;
afterAll(() => database?.cleanup());

describe('snapshot + tail equals full replay (property), on MongoDB', () => {
  it('with the MongoDB event and snapshot stores (real server)', async () => {
    database = await createTestDatabase('snapshot_replay');
    const { connection } = database;
    // One collection of each for every run: each run uses a fresh stream.
    const events = await MongoEventStore.open(connection, {
      collection: 'events',
      pollIntervalMs: 30,
    });
    const snapshots = new MongoSnapshotStore({ connection, collection: 'snapshots' });
    try {
      await checkSnapshotEqualsReplay(
        async () => ({ events, snapshots, close: async () => undefined }),
        {
          numRuns: 15,
          maxSteps: 25,
        },
      );
    } finally {
      await events.close();
    }
  });
});
