import { failpoint, failpointsEnabled, type RecordedEvent } from '@sfp/event-sourcing';
import type { ProjectionErrorRecord, ReadModelStore } from '../read-model/read-model-store.port';
import { physicalName } from '../read-model/read-model.types';
import { handlerFor, type ProjectionDefinition } from './projection.definition';
import type { Lane } from './projection.lane';
import { errorRecord, type LaneRetry } from './lane.retry';
import { ViewUnitOfWork } from './view.unit-of-work';

export interface LaneCatchUpOptions {
  store: ReadModelStore;
  batchSize: number;
  now: () => Date;
  retry: LaneRetry;
  /** Called when a lane's position advanced (the serving one's advance settles the waiters). */
  onAdvanced: (lane: Lane) => void;
}

interface Pass {
  unitOfWork: ViewUnitOfWork<Record<string, unknown>>;
  applied: number;
  failure?: { error: unknown; event: RecordedEvent };
}

/**
 * Moves a lane forward one batch at a time: reads the store from the lane's
 * position, applies the handlers through a buffered ViewWriter, and commits the
 * batch's writes with the checkpoint in one store call. Writes are guarded by
 * position, so a batch replayed after a crash changes nothing.
 */
export class LaneCatchUp {
  constructor(private readonly options: LaneCatchUpOptions) {}

  /** Reads one batch, applies it, commits writes and checkpoint together. True when it made progress. */
  async step(lane: Lane, definition: ProjectionDefinition): Promise<boolean> {
    const { store, batchSize, retry } = this.options;
    let events: RecordedEvent[];
    let source: 'feed' | 'store' | 'none';
    try {
      ({ events, source } = await lane.follower.read(lane.position, batchSize));
    } catch (error) {
      await retry.storeFailed(lane, error, lane.position + 1, undefined, this.options.now());
      return false;
    }
    if (events.length === 0) {
      lane.caughtUp = true;
      return false;
    }
    let pass = await this.apply(lane, definition, events);
    if (pass.failure && pass.applied > lane.position) {
      // The failed handler may have buffered part of its writes: redo the events before it, alone.
      const applied = pass.applied;
      const failure = pass.failure;
      pass = await this.apply(
        lane,
        definition,
        events.filter((event) => event.position <= applied),
      );
      pass.failure ??= failure;
    }
    const now = this.options.now();
    const advanced = pass.applied > lane.position;
    const attempts = advanced ? 1 : lane.attempts + 1;
    let lastError = lane.lastError;
    if (pass.failure) {
      lastError = errorRecord(
        pass.failure.error,
        'handler',
        pass.failure.event.position,
        pass.failure.event,
        attempts,
        now,
      );
    } else if (lastError && !lastError.resolvedAt && advanced) {
      lastError = { ...lastError, resolvedAt: now.toISOString() };
    }
    try {
      const writes = await pass.unitOfWork.prepare();
      await store.write({
        table: lane.table,
        writes,
        checkpoint: {
          readModel: physicalName(lane.table),
          position: pass.applied,
          updatedAt: (advanced ? now : lane.advancedAt).toISOString(),
          ...(lastError ? { lastError } : {}),
        },
      });
    } catch (error) {
      // Nothing of the batch is known to be applied: it is read and applied again at the retry.
      await retry.storeFailed(
        lane,
        error,
        events[0]?.position ?? lane.position + 1,
        events[0],
        now,
      );
      return false;
    }
    lane.lastError = lastError;
    if (advanced) {
      lane.position = pass.applied;
      lane.advancedAt = now;
      this.options.onAdvanced(lane);
    }
    if (pass.failure) {
      lane.attempts = attempts;
      retry.schedule(lane, lastError as ProjectionErrorRecord);
      return advanced;
    }
    lane.attempts = 0;
    lane.retryAt = 0;
    // A short batch from the feed says nothing about other instances' appends.
    lane.caughtUp = source === 'store' && events.length < batchSize;
    return true;
  }

  private async apply(
    lane: Lane,
    definition: ProjectionDefinition,
    events: RecordedEvent[],
  ): Promise<Pass> {
    const unitOfWork = new ViewUnitOfWork<Record<string, unknown>>(this.options.store, lane.table);
    const streams = new Set<string>();
    for (const event of events) if (handlerFor(definition, event.type)) streams.add(event.streamId);
    if (lane.prefetchStreams && streams.size > 1) {
      try {
        await unitOfWork.prefetch(streams);
      } catch {
        // Only a read ahead: the handlers read what they need themselves.
      }
    }
    // The fault suite's slow or failing consumer (SFP_FAILPOINTS `projection.apply=<name>:…`),
    // failing the batch at its first event as a handler would; off: not even a call.
    if (failpointsEnabled()) {
      try {
        await failpoint('projection.apply', lane.table.projection);
      } catch (error) {
        return {
          unitOfWork,
          applied: lane.position,
          failure: { error, event: events[0] as RecordedEvent },
        };
      }
    }
    let applied = lane.position;
    for (const event of events) {
      const handler = handlerFor(definition, event.type);
      if (handler) {
        try {
          await handler(event, unitOfWork.writer(event.position));
        } catch (error) {
          return { unitOfWork, applied, failure: { error, event } };
        }
      }
      applied = event.position;
    }
    if (streams.size > 1) {
      let read = 0;
      for (const id of streams) if (unitOfWork.readIds.has(id)) read++;
      lane.prefetchStreams = read * 2 >= streams.size;
    }
    return { unitOfWork, applied };
  }
}
