import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import mongoose from 'mongoose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKeyStoreContract } from './key-store.contract';
import type { KeyStore } from './key-store.port';
import { MemoryKeyStore } from './memory.key-store';
import { MongoKeyStore } from './mongodb.key-store';
import { SqliteKeyStore } from './sqlite.key-store';

function sharing(store: KeyStore, close: () => Promise<void>): KeyStore {
  return {
    getOrCreateKey: (id) => store.getOrCreateKey(id),
    getKey: (id) => store.getKey(id),
    erase: (id) => store.erase(id),
    close,
  };
}

describeKeyStoreContract('memory', async () => {
  const store = new MemoryKeyStore();
  // One process: a "restart" or a second instance sees the same map.
  return {
    store,
    reopen: async () => sharing(store, async () => undefined),
    cleanup: () => store.close(),
  };
});

describeKeyStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-keys-'));
  const filename = join(dir, 'keys.sqlite');
  const store = new SqliteKeyStore({ filename });
  return {
    store,
    reopen: async () => new SqliteKeyStore({ filename }),
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

describeKeyStoreContract('MongoDB', async () => {
  database ??= await createTestDatabase('keys');
  const collection = `subject_keys_${++collections}`;
  const { uri, name } = database;
  const store = new MongoKeyStore({ connection: database.connection, collection });
  return {
    store,
    reopen: async () => {
      // A second instance: its own connection to the same database.
      const connection = await mongoose.createConnection(uri, { dbName: name }).asPromise();
      return sharing(new MongoKeyStore({ connection, collection }), () => connection.close());
    },
    cleanup: () => store.close(),
  };
});
