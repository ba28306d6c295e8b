import { createTestDatabase } from '@sfp/testing';
import { describeConsumerStateContract } from '../consumer-state.contract';
import { mongoConsumerState } from './mongo-consumer-state';

describeConsumerStateContract('MongoDB (real server)', async () => {
  const db = await createTestDatabase('consumer_state');
  let offset = 0;
  return {
    stores: mongoConsumerState(db.connection, () => new Date(Date.now() + offset)),
    advanceClock: (ms) => {
      offset += ms;
    },
    cleanup: () => db.cleanup(),
  };
});
