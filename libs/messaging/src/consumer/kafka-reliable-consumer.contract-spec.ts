import { Kafka, logLevel } from 'kafkajs';
import { integrationEnv, uniqueName } from '@sfp/testing';
import { KafkaEventBus } from '../bus/kafka/kafka-event-bus';
import { describeReliableConsumerContract } from './reliable-consumer.contract';

describeReliableConsumerContract('Kafka (real broker)', async () => {
  const { kafkaBrokers } = integrationEnv();
  const bus = new KafkaEventBus({
    brokers: kafkaBrokers,
    clientId: 'reliable-consumer-test',
    retryDelayMs: 50,
  });
  const base = uniqueName('reliable');
  const names = { in: `${base}.events`, dlq: `${base}.dlq` };
  return {
    bus,
    topics: () => names,
    cleanup: async () => {
      await bus.close();
      const admin = new Kafka({ brokers: kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [names.in, names.dlq] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
});
