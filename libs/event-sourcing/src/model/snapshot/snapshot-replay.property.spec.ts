import { InMemoryEventStore } from '../../store/memory/in-memory-event-store';
import { SqliteEventStore } from '../../store/sqlite/sqlite-event-store';
import { MemorySnapshotStore } from './memory.snapshot-store';
import { checkSnapshotEqualsReplay } from './snapshot-replay.property';
import { SqliteSnapshotStore } from './sqlite.snapshot-store';

describe('snapshot + tail equals full replay (property)', () => {
  it('on the in-memory event and snapshot stores', async () => {
    await checkSnapshotEqualsReplay(
      async () => {
        const events = new InMemoryEventStore();
        return { events, snapshots: new MemorySnapshotStore(), close: () => events.close() };
      },
      { numRuns: 150, maxSteps: 40 },
    );
  });

  it('on the SQLite event store, with snapshots in the same database', async () => {
    await checkSnapshotEqualsReplay(
      async () => {
        const events = new SqliteEventStore({ filename: ':memory:' });
        const snapshots = new SqliteSnapshotStore({ database: events.database });
        return { events, snapshots, close: () => events.close() };
      },
      { numRuns: 40, maxSteps: 40 },
    );
  });
});
