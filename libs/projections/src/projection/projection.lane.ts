import { FeedFollower, type EventStore } from '@sfp/event-sourcing';
import type {
  ProjectionErrorRecord,
  ReadModelGeneration,
  ReadModelStore,
} from '../read-model/read-model-store.port';
import { physicalName, type ReadModelTable } from '../read-model/read-model.types';
import type { ProjectionDefinition } from './projection.definition';

/** One read-model version being kept up to date. */
export interface Lane {
  generation: ReadModelGeneration;
  table: ReadModelTable;
  /** Undefined: this version's code is not deployed, so it is served but not updated. */
  definition: ProjectionDefinition | undefined;
  position: number;
  advancedAt: Date;
  lastError: ProjectionErrorRecord | undefined;
  /** Consecutive failures; 0 when healthy. */
  attempts: number;
  /** Epoch ms before which a failing lane is not retried. */
  retryAt: number;
  /** The last read reached the head of the store. */
  caughtUp: boolean;
  /** Where its batches come from: the appended feed while it continues the position, else the store. */
  follower: FeedFollower;
  /**
   * Whether to read the documents named by the batch's stream ids ahead, in one
   * store call: on while the handlers read at least half of them (projections
   * keyed by stream), measured on every batch.
   */
  prefetchStreams: boolean;
}

/** The table (or collection) of one version of a projection's read model. */
export function readModelTable(
  projection: string,
  generation: ReadModelGeneration,
): ReadModelTable {
  return { projection, generation: generation.generation, fields: generation.fields };
}

export interface LaneOpenerOptions {
  projection: string;
  eventStore: EventStore;
  store: ReadModelStore;
  storePollMs: number;
  /** Called when the appended feed brings events (the runner looks at once). */
  onEvents: () => void;
}

/** Opens the lane of a read-model version: its table, its checkpoint, a follower of the store. */
export class LaneOpener {
  constructor(private readonly options: LaneOpenerOptions) {}

  async open(
    generation: ReadModelGeneration,
    definition: ProjectionDefinition | undefined,
  ): Promise<Lane> {
    const { projection, eventStore, store, storePollMs, onEvents } = this.options;
    const table = readModelTable(projection, generation);
    await store.ensureTable(table);
    const checkpoint = await store.loadCheckpoint(physicalName(table));
    // Listens before the first read: what is appended from now on is in memory when the lane gets there.
    const follower = new FeedFollower(eventStore, { storePollMs, onEvents });
    follower.start();
    return {
      follower,
      prefetchStreams: true,
      generation,
      table,
      definition,
      position: checkpoint?.position ?? 0,
      advancedAt: new Date(checkpoint?.updatedAt ?? generation.createdAt),
      lastError: checkpoint?.lastError,
      attempts: 0,
      retryAt: 0,
      caughtUp: false,
    };
  }
}
