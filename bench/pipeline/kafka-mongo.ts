import type { Connection } from 'mongoose';
import { MongoEventStore } from '@sfp/event-sourcing';
import {
  KafkaEventBus,
  mongoConsumerState,
  OutboxRelay,
  provisionContextTopics,
} from '@sfp/messaging';
import { MongoReadModelStore, ProjectionEngine } from '@sfp/projections';
import { ArrivalRecorder, NO_INSTRUMENT, type Instrument } from './measure';
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
  instrument?: Instrument;
}): Promise<Pipeline> {
  const instrument = options.instrument ?? NO_INSTRUMENT;
  const mongoStore = await MongoEventStore.open(options.sourceDb);
  const eventStore = instrument('eventStore', mongoStore);
  const sourceState = mongoConsumerState(options.sourceDb);
  const destinationState = mongoConsumerState(options.destinationDb);
  const readModels = instrument('readModels', new MongoReadModelStore(options.destinationDb));
  const kafkaBus = new KafkaEventBus({ brokers: options.brokers, clientId: 'sfp-bench-pipeline' });
  const bus = instrument('bus', kafkaBus);
  const topics = await provisionContextTopics(bus, options.context, {
    partitions: 3,
    replicationFactor: 1,
  });
  const relay = new OutboxRelay({
    name: `${options.context}.outbox`,
    store: eventStore,
    bus,
    checkpoints: instrument('relayCheckpoints', sourceState.checkpoints),
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
    processed: instrument('processed', destinationState.processed),
    readModels,
    recorder: () => pipeline.recorder,
  });
  relay.start();
  pipeline.close = async () => {
    await consumer.stop();
    await relay.stop();
    await kafkaBus.close();
    await mongoStore.close();
  };
  return pipeline;
}

/**
 * Kafka + MongoDB, direct path (informative): the context's own read model,
 * ProjectionEngine following the MongoEventStore into MongoReadModelStore.
 * No Kafka on this path.
 *
 * `batchSize`: events per projection batch. The library's default (500) can
 * put 100 or more guarded replaces in one bulkWrite, and FerretDB v1.24 never
 * answers an update command of 100 statements or more (measured: 99 answer in
 * 0.45–0.65 s; 100 did not answer in 15 minutes), so the runner would stall
 * for good on the local server. Below 100 events per batch, a batch cannot
 * hold 100 replaces. See docs/performance.md, "Pipeline".
 */
export async function openMongoDirect(
  db: Connection,
  batchSize: number,
  instrument: Instrument = NO_INSTRUMENT,
): Promise<Pipeline> {
  const mongoStore = await MongoEventStore.open(db);
  const eventStore = instrument('eventStore', mongoStore);
  const readModels = instrument('readModels', new MongoReadModelStore(db));
  const pipeline: Pipeline = {
    label: 'MongoDB · direct projection',
    recorder: new ArrivalRecorder(),
    appender: { store: eventStore },
    close: async () => undefined,
  };
  const hook = directPathHook(readModels, () => pipeline.recorder);
  const engine = new ProjectionEngine({ eventStore, store: hook.store, batchSize });
  engine.register(summaryProjection('bench-requests', hook.handled));
  await engine.start();
  pipeline.appender.afterAppend = () => engine.wake();
  pipeline.label = `MongoDB · direct projection (batches of ${batchSize})`;
  pipeline.close = async () => {
    await engine.stop();
    await mongoStore.close();
  };
  return pipeline;
}
