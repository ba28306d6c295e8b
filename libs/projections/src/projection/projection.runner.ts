import { FeedFollower, type EventStore, type RecordedEvent } from '@sfp/event-sourcing';
import { InvalidQueryError, ProjectionStateConflictError } from '../read-model/read-model.errors';
import type {
  ProjectionErrorRecord,
  ProjectionState,
  ReadModelGeneration,
  ReadModelStore,
} from '../read-model/read-model-store.port';
import { physicalName, sameFields, type ReadModelTable } from '../read-model/read-model.types';
import { handlerFor, type ProjectionDefinition } from './projection.definition';
import {
  ProjectionStoppedError,
  ProjectionTimeoutError,
  ProjectionVersionError,
  RebuildInProgressError,
} from './projection.errors';
import { describeVersion, type ProjectionStatus, type VersionSnapshot } from './projection.status';
import { ViewUnitOfWork } from './view.unit-of-work';

/** pino-compatible: `logger.warn({ projection, ... }, 'message')`. */
export interface ProjectionLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ProjectionRunnerOptions {
  /** Events read and committed per batch (default 500): one checkpoint write per batch. */
  batchSize?: number;
  /** How often an idle runner looks for new events (default 50 ms); `wake()` looks at once. */
  pollIntervalMs?: number;
  /**
   * With a store that has an appended feed, the runner takes this process's
   * appends from memory (and wakes by itself when they come), and asks the
   * store for other instances' appends at most this often while caught up
   * (default 100 ms). See FeedFollower.
   */
  storePollMs?: number;
  /** No advance for this long while events wait = stalled (default 30 s). */
  stallAfterMs?: number;
  /** Backoff of a failing event: doubles from the initial delay up to the maximum (default 100 ms, 30 s). */
  retryInitialDelayMs?: number;
  retryMaxDelayMs?: number;
  /** How long a replaced read-model version stays after a swap, for queries already under way (default 5 s). */
  dropGraceMs?: number;
  /** The clock of recorded times and of the stall rule (default: the system clock). */
  now?: () => Date;
  logger?: ProjectionLogger;
}

export interface RebuildResult {
  projection: string;
  generation: number;
  version: number;
  /** The position the new version had applied when it started serving. */
  position: number;
  startedAt: string;
  swappedAt: string;
}

export interface RebuildHandle {
  generation: number;
  /** Resolves when the new version serves queries; rejects with ProjectionStoppedError if the runner stops first (it resumes at the next start). */
  done: Promise<RebuildResult>;
}

/** One read-model version being kept up to date. */
interface Lane {
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

interface Waiter {
  position: number;
  resolve(): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

const SILENT: ProjectionLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Keeps one projection's read model up to date from the event store.
 *
 * It reads the store in batches from its durable checkpoint, applies the
 * handlers through a buffered ViewWriter, and commits the batch's writes with
 * the checkpoint in one store call. Writes are guarded by position, so a
 * batch replayed after a crash changes nothing.
 *
 * A failing handler never skips its event: the events before it are committed,
 * the error is recorded in the checkpoint and the status, and the event is
 * retried with exponential backoff until it passes (or the code is fixed and
 * redeployed). Meanwhile the position stops, which the stall rule reports.
 *
 * Rebuild: a second lane builds generation n+1 from position 0 beside the
 * serving one, which keeps being updated and serving queries. Both lanes run
 * in the same loop, one batch each in turn. When the new lane has reached the
 * head and is at least as far as the serving one, the state is switched in
 * one compare-and-set write (the swap), and the old version is dropped after
 * a grace delay. Positions seen by queries never go backwards across a swap.
 *
 * One runner per projection at a time; a second one is harmless for the data
 * (guarded writes), and state changes are compare-and-set.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly storePollMs: number;
  private readonly stallAfterMs: number;
  private readonly retryInitialDelayMs: number;
  private readonly retryMaxDelayMs: number;
  private readonly dropGraceMs: number;
  private readonly now: () => Date;
  private readonly logger: ProjectionLogger;

  private definition: ProjectionDefinition;
  private state: ProjectionState | undefined;
  private active: Lane | undefined;
  private rebuildLane: Lane | undefined;
  private rebuildDone: Deferred<RebuildResult> | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  /** A wake() that came while the loop was busy: the next idle() returns at once. */
  private wakePending = false;
  private serial: Promise<unknown> = Promise.resolve();
  private readonly waiters = new Set<Waiter>();
  private readonly dropTimers = new Set<NodeJS.Timeout>();

  constructor(
    definition: ProjectionDefinition,
    private readonly eventStore: EventStore,
    private readonly store: ReadModelStore,
    options: ProjectionRunnerOptions = {},
    /** Definitions of older versions still deployed, to keep their read model updated during an upgrade's rebuild. */
    private readonly previousVersions: readonly ProjectionDefinition[] = [],
  ) {
    this.definition = definition;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.storePollMs = options.storePollMs ?? 100;
    this.stallAfterMs = options.stallAfterMs ?? 30_000;
    this.retryInitialDelayMs = options.retryInitialDelayMs ?? 100;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? 30_000;
    this.dropGraceMs = options.dropGraceMs ?? 5_000;
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? SILENT;
  }

  get name(): string {
    return this.definition.name;
  }

  get isRunning(): boolean {
    return this.loop !== undefined;
  }

  /** The position the serving version has applied (0 before start). */
  get appliedPosition(): number {
    return this.active?.position ?? 0;
  }

  /** The read-model version that serves queries. */
  activeTable(): ReadModelTable {
    return this.requireActive().table;
  }

  /**
   * Loads or creates the projection's state and starts following the store.
   * A definition newer than the read model starts a rebuild; an older one is
   * refused (old code must not write into a newer read model).
   */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    await this.exclusive(() => this.open());
    this.loop = this.run();
  }

  /** Stops after the batch under way; waiters and a pending rebuild are rejected with ProjectionStoppedError. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = undefined;
    this.active?.follower.stop();
    this.rebuildLane?.follower.stop();
    for (const timer of this.dropTimers) clearTimeout(timer);
    this.dropTimers.clear();
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new ProjectionStoppedError(this.name));
    }
    this.waiters.clear();
    this.rebuildDone?.reject(new ProjectionStoppedError(this.name));
    this.rebuildDone = undefined;
    this.rebuildLane = undefined;
  }

  /** Looks for new events now instead of at the next poll (call it after an append in the same process). */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    if (wakeUp) wakeUp();
    else this.wakePending = true;
  }

  /**
   * Rebuilds from zero into a new read-model version, with `next` (default:
   * the current definition) while the current version keeps serving and
   * being updated. Returns once the rebuild has started.
   */
  async rebuild(next: ProjectionDefinition = this.definition): Promise<RebuildHandle> {
    if (!this.loop) throw new Error(`Start projection ${this.name} before rebuilding it`);
    const handle = await this.exclusive(() => this.beginRebuild(next));
    this.wake();
    return handle;
  }

  /** Resolves once the serving version has applied `position`; rejects with ProjectionTimeoutError after `timeoutMs`. */
  waitForPosition(position: number, timeoutMs: number): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 0) {
      return Promise.reject(
        new InvalidQueryError(this.name, [
          { field: 'position', message: 'must be a non-negative integer' },
        ]),
      );
    }
    if (this.appliedPosition >= position) return Promise.resolve();
    if (!this.loop) return Promise.reject(new ProjectionStoppedError(this.name));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(
          () => {
            this.waiters.delete(waiter);
            reject(
              new ProjectionTimeoutError(this.name, position, this.appliedPosition, timeoutMs),
            );
          },
          Math.max(0, timeoutMs),
        ),
      };
      this.waiters.add(waiter);
    });
  }

  async status(): Promise<ProjectionStatus> {
    const active = this.requireActive();
    const rebuild = this.rebuildLane;
    const headPosition = await this.eventStore.headPosition();
    const now = this.now();
    const serving = await describeVersion(
      this.eventStore,
      this.snapshot(active),
      headPosition,
      now,
      this.stallAfterMs,
    );
    const rebuilding = rebuild
      ? {
          ...(await describeVersion(
            this.eventStore,
            this.snapshot(rebuild),
            headPosition,
            now,
            this.stallAfterMs,
          )),
          startedAt: rebuild.generation.createdAt,
        }
      : null;
    return {
      name: this.name,
      state:
        serving.stalledSince || rebuilding?.stalledSince
          ? 'stalled'
          : rebuilding
            ? 'rebuilding'
            : 'running',
      ...serving,
      headPosition,
      local: this.loop !== undefined,
      rebuild: rebuilding,
      checkedAt: now.toISOString(),
    };
  }

  // ---- start-up -----------------------------------------------------------

  private async open(): Promise<void> {
    const definition = this.definition;
    let state = await this.store.loadState(definition.name);
    if (!state) state = await this.create(definition);
    const active = state.active;
    if (active.definitionVersion > definition.version) {
      throw new ProjectionVersionError(
        this.name,
        `the read model was built by version ${active.definitionVersion}; this code is version ${definition.version}`,
      );
    }
    if (
      active.definitionVersion === definition.version &&
      !sameFields(active.fields, definition.fields)
    ) {
      throw new ProjectionVersionError(this.name, 'its fields changed without a version bump');
    }
    // Versions retired before a crash: nothing reads them any more.
    for (const retired of state.retired) await this.store.dropTable(this.tableOf(retired));
    if (state.retired.length > 0) state = await this.store.saveState({ ...state, retired: [] });
    this.state = state;
    this.active = await this.openLane(active, this.definitionFor(active));

    const rebuild = state.rebuild;
    if (
      rebuild &&
      rebuild.definitionVersion === definition.version &&
      sameFields(rebuild.fields, definition.fields)
    ) {
      this.rebuildLane = await this.openLane(rebuild, definition);
      this.rebuildDone = deferred();
      this.logger.info(
        { projection: this.name, generation: rebuild.generation },
        'projection rebuild resumed',
      );
    } else if (rebuild) {
      if (rebuild.definitionVersion > definition.version) {
        throw new ProjectionVersionError(
          this.name,
          `a rebuild by version ${rebuild.definitionVersion} is under way; this code is version ${definition.version}`,
        );
      }
      // A rebuild by older code: its work is useless to this version.
      await this.store.dropTable(this.tableOf(rebuild));
      this.state = await this.store.saveState(withoutRebuild(state));
    }
    if (!this.rebuildLane && active.definitionVersion < definition.version) {
      const { generation } = await this.beginRebuild(definition);
      this.logger.info(
        {
          projection: this.name,
          from: active.definitionVersion,
          to: definition.version,
          generation,
        },
        'projection definition is newer than its read model: rebuilding',
      );
    }
  }

  private async create(definition: ProjectionDefinition): Promise<ProjectionState> {
    const generation = this.generationOf(definition, 1);
    await this.store.ensureTable(this.tableOf(generation));
    try {
      return await this.store.saveState({
        name: definition.name,
        revision: 0,
        active: generation,
        retired: [],
      });
    } catch (error) {
      if (!(error instanceof ProjectionStateConflictError)) throw error;
      // Another runner created it first: use its state.
      const state = await this.store.loadState(definition.name);
      if (!state) throw error;
      return state;
    }
  }

  private definitionFor(generation: ReadModelGeneration): ProjectionDefinition | undefined {
    const candidates = [this.definition, ...this.previousVersions];
    return candidates.find(
      (candidate) =>
        candidate.version === generation.definitionVersion &&
        sameFields(candidate.fields, generation.fields),
    );
  }

  private async openLane(
    generation: ReadModelGeneration,
    definition: ProjectionDefinition | undefined,
  ): Promise<Lane> {
    const table = this.tableOf(generation);
    await this.store.ensureTable(table);
    const checkpoint = await this.store.loadCheckpoint(physicalName(table));
    // Listens before the first read: what is appended from now on is in memory when the lane gets there.
    const follower = new FeedFollower(this.eventStore, {
      storePollMs: this.storePollMs,
      onEvents: () => this.wake(),
    });
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

  // ---- rebuild and swap ---------------------------------------------------

  private async beginRebuild(next: ProjectionDefinition): Promise<RebuildHandle> {
    const state = this.requireState();
    if (this.rebuildLane)
      throw new RebuildInProgressError(this.name, this.rebuildLane.generation.generation);
    if (next.name !== this.name)
      throw new Error(`Cannot rebuild ${this.name} with the definition of ${next.name}`);
    if (next.version < state.active.definitionVersion) {
      throw new ProjectionVersionError(
        this.name,
        `cannot rebuild with version ${next.version}: the read model is at version ${state.active.definitionVersion}`,
      );
    }
    const used = [state.active, ...state.retired, ...(state.rebuild ? [state.rebuild] : [])];
    const generation = this.generationOf(next, Math.max(...used.map((g) => g.generation)) + 1);
    const table = this.tableOf(generation);
    // Clears what an abandoned rebuild may have left under this number.
    await this.store.dropTable(table);
    await this.store.ensureTable(table);
    this.state = await this.store.saveState({ ...state, rebuild: generation });
    this.rebuildLane = await this.openLane(generation, next);
    this.rebuildDone = deferred();
    this.logger.info(
      { projection: this.name, generation: generation.generation },
      'projection rebuild started',
    );
    return { generation: generation.generation, done: this.rebuildDone.promise };
  }

  private async swap(): Promise<void> {
    const rebuild = this.rebuildLane;
    const old = this.requireActive();
    if (!rebuild) return;
    const state = this.requireState();
    this.state = await this.store.saveState({
      ...withoutRebuild(state),
      active: rebuild.generation,
      retired: [...state.retired, old.generation],
    });
    this.active = rebuild;
    this.rebuildLane = undefined;
    old.follower.stop();
    if (rebuild.definition) this.definition = rebuild.definition;
    this.settleWaiters();
    const swappedAt = this.now().toISOString();
    const result: RebuildResult = {
      projection: this.name,
      generation: rebuild.generation.generation,
      version: rebuild.generation.definitionVersion,
      position: rebuild.position,
      startedAt: rebuild.generation.createdAt,
      swappedAt,
    };
    this.rebuildDone?.resolve(result);
    this.rebuildDone = undefined;
    this.logger.info(
      { ...result, replaced: old.generation.generation },
      'projection rebuilt: new version serves queries',
    );
    this.scheduleDrop(old.generation);
  }

  private scheduleDrop(generation: ReadModelGeneration): void {
    const timer = setTimeout(() => {
      this.dropTimers.delete(timer);
      this.exclusive(async () => {
        await this.store.dropTable(this.tableOf(generation));
        const state = this.requireState();
        this.state = await this.store.saveState({
          ...state,
          retired: state.retired.filter((g) => g.generation !== generation.generation),
        });
      }).catch((error: unknown) =>
        // Still listed as retired: the next start drops it.
        this.logger.warn(
          { projection: this.name, generation: generation.generation, err: error },
          'could not drop a replaced read-model version',
        ),
      );
    }, this.dropGraceMs);
    this.dropTimers.add(timer);
  }

  // ---- the loop -----------------------------------------------------------

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        for (const lane of [this.requireActive(), this.rebuildLane]) {
          if (this.stopping || !lane?.definition || Date.now() < lane.retryAt) continue;
          const definition = lane.definition;
          worked = (await this.exclusive(() => this.step(lane, definition))) || worked;
        }
        const rebuild = this.rebuildLane;
        if (
          !this.stopping &&
          rebuild?.caughtUp &&
          rebuild.position >= this.requireActive().position
        ) {
          await this.exclusive(() => this.swap());
          worked = true;
        }
      } catch (error) {
        // step() records its own failures; this is the state write of a swap or a bug: log, wait, go on.
        this.logger.error({ projection: this.name, err: error }, 'projection runner loop failed');
        if (error instanceof ProjectionStateConflictError) {
          // Someone else changed the state (a second runner: see the class comment). Work from theirs.
          this.state = (await this.store.loadState(this.name).catch(() => undefined)) ?? this.state;
        }
        await this.idle(this.retryMaxDelayMs);
        continue;
      }
      if (!worked && !this.stopping) await this.idle(this.idleDelay());
    }
  }

  /** Reads one batch, applies it, commits writes and checkpoint together. True when it made progress. */
  private async step(lane: Lane, definition: ProjectionDefinition): Promise<boolean> {
    let events: RecordedEvent[];
    let source: 'feed' | 'store' | 'none';
    try {
      ({ events, source } = await lane.follower.read(lane.position, this.batchSize));
    } catch (error) {
      await this.failed(
        lane,
        errorRecord(error, 'store', lane.position + 1, undefined, lane.attempts + 1, this.now()),
      );
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
    const now = this.now();
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
      await this.store.write({
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
      await this.failed(
        lane,
        errorRecord(
          error,
          'store',
          events[0]?.position ?? lane.position + 1,
          events[0],
          lane.attempts + 1,
          now,
        ),
      );
      return false;
    }
    lane.lastError = lastError;
    if (advanced) {
      lane.position = pass.applied;
      lane.advancedAt = now;
      if (lane === this.active) this.settleWaiters();
    }
    if (pass.failure) {
      lane.attempts = attempts;
      this.scheduleRetry(lane, lastError as ProjectionErrorRecord);
      return advanced;
    }
    lane.attempts = 0;
    lane.retryAt = 0;
    // A short batch from the feed says nothing about other instances' appends.
    lane.caughtUp = source === 'store' && events.length < this.batchSize;
    return true;
  }

  private async apply(
    lane: Lane,
    definition: ProjectionDefinition,
    events: RecordedEvent[],
  ): Promise<{
    unitOfWork: ViewUnitOfWork<Record<string, unknown>>;
    applied: number;
    failure?: { error: unknown; event: RecordedEvent };
  }> {
    const unitOfWork = new ViewUnitOfWork<Record<string, unknown>>(this.store, lane.table);
    const streams = new Set<string>();
    for (const event of events) if (handlerFor(definition, event.type)) streams.add(event.streamId);
    if (lane.prefetchStreams && streams.size > 1) {
      try {
        await unitOfWork.prefetch(streams);
      } catch {
        // Only a read ahead: the handlers read what they need themselves.
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

  /** Records a failure that applied nothing, as durably as the store allows, and schedules the retry. */
  private async failed(lane: Lane, record: ProjectionErrorRecord): Promise<void> {
    lane.attempts = record.attempts;
    lane.lastError = record;
    this.scheduleRetry(lane, record);
    try {
      await this.store.saveCheckpoint({
        readModel: physicalName(lane.table),
        position: lane.position,
        updatedAt: lane.advancedAt.toISOString(),
        lastError: record,
      });
    } catch {
      // The store is what failed: the error stays in memory and in the status.
    }
  }

  private scheduleRetry(lane: Lane, record: ProjectionErrorRecord): void {
    const delay = Math.min(
      this.retryMaxDelayMs,
      this.retryInitialDelayMs * 2 ** Math.min(30, lane.attempts - 1),
    );
    lane.retryAt = Date.now() + delay;
    lane.caughtUp = false;
    this.logger.warn(
      {
        projection: this.name,
        generation: lane.generation.generation,
        error: record,
        retryInMs: delay,
      },
      'projection could not apply an event; retrying',
    );
  }

  private settleWaiters(): void {
    const position = this.appliedPosition;
    for (const waiter of this.waiters) {
      if (waiter.position > position) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private idleDelay(): number {
    const retries = [this.active, this.rebuildLane]
      .filter((lane): lane is Lane => lane !== undefined && lane.retryAt > 0)
      .map((lane) => lane.retryAt - Date.now());
    return Math.max(1, Math.min(this.pollIntervalMs, ...retries));
  }

  private idle(ms: number): Promise<void> {
    if (this.wakePending || this.stopping) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakePending = false;
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Runs state-changing work one at a time (the loop's batches, rebuild start, swap, drop). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.serial.then(work);
    this.serial = result.catch(() => undefined);
    return result;
  }

  // ---- helpers ------------------------------------------------------------

  private snapshot(lane: Lane): VersionSnapshot {
    return {
      projection: this.name,
      generation: lane.generation,
      position: lane.position,
      advancedAt: lane.advancedAt,
      ...(lane.lastError ? { lastError: lane.lastError } : {}),
      ...(lane.attempts > 0 && lane.retryAt > 0
        ? { retry: { attempts: lane.attempts, nextAttemptAt: new Date(lane.retryAt) } }
        : {}),
    };
  }

  private generationOf(definition: ProjectionDefinition, generation: number): ReadModelGeneration {
    return {
      generation,
      definitionVersion: definition.version,
      fields: definition.fields,
      createdAt: this.now().toISOString(),
    };
  }

  private tableOf(generation: ReadModelGeneration): ReadModelTable {
    return { projection: this.name, generation: generation.generation, fields: generation.fields };
  }

  private requireActive(): Lane {
    if (!this.active) throw new Error(`Projection ${this.name} is not started`);
    return this.active;
  }

  private requireState(): ProjectionState {
    if (!this.state) throw new Error(`Projection ${this.name} is not started`);
    return this.state;
  }
}

function withoutRebuild(state: ProjectionState): ProjectionState {
  const { rebuild: _rebuild, ...rest } = state;
  return rest;
}

function errorRecord(
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

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A rebuild nobody awaits must not become an unhandled rejection when the runner stops.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
