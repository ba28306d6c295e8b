import { describeConsumerStateContract } from '../consumer-state.contract';
import { openSqliteConsumerState } from './sqlite-consumer-state';

describeConsumerStateContract('SQLite', async () => {
  let offset = 0;
  const state = openSqliteConsumerState(':memory:', () => new Date(Date.now() + offset));
  return {
    stores: state,
    advanceClock: (ms) => {
      offset += ms;
    },
    cleanup: async () => state.close(),
  };
});
