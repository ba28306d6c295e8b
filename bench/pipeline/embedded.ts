import { join } from 'node:path';
import { SqliteEventStore } from '@sfp/event-sourcing';
import {
  EmbeddedEventBus,
  openSqliteConsumerState,
  type ProcessedMessageStore,
} from '@sfp/messaging';
import { SqliteReadModelStore } from '@sfp/projections';
import { NO_INSTRUMENT, type Instrument } from './measure';
import { openBusPipeline, openDirectPipeline, type Pipeline } from './pipeline';

/**
 * Embedded, direct path: the context's own read model. SqliteEventStore
 * (WAL, synchronous=FULL, group commit) → ProjectionEngine following the
 * store (batches of 500, woken after each append as the help desk's command
 * handler does) → SqliteReadModelStore (one transaction per batch with the
 * checkpoint). Files as openEmbeddedContextStores lays them out.
 */
export async function openEmbeddedDirect(
  dir: string,
  instrument: Instrument = NO_INSTRUMENT,
): Promise<Pipeline> {
  const sqliteStore = new SqliteEventStore({ filename: join(dir, 'direct', 'event-store.sqlite') });
  const sqliteReadModels = new SqliteReadModelStore({
    filename: join(dir, 'direct', 'read-models.sqlite'),
  });
  return openDirectPipeline({
    label: 'embedded · direct projection',
    eventStore: instrument('eventStore', sqliteStore),
    readModels: instrument('readModels', sqliteReadModels),
    closeStores: async () => {
      await sqliteStore.close();
      await sqliteReadModels.close();
    },
  });
}

/**
 * Embedded, bus path: another context's view. SqliteEventStore → OutboxRelay
 * (checkpoint and lease in the source context's consumer-state file) →
 * EmbeddedEventBus (SQLite log, 3 partitions) → startReliableConsumer in the
 * destination context (idempotency records in its own consumer-state file) →
 * SqliteReadModelStore write. Defaults of the library everywhere (relay batch
 * 500, idle 25 ms), as the help desk runs it.
 */
export async function openEmbeddedBus(
  dir: string,
  context: string,
  instrument: Instrument = NO_INSTRUMENT,
  /** Experiments only: another idempotency store, or null for none (see experiments.ts). */
  processedOverride?: ProcessedMessageStore | null,
): Promise<Pipeline> {
  const source = join(dir, 'bus-source');
  const destination = join(dir, 'bus-destination');
  const sqliteStore = new SqliteEventStore({ filename: join(source, 'event-store.sqlite') });
  const eventStore = instrument('eventStore', sqliteStore);
  const sourceState = openSqliteConsumerState(join(source, 'consumer-state.sqlite'));
  const embeddedBus = new EmbeddedEventBus({ filename: join(dir, 'bus.sqlite') });
  const bus = instrument('bus', embeddedBus);
  const destinationState = openSqliteConsumerState(join(destination, 'consumer-state.sqlite'));
  const sqliteReadModels = new SqliteReadModelStore({
    filename: join(destination, 'read-models.sqlite'),
  });
  return openBusPipeline({
    label: 'embedded · via the bus',
    context,
    eventStore,
    bus,
    source: sourceState,
    groupId: 'bench-view.events',
    processed:
      processedOverride === null
        ? undefined
        : instrument('processed', processedOverride ?? destinationState.processed),
    readModels: instrument('readModels', sqliteReadModels),
    instrument,
    closeResources: async () => {
      await embeddedBus.close();
      await sqliteStore.close();
      sourceState.close();
      destinationState.close();
      await sqliteReadModels.close();
    },
  });
}
