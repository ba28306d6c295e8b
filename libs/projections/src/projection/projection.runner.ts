import type { EventStore } from '@sfp/event-sourcing';
import { ProjectionStateConflictError } from '../read-model/read-model.errors';
import type { ReadModelStore } from '../read-model/read-model-store.port';
import type { ReadModelTable } from '../read-model/read-model.types';
import type { ProjectionDefinition } from './projection.definition';
import { LaneCatchUp } from './lane.catch-up';
import { LaneRetry } from './lane.retry';
import { LoopWakeUp } from './loop.wake-up';
import { PositionWaiters } from './position.waiters';
import {
  runnerSettings,
  type ProjectionRunnerOptions,
  type ProjectionRunnerSettings,
} from './projection-runner.options';
import { runnerStatus } from './projection-runner.status';
import { LaneOpener, type Lane } from './projection.lane';
import { ProjectionRebuild, type RebuildHandle } from './projection.rebuild';
import { ProjectionStartUp } from './projection.start-up';
import type { ProjectionStatus } from './projection.status';
import { ProjectionVersions } from './projection.versions';
import { SerialQueue } from './serial.queue';

export type { ProjectionLogger, ProjectionRunnerOptions } from './projection-runner.options';
export type { RebuildHandle, RebuildResult } from './projection.rebuild';

/**
 * Keeps one projection's read model up to date from the event store.
 *
 * It reads the store in batches from its durable checkpoint, applies the
 * handlers through a buffered ViewWriter, and commits the batch's writes with
 * the checkpoint in one store call (LaneCatchUp). Writes are guarded by
 * position, so a batch replayed after a crash changes nothing.
 *
 * A failing handler never skips its event: the events before it are committed,
 * the error is recorded in the checkpoint and the status, and the event is
 * retried with exponential backoff until it passes (or the code is fixed and
 * redeployed) (LaneRetry). Meanwhile the position stops, which the stall rule
 * reports.
 *
 * Rebuild (ProjectionRebuild): a second lane builds generation n+1 from
 * position 0 beside the serving one, which keeps being updated and serving
 * queries. Both lanes run in the same loop, one batch each in turn. When the
 * new lane has reached the head and is at least as far as the serving one, the
 * state is switched in one compare-and-set write (the swap), and the old
 * version is dropped after a grace delay. Positions seen by queries never go
 * backwards across a swap.
 *
 * One runner per projection at a time; a second one is harmless for the data
 * (guarded writes), and state changes are compare-and-set.
 *
 * This class runs the loop and coordinates the parts: the start-up
 * (ProjectionStartUp), the read-your-writes waiters (PositionWaiters) and the
 * status (runnerStatus) share the lanes through ProjectionVersions.
 */
export class ProjectionRunner {
  private readonly settings: ProjectionRunnerSettings;
  private readonly versions: ProjectionVersions;
  /** Runs state-changing work one at a time (the loop's batches, rebuild start, swap, drop). */
  private readonly serial = new SerialQueue();
  private readonly wakeUp = new LoopWakeUp();
  private readonly waiters: PositionWaiters;
  private readonly rebuilds: ProjectionRebuild;
  private readonly startUp: ProjectionStartUp;
  private readonly catchUp: LaneCatchUp;
  private loop: Promise<void> | undefined;
  private stopping = false;

  constructor(
    definition: ProjectionDefinition,
    private readonly eventStore: EventStore,
    private readonly store: ReadModelStore,
    options: ProjectionRunnerOptions = {},
    /** Definitions of older versions still deployed, to keep their read model updated during an upgrade's rebuild. */
    previousVersions: readonly ProjectionDefinition[] = [],
  ) {
    const settings = runnerSettings(options);
    const { now, logger } = settings;
    const versions = new ProjectionVersions(definition);
    const lanes = new LaneOpener({
      projection: versions.name,
      eventStore,
      store,
      storePollMs: settings.storePollMs,
      onEvents: () => this.wake(),
    });
    this.settings = settings;
    this.versions = versions;
    this.waiters = new PositionWaiters({
      name: versions.name,
      appliedPosition: () => versions.appliedPosition,
      isRunning: () => this.isRunning,
    });
    this.rebuilds = new ProjectionRebuild({
      versions,
      store,
      lanes,
      serial: this.serial,
      onSwapped: () => this.waiters.settle(),
      dropGraceMs: settings.dropGraceMs,
      now,
      logger,
    });
    this.startUp = new ProjectionStartUp({
      versions,
      store,
      lanes,
      rebuild: this.rebuilds,
      previousVersions,
      now,
      logger,
    });
    const retry = new LaneRetry({
      projection: versions.name,
      store,
      retryInitialDelayMs: settings.retryInitialDelayMs,
      retryMaxDelayMs: settings.retryMaxDelayMs,
      logger,
    });
    this.catchUp = new LaneCatchUp({
      store,
      batchSize: settings.batchSize,
      now,
      retry,
      onAdvanced: (lane) => {
        if (lane === versions.active) this.waiters.settle();
      },
    });
  }

  get name(): string {
    return this.versions.name;
  }

  get isRunning(): boolean {
    return this.loop !== undefined;
  }

  /** The position the serving version has applied (0 before start). */
  get appliedPosition(): number {
    return this.versions.appliedPosition;
  }

  /** The read-model version that serves queries. */
  activeTable(): ReadModelTable {
    return this.versions.requireActive().table;
  }

  /**
   * Loads or creates the projection's state and starts following the store.
   * A definition newer than the read model starts a rebuild; an older one is
   * refused (old code must not write into a newer read model).
   */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    await this.serial.run(() => this.startUp.open());
    this.loop = this.run();
  }

  /** Stops after the batch under way; waiters and a pending rebuild are rejected with ProjectionStoppedError. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = undefined;
    this.versions.active?.follower.stop();
    this.versions.rebuild?.follower.stop();
    this.rebuilds.cancelDrops();
    this.waiters.rejectAll();
    this.rebuilds.abandon();
  }

  /** Looks for new events now instead of at the next poll (call it after an append in the same process). */
  wake(): void {
    this.wakeUp.wake();
  }

  /**
   * Rebuilds from zero into a new read-model version, with `next` (default:
   * the current definition) while the current version keeps serving and
   * being updated. Returns once the rebuild has started.
   */
  async rebuild(next: ProjectionDefinition = this.versions.definition): Promise<RebuildHandle> {
    if (!this.loop) throw new Error(`Start projection ${this.name} before rebuilding it`);
    const handle = await this.serial.run(() => this.rebuilds.begin(next));
    this.wake();
    return handle;
  }

  /** Resolves once the serving version has applied `position`; rejects with ProjectionTimeoutError after `timeoutMs`. */
  waitForPosition(position: number, timeoutMs: number): Promise<void> {
    return this.waiters.wait(position, timeoutMs);
  }

  status(): Promise<ProjectionStatus> {
    return runnerStatus({
      eventStore: this.eventStore,
      versions: this.versions,
      stallAfterMs: this.settings.stallAfterMs,
      now: this.settings.now,
      isRunning: () => this.isRunning,
    });
  }

  // ---- the loop -----------------------------------------------------------

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        for (const lane of [this.versions.requireActive(), this.versions.rebuild]) {
          if (this.stopping || !lane?.definition || Date.now() < lane.retryAt) continue;
          const definition = lane.definition;
          worked = (await this.serial.run(() => this.catchUp.step(lane, definition))) || worked;
        }
        if (!this.stopping && this.rebuilds.canSwap()) {
          await this.serial.run(() => this.rebuilds.swap());
          worked = true;
        }
      } catch (error) {
        // step() records its own failures; this is the state write of a swap or a bug: log, wait, go on.
        this.settings.logger.error(
          { projection: this.name, err: error },
          'projection runner loop failed',
        );
        if (error instanceof ProjectionStateConflictError) {
          // Someone else changed the state (a second runner: see the class comment). Work from theirs.
          this.versions.state =
            (await this.store.loadState(this.name).catch(() => undefined)) ?? this.versions.state;
        }
        await this.wakeUp.idle(this.settings.retryMaxDelayMs, this.stopping);
        continue;
      }
      if (!worked && !this.stopping) await this.wakeUp.idle(this.idleDelay(), this.stopping);
    }
  }

  /** Until the next poll, or sooner when a failing lane's retry is due. */
  private idleDelay(): number {
    const retries = [this.versions.active, this.versions.rebuild]
      .filter((lane): lane is Lane => lane !== undefined && lane.retryAt > 0)
      .map((lane) => lane.retryAt - Date.now());
    return Math.max(1, Math.min(this.settings.pollIntervalMs, ...retries));
  }
}
