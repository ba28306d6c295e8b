import type { EventStore } from '@sfp/event-sourcing';
import { ReadModelCollection } from '../read-model/read-model.collection';
import { InvalidQueryError, InvalidReadModelError } from '../read-model/read-model.errors';
import type {
  ProjectionState,
  ReadModelGeneration,
  ReadModelStore,
} from '../read-model/read-model-store.port';
import {
  physicalName,
  type ReadModelDocument,
  type ReadModelTable,
} from '../read-model/read-model.types';
import type { FindQuery, Page, ReadModelFilter } from '../read-model/query/read-model.query';
import type { ProjectionDefinition } from './projection.definition';
import {
  PositionBeyondHeadError,
  ProjectionTimeoutError,
  UnknownProjectionError,
} from './projection.errors';
import {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type RebuildHandle,
} from './projection.runner';
import { describeVersion, type ProjectionStatus, type VersionSnapshot } from './projection.status';

export interface ProjectionEngineOptions extends ProjectionRunnerOptions {
  eventStore: EventStore;
  store: ReadModelStore;
}

/** The query side of one projection: always the version that currently serves. */
export interface ProjectionReadModel<TDoc extends object> {
  get(id: string): Promise<TDoc | undefined>;
  getDocument(id: string): Promise<ReadModelDocument<TDoc> | undefined>;
  /** The live documents of these ids, keyed by id, in one query per few hundred ids. */
  getMany(ids: readonly string[]): Promise<Map<string, TDoc>>;
  find(query?: FindQuery): Promise<Page<TDoc>>;
  count(filter?: ReadModelFilter): Promise<number>;
}

/**
 * The projections of a process: runs those registered here, and answers for
 * any projection in the store. A process that only serves queries (no runner
 * registered) reads the durable state: which version serves, checkpoints,
 * errors, so status, queries and read-your-writes work there too.
 */
export class ProjectionEngine {
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly eventStore: EventStore;
  private readonly store: ReadModelStore;
  private readonly pollIntervalMs: number;
  private readonly stallAfterMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: ProjectionEngineOptions) {
    this.eventStore = options.eventStore;
    this.store = options.store;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.stallAfterMs = options.stallAfterMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Adds a projection to run here (started by `start()`). `previousVersions`:
   * older definitions still in the code, which keep the serving version
   * updated while a version bump rebuilds.
   */
  register<TDoc extends object>(
    definition: ProjectionDefinition<TDoc>,
    options: { previousVersions?: readonly ProjectionDefinition<TDoc>[] } = {},
  ): ProjectionRunner {
    if (this.runners.has(definition.name)) {
      throw new InvalidReadModelError(`Projection ${definition.name} is registered twice`);
    }
    // Handlers take a ViewWriter of their own document type; the runner drives them untyped.
    const runner = new ProjectionRunner(
      definition as unknown as ProjectionDefinition,
      this.eventStore,
      this.store,
      this.options,
      (options.previousVersions ?? []) as unknown as ProjectionDefinition[],
    );
    this.runners.set(definition.name, runner);
    return runner;
  }

  /** Starts every registered runner not started yet. */
  async start(): Promise<void> {
    for (const runner of this.runners.values()) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** Tells the local runners that events were appended (they would find them at their next poll anyway). */
  wake(): void {
    for (const runner of this.runners.values()) runner.wake();
  }

  runner(name: string): ProjectionRunner | undefined {
    return this.runners.get(name);
  }

  readModel<TDoc extends object = Record<string, unknown>>(
    name: string,
  ): ProjectionReadModel<TDoc> {
    const collection = async (): Promise<ReadModelCollection<TDoc>> =>
      new ReadModelCollection<TDoc>(this.store, await this.servingTable(name));
    return {
      get: async (id) => (await collection()).get(id),
      getDocument: async (id) => (await collection()).getDocument(id),
      getMany: async (ids) => (await collection()).getMany(ids),
      find: async (query) => (await collection()).find(query),
      count: async (filter) => (await collection()).count(filter),
    };
  }

  /**
   * Read your writes: resolves once `name` has applied `position` (the
   * position a command's response carried), or rejects with
   * ProjectionTimeoutError after `timeoutMs` (503 with Retry-After). A
   * position beyond the event store's head is refused at once with
   * PositionBeyondHeadError (400), without waiting.
   */
  async waitForPosition(name: string, position: number, timeoutMs: number): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 0) {
      throw new InvalidQueryError(name, [
        { field: 'position', message: 'must be a non-negative integer' },
      ]);
    }
    const runner = this.runners.get(name);
    if (runner?.isRunning && runner.appliedPosition >= position) return;
    // A position no event has yet was not answered to any command: waiting for
    // it would hold the request until the time-out (and a cheap request would
    // tie up the server). Refused at once instead.
    const head = await this.eventStore.headPosition();
    if (position > head) throw new PositionBeyondHeadError(name, position, head);
    if (runner?.isRunning) return runner.waitForPosition(position, timeoutMs);
    // The runner is elsewhere: its checkpoint is committed after its documents, so it is a safe signal.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.requireState(name);
      const checkpoint = await this.store.loadCheckpoint(
        physicalName(this.tableOf(name, state.active)),
      );
      const applied = checkpoint?.position ?? 0;
      if (applied >= position) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new ProjectionTimeoutError(name, position, applied, timeoutMs);
      await sleep(Math.min(this.pollIntervalMs, remaining));
    }
  }

  async status(name: string): Promise<ProjectionStatus> {
    const runner = this.runners.get(name);
    if (runner?.isRunning) return runner.status();
    const state = await this.requireState(name);
    const headPosition = await this.eventStore.headPosition();
    const now = this.now();
    const serving = await describeVersion(
      this.eventStore,
      await this.durableSnapshot(name, state.active),
      headPosition,
      now,
      this.stallAfterMs,
    );
    const rebuild = state.rebuild
      ? {
          ...(await describeVersion(
            this.eventStore,
            await this.durableSnapshot(name, state.rebuild),
            headPosition,
            now,
            this.stallAfterMs,
          )),
          startedAt: state.rebuild.createdAt,
        }
      : null;
    return {
      name,
      state:
        serving.stalledSince || rebuild?.stalledSince
          ? 'stalled'
          : rebuild
            ? 'rebuilding'
            : 'running',
      ...serving,
      headPosition,
      local: false,
      rebuild,
      checkedAt: now.toISOString(),
    };
  }

  /** The status of every projection run here or known to the store, by name. */
  async statuses(): Promise<ProjectionStatus[]> {
    const names = new Set([
      ...this.runners.keys(),
      ...(await this.store.listStates()).map((s) => s.name),
    ]);
    const statuses = await Promise.all(
      [...names].sort().map((name) =>
        // A projection registered here but never started has no state yet: nothing to report.
        this.status(name).catch((error: unknown) => {
          if (error instanceof UnknownProjectionError) return undefined;
          throw error;
        }),
      ),
    );
    return statuses.filter((status): status is ProjectionStatus => status !== undefined);
  }

  /** Starts a rebuild of a projection run here (see ProjectionRunner.rebuild). */
  async rebuild<TDoc extends object>(
    name: string,
    next?: ProjectionDefinition<TDoc>,
  ): Promise<RebuildHandle> {
    const runner = this.runners.get(name);
    if (!runner) throw new UnknownProjectionError(name);
    return next ? runner.rebuild(next as unknown as ProjectionDefinition) : runner.rebuild();
  }

  private async servingTable(name: string): Promise<ReadModelTable> {
    const runner = this.runners.get(name);
    if (runner?.isRunning) return runner.activeTable();
    return this.tableOf(name, (await this.requireState(name)).active);
  }

  private async requireState(name: string): Promise<ProjectionState> {
    const state = await this.store.loadState(name);
    if (!state) throw new UnknownProjectionError(name);
    return state;
  }

  private async durableSnapshot(
    name: string,
    generation: ReadModelGeneration,
  ): Promise<VersionSnapshot> {
    const checkpoint = await this.store.loadCheckpoint(
      physicalName(this.tableOf(name, generation)),
    );
    return {
      projection: name,
      generation,
      position: checkpoint?.position ?? 0,
      advancedAt: new Date(checkpoint?.updatedAt ?? generation.createdAt),
      ...(checkpoint?.lastError ? { lastError: checkpoint.lastError } : {}),
    };
  }

  private tableOf(name: string, generation: ReadModelGeneration): ReadModelTable {
    return { projection: name, generation: generation.generation, fields: generation.fields };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
