import { createTestDatabase } from '@sfp/testing';
import { describeReadModelStoreContract } from '../read-model-store.contract';
import { MongoReadModelStore } from './mongo-read-model-store';

describeReadModelStoreContract(
  'MongoDB (real server)',
  async () => {
    const db = await createTestDatabase('read_models');
    return { store: new MongoReadModelStore(db.connection), cleanup: () => db.cleanup() };
  },
  // Each run creates and drops a collection: keep the server's share of the suite short.
  { paginationRuns: 25 },
);
