import type { ProjectionState, ReadModelGeneration } from '../read-model/read-model-store.port';
import type { ReadModelTable } from '../read-model/read-model.types';
import type { ProjectionDefinition } from './projection.definition';
import { readModelTable, type Lane } from './projection.lane';

/**
 * What a runner holds of its projection: the durable state, the lane of the
 * version that serves queries, the lane of the version rebuilt beside it, and
 * the definition that writes the serving version (the rebuilt one's after a
 * swap). Shared by the start-up, the loop, the rebuild and the status.
 */
export class ProjectionVersions {
  state: ProjectionState | undefined;
  active: Lane | undefined;
  rebuild: Lane | undefined;

  constructor(public definition: ProjectionDefinition) {}

  /** The projection's name: the same for every version (a rebuild checks it). */
  get name(): string {
    return this.definition.name;
  }

  /** The position the serving version has applied (0 before start). */
  get appliedPosition(): number {
    return this.active?.position ?? 0;
  }

  tableOf(generation: ReadModelGeneration): ReadModelTable {
    return readModelTable(this.name, generation);
  }

  requireActive(): Lane {
    if (!this.active) throw new Error(`Projection ${this.name} is not started`);
    return this.active;
  }

  requireState(): ProjectionState {
    if (!this.state) throw new Error(`Projection ${this.name} is not started`);
    return this.state;
  }
}

export function generationOf(
  definition: ProjectionDefinition,
  generation: number,
  createdAt: Date,
): ReadModelGeneration {
  return {
    generation,
    definitionVersion: definition.version,
    fields: definition.fields,
    createdAt: createdAt.toISOString(),
  };
}

export function withoutRebuild(state: ProjectionState): ProjectionState {
  const { rebuild: _rebuild, ...rest } = state;
  return rest;
}
