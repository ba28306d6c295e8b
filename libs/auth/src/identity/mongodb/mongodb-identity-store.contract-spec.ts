import { createTestDatabase } from '@sfp/testing';
import { identityStoreContract } from '../testing/identity-store.contract';
import { MongoIdentityStore } from './mongodb-identity-store';

identityStoreContract('MongoDB (real server)', async () => {
  const db = await createTestDatabase('identities');
  const store = new MongoIdentityStore(db.connection);
  return Object.assign(Object.create(store) as MongoIdentityStore, { close: () => db.cleanup() });
});
