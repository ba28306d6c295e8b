import type { Snapshot } from './snapshot-store.port';

/** How a decider's state is snapshotted. */
export interface SnapshotPolicy<State> {
  /** Save a snapshot when an append takes the stream across a multiple of this many events. */
  every: number;
  /** The version of the state's shape. Bump it when State changes: older snapshots are then ignored. */
  schemaVersion: number;
  /** State -> plain JSON (default: the state itself, which must then be JSON). */
  toSnapshot?: (state: State) => unknown;
  /** Plain JSON -> State (default: the JSON itself). */
  fromSnapshot?: (state: unknown) => State;
}

/** True when an append from `previousVersion` to `nextVersion` crosses a multiple of `every`. */
export function crossesSnapshotBoundary(
  previousVersion: number,
  nextVersion: number,
  every: number,
): boolean {
  return Math.floor(nextVersion / every) > Math.floor(previousVersion / every);
}

export function validatePolicy(policy: SnapshotPolicy<unknown>): void {
  if (!Number.isInteger(policy.every) || policy.every < 1) {
    throw new TypeError(`Snapshot policy: every must be an integer >= 1 (got ${policy.every})`);
  }
  if (!Number.isInteger(policy.schemaVersion) || policy.schemaVersion < 1) {
    throw new TypeError(
      `Snapshot policy: schemaVersion must be an integer >= 1 (got ${policy.schemaVersion})`,
    );
  }
}

/** Whether a loaded snapshot may be tried: the same schema version and a valid version (loadState then checks it fits the stream). */
export function isUsable(snapshot: Snapshot, schemaVersion: number): boolean {
  return (
    snapshot.schemaVersion === schemaVersion &&
    Number.isInteger(snapshot.version) &&
    snapshot.version >= 1
  );
}
