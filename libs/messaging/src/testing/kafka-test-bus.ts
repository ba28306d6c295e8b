import { Kafka, logLevel } from 'kafkajs';
import { integrationEnv } from '@sfp/testing';
import { KafkaEventBus } from '../bus/kafka/kafka-event-bus';

/**
 * A bus on the test broker for a contract suite, and its cleanup: the bus
 * closed, then those of `topics()` that were created deleted.
 */
export function kafkaTestBus(
  clientId: string,
  topics: () => readonly string[],
): { bus: KafkaEventBus; cleanup(): Promise<void> } {
  const { kafkaBrokers } = integrationEnv();
  const bus = new KafkaEventBus({ brokers: kafkaBrokers, clientId, retryDelayMs: 50 });
  return {
    bus,
    cleanup: async () => {
      await bus.close();
      const admin = new Kafka({ brokers: kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      const existing = new Set(await admin.listTopics());
      await admin.deleteTopics({ topics: topics().filter((t) => existing.has(t)) });
      await admin.disconnect();
    },
  };
}
