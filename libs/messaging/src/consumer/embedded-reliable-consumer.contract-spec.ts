import { EmbeddedEventBus } from '../bus/embedded/embedded-event-bus';
import { describeReliableConsumerContract } from './reliable-consumer.contract';

describeReliableConsumerContract('embedded bus', async () => {
  const bus = new EmbeddedEventBus({ filename: ':memory:', retryDelayMs: 5 });
  return {
    bus,
    topics: () => ({ in: 'sfp.test.events', dlq: 'sfp.test.dlq' }),
    cleanup: () => bus.close(),
  };
});
