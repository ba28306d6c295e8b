import type { EventStore } from '@sfp/event-sourcing';
import type { Lane } from './projection.lane';
import { describeVersion, type ProjectionStatus, type VersionSnapshot } from './projection.status';
import type { ProjectionVersions } from './projection.versions';

export interface RunnerStatusInput {
  eventStore: EventStore;
  versions: ProjectionVersions;
  stallAfterMs: number;
  now: () => Date;
  isRunning: () => boolean;
}

/**
 * The status of a projection from its runner's lanes in memory, retries
 * included (a process without the runner answers from the durable checkpoints:
 * see ProjectionEngine.status).
 */
export async function runnerStatus(input: RunnerStatusInput): Promise<ProjectionStatus> {
  const { eventStore, versions, stallAfterMs } = input;
  const active = versions.requireActive();
  const rebuild = versions.rebuild;
  const headPosition = await eventStore.headPosition();
  const now = input.now();
  const serving = await describeVersion(
    eventStore,
    laneSnapshot(versions.name, active),
    headPosition,
    now,
    stallAfterMs,
  );
  const rebuilding = rebuild
    ? {
        ...(await describeVersion(
          eventStore,
          laneSnapshot(versions.name, rebuild),
          headPosition,
          now,
          stallAfterMs,
        )),
        startedAt: rebuild.generation.createdAt,
      }
    : null;
  return {
    name: versions.name,
    state:
      serving.stalledSince || rebuilding?.stalledSince
        ? 'stalled'
        : rebuilding
          ? 'rebuilding'
          : 'running',
    ...serving,
    headPosition,
    local: input.isRunning(),
    rebuild: rebuilding,
    checkedAt: now.toISOString(),
  };
}

function laneSnapshot(projection: string, lane: Lane): VersionSnapshot {
  return {
    projection,
    generation: lane.generation,
    position: lane.position,
    advancedAt: lane.advancedAt,
    ...(lane.lastError ? { lastError: lane.lastError } : {}),
    ...(lane.attempts > 0 && lane.retryAt > 0
      ? { retry: { attempts: lane.attempts, nextAttemptAt: new Date(lane.retryAt) } }
      : {}),
  };
}
