import type { RecordedEvent } from '@sfp/event-sourcing';
import type { ProjectionErrorRecord, ReadModelStore } from '../read-model/read-model-store.port';
import { physicalName } from '../read-model/read-model.types';
import type { ProjectionLogger } from './projection-runner.options';
import type { Lane } from './projection.lane';

export interface LaneRetryOptions {
  projection: string;
  store: ReadModelStore;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
  logger: ProjectionLogger;
}

/**
 * A failing lane never skips its event: the failure is recorded (in memory,
 * in the checkpoint, so in the status), and the lane is retried with
 * exponential backoff until it passes.
 */
export class LaneRetry {
  constructor(private readonly options: LaneRetryOptions) {}

  /** The store failed to read or to commit a batch (from `position`): nothing of it is applied. */
  storeFailed(
    lane: Lane,
    error: unknown,
    position: number,
    event: RecordedEvent | undefined,
    now: Date,
  ): Promise<void> {
    return this.failed(lane, errorRecord(error, 'store', position, event, lane.attempts + 1, now));
  }

  /** Records a failure that applied nothing, as durably as the store allows, and schedules the retry. */
  private async failed(lane: Lane, record: ProjectionErrorRecord): Promise<void> {
    lane.attempts = record.attempts;
    lane.lastError = record;
    this.schedule(lane, record);
    try {
      await this.options.store.saveCheckpoint({
        readModel: physicalName(lane.table),
        position: lane.position,
        updatedAt: lane.advancedAt.toISOString(),
        lastError: record,
      });
    } catch {
      // The store is what failed: the error stays in memory and in the status.
    }
  }

  schedule(lane: Lane, record: ProjectionErrorRecord): void {
    const { retryInitialDelayMs, retryMaxDelayMs } = this.options;
    const delay = Math.min(
      retryMaxDelayMs,
      retryInitialDelayMs * 2 ** Math.min(30, lane.attempts - 1),
    );
    lane.retryAt = Date.now() + delay;
    lane.caughtUp = false;
    this.options.logger.warn(
      {
        projection: this.options.projection,
        generation: lane.generation.generation,
        error: record,
        retryInMs: delay,
      },
      'projection could not apply an event; retrying',
    );
  }
}

export function errorRecord(
  error: unknown,
  stage: ProjectionErrorRecord['stage'],
  position: number,
  event: RecordedEvent | undefined,
  attempts: number,
  now: Date,
): ProjectionErrorRecord {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (error as { code?: unknown } | null)?.code;
  return {
    message: err.message.slice(0, 2_000),
    errorName: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    position,
    ...(event ? { eventId: event.eventId, eventType: event.type } : {}),
    stage,
    attempts,
    at: now.toISOString(),
  };
}
