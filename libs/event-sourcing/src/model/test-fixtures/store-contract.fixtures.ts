import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import mongoose, { type Connection } from 'mongoose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Closable {
  close(): Promise<void>;
}

/** What the key store and snapshot store contracts run on: a store, and how to open another on its data. */
export interface ReopenableStoreFixture<TStore> {
  store: TStore;
  /** A new store on the same data (a restarted process, or a second instance). */
  reopen(): Promise<TStore>;
  cleanup(): Promise<void>;
}

/** The same store with another `close` (what a reopened store closes is not always the store itself). */
export type WithClose<TStore> = (store: TStore, close: () => Promise<void>) => TStore;

/** A store in memory: one process, so a "restart" or a second instance sees the same store. */
export function memoryStoreFixture<TStore extends Closable>(
  store: TStore,
  withClose: WithClose<TStore>,
): ReopenableStoreFixture<TStore> {
  return {
    store,
    reopen: async () => withClose(store, async () => undefined),
    cleanup: () => store.close(),
  };
}

/** A SQLite file in a new temporary folder; reopening opens the same file; cleanup removes the folder. */
export function sqliteStoreFixture<TStore extends Closable>(
  folderPrefix: string,
  file: string,
  open: (filename: string) => TStore,
): ReopenableStoreFixture<TStore> {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const filename = join(dir, file);
  const store = open(filename);
  return {
    store,
    reopen: async () => open(filename),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Fixtures in one test database for the whole file (created on first use,
 * dropped after the file's tests), each in a fresh collection. Reopening gives
 * a second instance on its own connection to the same database, which its
 * `close` ends. Call at the top of a spec file (it registers an afterAll).
 */
export function mongoStoreFixtures<TStore extends Closable>(
  databasePrefix: string,
  collectionPrefix: string,
  open: (connection: Connection, collection: string) => TStore,
  withClose: WithClose<TStore>,
): () => Promise<ReopenableStoreFixture<TStore>> {
  let database: TestDatabase | undefined;
  let collections = 0;
  afterAll(async () => {
    await database?.cleanup();
  });
  return async () => {
    database ??= await createTestDatabase(databasePrefix);
    const collection = `${collectionPrefix}_${++collections}`;
    const { uri, name } = database;
    const store = open(database.connection, collection);
    return {
      store,
      reopen: async () => {
        const connection = await mongoose.createConnection(uri, { dbName: name }).asPromise();
        return withClose(open(connection, collection), () => connection.close());
      },
      cleanup: () => store.close(),
    };
  };
}
