import type { ReadModelGeneration, ReadModelStore } from '../read-model/read-model-store.port';
import type { ProjectionDefinition } from './projection.definition';
import {
  ProjectionStoppedError,
  ProjectionVersionError,
  RebuildInProgressError,
} from './projection.errors';
import type { ProjectionLogger } from './projection-runner.options';
import type { LaneOpener } from './projection.lane';
import { generationOf, withoutRebuild, type ProjectionVersions } from './projection.versions';
import type { SerialQueue } from './serial.queue';

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

export interface ProjectionRebuildOptions {
  versions: ProjectionVersions;
  store: ReadModelStore;
  lanes: LaneOpener;
  /** Where the drop of a replaced version runs, one at a time with the runner's other state changes. */
  serial: SerialQueue;
  /** Called once the rebuilt version serves (its position may be ahead of the old one's). */
  onSwapped: () => void;
  dropGraceMs: number;
  now: () => Date;
  logger: ProjectionLogger;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Rebuild: a second lane builds generation n+1 from position 0 beside the
 * serving one, which keeps being updated and serving queries. When the new
 * lane has reached the head and is at least as far as the serving one, the
 * state is switched in one compare-and-set write (the swap), and the old
 * version is dropped after a grace delay. Positions seen by queries never go
 * backwards across a swap.
 */
export class ProjectionRebuild {
  private done: Deferred<RebuildResult> | undefined;
  private readonly dropTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: ProjectionRebuildOptions) {}

  /** Starts building a new read-model version with `next`; refused while one is under way. */
  async begin(next: ProjectionDefinition): Promise<RebuildHandle> {
    const { versions, store, lanes } = this.options;
    const name = versions.name;
    const state = versions.requireState();
    if (versions.rebuild)
      throw new RebuildInProgressError(name, versions.rebuild.generation.generation);
    if (next.name !== name)
      throw new Error(`Cannot rebuild ${name} with the definition of ${next.name}`);
    if (next.version < state.active.definitionVersion) {
      throw new ProjectionVersionError(
        name,
        `cannot rebuild with version ${next.version}: the read model is at version ${state.active.definitionVersion}`,
      );
    }
    const used = [state.active, ...state.retired, ...(state.rebuild ? [state.rebuild] : [])];
    const generation = generationOf(
      next,
      Math.max(...used.map((g) => g.generation)) + 1,
      this.options.now(),
    );
    const table = versions.tableOf(generation);
    // Clears what an abandoned rebuild may have left under this number.
    await store.dropTable(table);
    await store.ensureTable(table);
    versions.state = await store.saveState({ ...state, rebuild: generation });
    versions.rebuild = await lanes.open(generation, next);
    this.done = deferred();
    this.options.logger.info(
      { projection: name, generation: generation.generation },
      'projection rebuild started',
    );
    return { generation: generation.generation, done: this.done.promise };
  }

  /** Takes up the rebuild a stopped runner left under way, where its checkpoint is. */
  async resume(generation: ReadModelGeneration, definition: ProjectionDefinition): Promise<void> {
    const { versions, lanes } = this.options;
    versions.rebuild = await lanes.open(generation, definition);
    this.done = deferred();
    this.options.logger.info(
      { projection: versions.name, generation: generation.generation },
      'projection rebuild resumed',
    );
  }

  /** The rebuilt version has reached the head and is at least as far as the serving one. */
  canSwap(): boolean {
    const { versions } = this.options;
    const rebuild = versions.rebuild;
    return !!rebuild?.caughtUp && rebuild.position >= versions.requireActive().position;
  }

  /** Makes the rebuilt version serve queries, and schedules the drop of the old one. */
  async swap(): Promise<void> {
    const { versions, store } = this.options;
    const rebuild = versions.rebuild;
    const old = versions.requireActive();
    if (!rebuild) return;
    const state = versions.requireState();
    versions.state = await store.saveState({
      ...withoutRebuild(state),
      active: rebuild.generation,
      retired: [...state.retired, old.generation],
    });
    versions.active = rebuild;
    versions.rebuild = undefined;
    old.follower.stop();
    if (rebuild.definition) versions.definition = rebuild.definition;
    this.options.onSwapped();
    const swappedAt = this.options.now().toISOString();
    const result: RebuildResult = {
      projection: versions.name,
      generation: rebuild.generation.generation,
      version: rebuild.generation.definitionVersion,
      position: rebuild.position,
      startedAt: rebuild.generation.createdAt,
      swappedAt,
    };
    this.done?.resolve(result);
    this.done = undefined;
    this.options.logger.info(
      { ...result, replaced: old.generation.generation },
      'projection rebuilt: new version serves queries',
    );
    this.scheduleDrop(old.generation);
  }

  /** The runner stops: replaced versions wait for the next start to be dropped. */
  cancelDrops(): void {
    for (const timer of this.dropTimers) clearTimeout(timer);
    this.dropTimers.clear();
  }

  /** The runner stops: the rebuild under way is rejected with ProjectionStoppedError (it resumes at the next start). */
  abandon(): void {
    this.done?.reject(new ProjectionStoppedError(this.options.versions.name));
    this.done = undefined;
    this.options.versions.rebuild = undefined;
  }

  private scheduleDrop(generation: ReadModelGeneration): void {
    const { versions, store, serial, logger } = this.options;
    const timer = setTimeout(() => {
      this.dropTimers.delete(timer);
      serial
        .run(async () => {
          await store.dropTable(versions.tableOf(generation));
          const state = versions.requireState();
          versions.state = await store.saveState({
            ...state,
            retired: state.retired.filter((g) => g.generation !== generation.generation),
          });
        })
        .catch((error: unknown) =>
          // Still listed as retired: the next start drops it.
          logger.warn(
            { projection: versions.name, generation: generation.generation, err: error },
            'could not drop a replaced read-model version',
          ),
        );
    }, this.options.dropGraceMs);
    this.dropTimers.add(timer);
  }
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
