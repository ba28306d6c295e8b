import { Kafka, logLevel } from 'kafkajs';
import { integrationEnv, uniqueName } from '@sfp/testing';
import { describeEventBusContract } from '../event-bus.contract';
import { KafkaEventBus } from './kafka-event-bus';

describeEventBusContract(
  'Kafka (real broker)',
  async () => {
    const { kafkaBrokers } = integrationEnv();
    const bus = new KafkaEventBus({
      brokers: kafkaBrokers,
      clientId: 'contract-test',
      retryDelayMs: 50,
    });
    const base = uniqueName('bus-contract');
    const created: string[] = [];
    return {
      bus,
      topicName: (suffix) => {
        const name = `${base}.${suffix}`;
        created.push(name);
        return name;
      },
      cleanup: async () => {
        await bus.close();
        const admin = new Kafka({ brokers: kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
        await admin.connect();
        const existing = new Set(await admin.listTopics());
        await admin.deleteTopics({ topics: created.filter((t) => existing.has(t)) });
        await admin.disconnect();
      },
    };
  },
  { settleMs: 3_000 },
);
