import { Kafka, logLevel } from 'kafkajs';
import { integrationEnv, uniqueName } from '@sfp/testing';
import { describeEventBusContract } from '../event-bus.contract';
import { KafkaEventBus } from './kafka-event-bus';

// The same contract with partitions consumed concurrently (what a read-model
// consumer may ask for): order per partition, no loss, redelivery after a throw.
describeEventBusContract(
  'Kafka (real broker), 3 partitions consumed concurrently',
  async () => {
    const { kafkaBrokers } = integrationEnv();
    const base = uniqueName('bus-concurrent');
    const created: string[] = [];
    const bus = new KafkaEventBus({
      brokers: kafkaBrokers,
      clientId: 'contract-test-concurrent',
      retryDelayMs: 50,
      partitionsConsumedConcurrently: 3,
    });
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
