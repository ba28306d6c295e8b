import {
  memoryStoreFixture,
  mongoStoreFixtures,
  sqliteStoreFixture,
} from '../test-fixtures/store-contract.fixtures';
import { describeKeyStoreContract } from './key-store.contract';
import type { KeyStore } from './key-store.port';
import { MemoryKeyStore } from './memory.key-store';
import { MongoKeyStore } from './mongodb.key-store';
import { SqliteKeyStore } from './sqlite.key-store';

function withClose(store: KeyStore, close: () => Promise<void>): KeyStore {
  return {
    getOrCreateKey: (id) => store.getOrCreateKey(id),
    getKey: (id) => store.getKey(id),
    erase: (id) => store.erase(id),
    close,
  };
}

describeKeyStoreContract('memory', async () => memoryStoreFixture(new MemoryKeyStore(), withClose));

describeKeyStoreContract('SQLite', async () =>
  sqliteStoreFixture('sfp-keys-', 'keys.sqlite', (filename) => new SqliteKeyStore({ filename })),
);

describeKeyStoreContract(
  'MongoDB',
  mongoStoreFixtures(
    'keys',
    'subject_keys',
    (connection, collection) => new MongoKeyStore({ connection, collection }),
    withClose,
  ),
);
