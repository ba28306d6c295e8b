import type { EventStore } from '@sfp/event-sourcing';
import type {
  ProjectionErrorRecord,
  ReadModelGeneration,
} from '../read-model/read-model-store.port';
import { physicalName } from '../read-model/read-model.types';

export type ProjectionRunState = 'running' | 'rebuilding' | 'stalled';

/** The progress of one read-model version. */
export interface ReadModelVersionStatus {
  /** The physical version (table or collection suffix `__v<generation>`). */
  generation: number;
  /** The projection definition's version that builds it. */
  version: number;
  readModel: string;
  /** The position of the last event applied. */
  position: number;
  /** Events recorded after `position`. */
  lagEvents: number;
  /** Age of the oldest event not yet applied (0 when none waits). */
  lagSeconds: number;
  /** When `position` last advanced. */
  updatedAt: string;
  lastError: ProjectionErrorRecord | null;
  /** Set while a failing event is being retried (only known to the process running it). */
  retry: { attempts: number; nextAttemptAt: string } | null;
  /** When it stopped advancing while events waited, once that lasted the stall threshold; else null. */
  stalledSince: string | null;
  /** Seconds since `stalledSince`, 0 when not stalled: a gauge to alert on. */
  stalledSeconds: number;
}

export interface ProjectionStatus extends ReadModelVersionStatus {
  name: string;
  /** stalled (either version) > rebuilding > running. */
  state: ProjectionRunState;
  headPosition: number;
  /** True when the runner is in this process; otherwise the figures come from the durable checkpoints. */
  local: boolean;
  /** The version being rebuilt beside the serving one, if any. */
  rebuild: (ReadModelVersionStatus & { startedAt: string }) | null;
  checkedAt: string;
}

/** What the status needs to know of one read-model version. */
export interface VersionSnapshot {
  projection: string;
  generation: ReadModelGeneration;
  position: number;
  advancedAt: Date;
  lastError?: ProjectionErrorRecord;
  retry?: { attempts: number; nextAttemptAt: Date };
}

/**
 * The stall rule: a version is stalled when events wait (head > position) and
 * its position has not advanced for `stallAfterMs`, counted from the later of
 * its last advance and the arrival of the oldest waiting event (so a quiet
 * projection that just received an event is not stalled, and one chewing
 * through a backlog batch by batch is not either). Returns since when, or
 * undefined. Uses only durable facts, so any process can evaluate it.
 */
export function stalledSince(input: {
  position: number;
  headPosition: number;
  advancedAt: Date;
  oldestWaitingAt?: Date;
  now: Date;
  stallAfterMs: number;
}): Date | undefined {
  if (input.headPosition <= input.position) return undefined;
  const since = Math.max(input.advancedAt.getTime(), input.oldestWaitingAt?.getTime() ?? 0);
  return input.now.getTime() - since >= input.stallAfterMs ? new Date(since) : undefined;
}

export async function describeVersion(
  eventStore: EventStore,
  snapshot: VersionSnapshot,
  headPosition: number,
  now: Date,
  stallAfterMs: number,
): Promise<ReadModelVersionStatus> {
  const { generation, position } = snapshot;
  const [oldest] =
    headPosition > position ? await eventStore.readAll({ afterPosition: position, limit: 1 }) : [];
  const oldestWaitingAt = oldest ? new Date(oldest.recordedAt) : undefined;
  const stalled = stalledSince({
    position,
    headPosition,
    advancedAt: snapshot.advancedAt,
    ...(oldestWaitingAt ? { oldestWaitingAt } : {}),
    now,
    stallAfterMs,
  });
  return {
    generation: generation.generation,
    version: generation.definitionVersion,
    readModel: physicalName({ projection: snapshot.projection, generation: generation.generation }),
    position,
    lagEvents: Math.max(0, headPosition - position),
    lagSeconds: oldestWaitingAt
      ? Math.max(0, (now.getTime() - oldestWaitingAt.getTime()) / 1000)
      : 0,
    updatedAt: snapshot.advancedAt.toISOString(),
    lastError: snapshot.lastError ?? null,
    retry: snapshot.retry
      ? {
          attempts: snapshot.retry.attempts,
          nextAttemptAt: snapshot.retry.nextAttemptAt.toISOString(),
        }
      : null,
    stalledSince: stalled ? stalled.toISOString() : null,
    stalledSeconds: stalled ? (now.getTime() - stalled.getTime()) / 1000 : 0,
  };
}
