import { describeReadModelStoreContract } from '../read-model-store.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';

describeReadModelStoreContract('embedded SQLite', async () => {
  const store = new SqliteReadModelStore({ filename: ':memory:' });
  return { store, cleanup: () => store.close() };
});
