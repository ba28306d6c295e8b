import { ProjectionStateConflictError } from '../read-model/read-model.errors';
import type {
  ProjectionState,
  ReadModelGeneration,
  ReadModelStore,
} from '../read-model/read-model-store.port';
import { sameFields } from '../read-model/read-model.types';
import type { ProjectionDefinition } from './projection.definition';
import { ProjectionVersionError } from './projection.errors';
import type { ProjectionLogger } from './projection-runner.options';
import type { LaneOpener } from './projection.lane';
import type { ProjectionRebuild } from './projection.rebuild';
import { generationOf, withoutRebuild, type ProjectionVersions } from './projection.versions';

export interface ProjectionStartUpOptions {
  versions: ProjectionVersions;
  store: ReadModelStore;
  lanes: LaneOpener;
  rebuild: ProjectionRebuild;
  /** Definitions of older versions still deployed, to keep their read model updated during an upgrade's rebuild. */
  previousVersions: readonly ProjectionDefinition[];
  now: () => Date;
  logger: ProjectionLogger;
}

/**
 * Loads or creates the projection's state and opens its lanes. A definition
 * newer than the read model starts a rebuild; an older one is refused (old
 * code must not write into a newer read model).
 */
export class ProjectionStartUp {
  constructor(private readonly options: ProjectionStartUpOptions) {}

  async open(): Promise<void> {
    const { versions, store, lanes, rebuild: rebuilds, logger } = this.options;
    const definition = versions.definition;
    const name = versions.name;
    let state = await store.loadState(definition.name);
    if (!state) state = await this.create(definition);
    const active = state.active;
    if (active.definitionVersion > definition.version) {
      throw new ProjectionVersionError(
        name,
        `the read model was built by version ${active.definitionVersion}; this code is version ${definition.version}`,
      );
    }
    if (
      active.definitionVersion === definition.version &&
      !sameFields(active.fields, definition.fields)
    ) {
      throw new ProjectionVersionError(name, 'its fields changed without a version bump');
    }
    // Versions retired before a crash: nothing reads them any more.
    for (const retired of state.retired) await store.dropTable(versions.tableOf(retired));
    if (state.retired.length > 0) state = await store.saveState({ ...state, retired: [] });
    versions.state = state;
    versions.active = await lanes.open(active, this.definitionFor(active));

    const rebuild = state.rebuild;
    if (
      rebuild &&
      rebuild.definitionVersion === definition.version &&
      sameFields(rebuild.fields, definition.fields)
    ) {
      await rebuilds.resume(rebuild, definition);
    } else if (rebuild) {
      if (rebuild.definitionVersion > definition.version) {
        throw new ProjectionVersionError(
          name,
          `a rebuild by version ${rebuild.definitionVersion} is under way; this code is version ${definition.version}`,
        );
      }
      // A rebuild by older code: its work is useless to this version.
      await store.dropTable(versions.tableOf(rebuild));
      versions.state = await store.saveState(withoutRebuild(state));
    }
    if (!versions.rebuild && active.definitionVersion < definition.version) {
      const { generation } = await rebuilds.begin(definition);
      logger.info(
        {
          projection: name,
          from: active.definitionVersion,
          to: definition.version,
          generation,
        },
        'projection definition is newer than its read model: rebuilding',
      );
    }
  }

  private async create(definition: ProjectionDefinition): Promise<ProjectionState> {
    const { versions, store } = this.options;
    const generation = generationOf(definition, 1, this.options.now());
    await store.ensureTable(versions.tableOf(generation));
    try {
      return await store.saveState({
        name: definition.name,
        revision: 0,
        active: generation,
        retired: [],
      });
    } catch (error) {
      if (!(error instanceof ProjectionStateConflictError)) throw error;
      // Another runner created it first: use its state.
      const state = await store.loadState(definition.name);
      if (!state) throw error;
      return state;
    }
  }

  private definitionFor(generation: ReadModelGeneration): ProjectionDefinition | undefined {
    const candidates = [this.options.versions.definition, ...this.options.previousVersions];
    return candidates.find(
      (candidate) =>
        candidate.version === generation.definitionVersion &&
        sameFields(candidate.fields, generation.fields),
    );
  }
}
