import { uniqueName } from '@sfp/testing';
import { kafkaTestBus } from '../testing/kafka-test-bus';
import { describeReliableConsumerContract } from './reliable-consumer.contract';

describeReliableConsumerContract('Kafka (real broker)', async () => {
  const base = uniqueName('reliable');
  const names = { in: `${base}.events`, dlq: `${base}.dlq` };
  return {
    ...kafkaTestBus('reliable-consumer-test', () => [names.in, names.dlq]),
    topics: () => names,
  };
});
