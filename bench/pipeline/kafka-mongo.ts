import type { Connection } from 'mongoose';
import { MongoEventStore } from '@sfp/event-sourcing';
import {
  KafkaEventBus,
  mongoConsumerState,
  OutboxRelay,
  provisionContextTopics,
} from '@sfp/messaging';
import { MongoReadModelStore, ProjectionEngine } from '@sfp/projections';
import { ArrivalRecorder } from './measure';
import { directPathHook, type Pipeline } from './pipeline';
import { startViewConsumer, summaryProjection } from './workload';

/**
 * Kafka + MongoDB, bus path (what the raw kafkajs baseline compares to):
 * MongoEventStore in the source context's database → OutboxRelay (checkpoint
 * and lease in that database) → KafkaEventBus (idempotent producer, acks=all,
 * murmur2 on the stream id; topics provisioned with 3 partitions) →
 * startReliableConsumer in the destination context (idempotency records and
 * the read model in its own database, MongoReadModelStore).
 */
export async function openKafkaMongoBus(options: {
  sourceDb: Connection;
  destinationDb: Connection;
  brokers: string[];
  context: string;
}): Promise<Pipeline> {
  const eventStore = await MongoEventStore.open(options.sourceDb);
  const sourceState = mongoConsumerState(options.sourceDb);
  const destinationState = mongoConsumerState(options.destinationDb);
  const readModels = new MongoReadModelStore(options.destinationDb);
  const bus = new KafkaEventBus({ brokers: options.brokers, clientId: 'sfp-bench-pipeline' });
  const topics = await provisionContextTopics(bus, options.context, {
    partitions: 3,
    replicationFactor: 1,
  });
  const relay = new OutboxRelay({
    name: `${options.context}.outbox`,
    store: eventStore,
    bus,
    checkpoints: sourceState.checkpoints,
    leases: sourceState.leases,
    topicFor: () => topics.events,
    onError: (error) => console.error('  relay round failed:', error),
  });
  const pipeline: Pipeline = {
    label: 'Kafka+MongoDB · via the bus',
    recorder: new ArrivalRecorder(),
    appender: { store: eventStore },
    close: async () => undefined,
  };
  const consumer = await startViewConsumer({
    bus,
    topics,
    groupId: `${options.context}.bench-view`,
    processed: destinationState.processed,
    readModels,
    recorder: () => pipeline.recorder,
  });
  relay.start();
  pipeline.close = async () => {
    await consumer.stop();
    await relay.stop();
    await bus.close();
    await eventStore.close();
  };
  return pipeline;
}

/**
 * Kafka + MongoDB, direct path (informative): the context's own read model,
 * ProjectionEngine following the MongoEventStore into MongoReadModelStore.
 * No Kafka on this path.
 */
export async function openMongoDirect(db: Connection): Promise<Pipeline> {
  const eventStore = await MongoEventStore.open(db);
  const readModels = new MongoReadModelStore(db);
  const pipeline: Pipeline = {
    label: 'MongoDB · direct projection',
    recorder: new ArrivalRecorder(),
    appender: { store: eventStore },
    close: async () => undefined,
  };
  const hook = directPathHook(readModels, () => pipeline.recorder);
  const engine = new ProjectionEngine({ eventStore, store: hook.store });
  engine.register(summaryProjection('bench-requests', hook.handled));
  await engine.start();
  pipeline.appender.afterAppend = () => engine.wake();
  pipeline.close = async () => {
    await engine.stop();
    await eventStore.close();
  };
  return pipeline;
}
