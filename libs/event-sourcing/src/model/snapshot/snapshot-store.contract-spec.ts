import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import mongoose from 'mongoose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySnapshotStore } from './memory.snapshot-store';
import { MongoSnapshotStore } from './mongodb.snapshot-store';
import { describeSnapshotStoreContract } from './snapshot-store.contract';
import type { SnapshotStore } from './snapshot-store.port';
import { SqliteSnapshotStore } from './sqlite.snapshot-store';

describeSnapshotStoreContract('memory', async () => {
  const store = new MemorySnapshotStore();
  // One process: a "restart" sees the same map.
  const sameStore: SnapshotStore = {
    load: (id) => store.load(id),
    save: (s) => store.save(s),
    close: async () => undefined,
  };
  return { store, reopen: async () => sameStore, cleanup: () => store.close() };
});

describeSnapshotStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-snapshots-'));
  const filename = join(dir, 'snapshots.sqlite');
  const store = new SqliteSnapshotStore({ filename });
  return {
    store,
    reopen: async () => new SqliteSnapshotStore({ filename }),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

let database: TestDatabase | undefined;
let collections = 0;
afterAll(async () => {
  await database?.cleanup();
});

describeSnapshotStoreContract('MongoDB', async () => {
  database ??= await createTestDatabase('snapshots');
  const collection = `snapshots_${++collections}`;
  const { uri, name } = database;
  const store = new MongoSnapshotStore({ connection: database.connection, collection });
  return {
    store,
    reopen: async () => {
      // A second instance: its own connection to the same database.
      const connection = await mongoose.createConnection(uri, { dbName: name }).asPromise();
      const reopened = new MongoSnapshotStore({ connection, collection });
      return {
        load: (id) => reopened.load(id),
        save: (s) => reopened.save(s),
        close: () => connection.close(),
      };
    },
    cleanup: () => store.close(),
  };
});
