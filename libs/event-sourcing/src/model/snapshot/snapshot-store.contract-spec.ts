import {
  memoryStoreFixture,
  mongoStoreFixtures,
  sqliteStoreFixture,
} from '../test-fixtures/store-contract.fixtures';
import { MemorySnapshotStore } from './memory.snapshot-store';
import { MongoSnapshotStore } from './mongodb.snapshot-store';
import { describeSnapshotStoreContract } from './snapshot-store.contract';
import type { SnapshotStore } from './snapshot-store.port';
import { SqliteSnapshotStore } from './sqlite.snapshot-store';

function withClose(store: SnapshotStore, close: () => Promise<void>): SnapshotStore {
  return { load: (id) => store.load(id), save: (s) => store.save(s), close };
}

describeSnapshotStoreContract('memory', async () =>
  memoryStoreFixture(new MemorySnapshotStore(), withClose),
);

describeSnapshotStoreContract('SQLite', async () =>
  sqliteStoreFixture(
    'sfp-snapshots-',
    'snapshots.sqlite',
    (filename) => new SqliteSnapshotStore({ filename }),
  ),
);

describeSnapshotStoreContract(
  'MongoDB',
  mongoStoreFixtures(
    'snapshots',
    'snapshots',
    (connection, collection) => new MongoSnapshotStore({ connection, collection }),
    withClose,
  ),
);
