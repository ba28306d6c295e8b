import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadModelStoreContract } from '../read-model-store.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';

describeReadModelStoreContract('embedded SQLite (in memory)', async () => {
  const store = new SqliteReadModelStore({ filename: ':memory:' });
  return { store, cleanup: () => store.close() };
});

// A file, as the platform runs it: WAL, checkpoints by a worker thread.
describeReadModelStoreContract('embedded SQLite (file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-rm-contract-'));
  const store = new SqliteReadModelStore({ filename: join(dir, 'read-models.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
