import { createTestDatabase } from '@sfp/testing';
import { deadLetterIndexContract } from './dead-letter-index.contract';
import { MongoDeadLetterIndex } from './mongo-dead-letter-index';

deadLetterIndexContract('MongoDB (real server)', async () => {
  const db = await createTestDatabase('dead_letters');
  return { index: new MongoDeadLetterIndex(db.connection), cleanup: () => db.cleanup() };
});
