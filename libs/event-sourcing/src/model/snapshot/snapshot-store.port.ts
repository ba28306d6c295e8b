/** The state of one stream as of one version, saved so that loading reads only the tail. */
export interface Snapshot<State = unknown> {
  streamId: string;
  /** The stream version the state includes (events 1..version folded). */
  version: number;
  /** The version of the state's shape; a snapshot of another version is ignored on load. */
  schemaVersion: number;
  /** Plain JSON. */
  state: State;
}

/**
 * Where snapshots live. `load` returns the stream's snapshot of the highest
 * version saved (an equal version replaces), of whatever schema version: the
 * loader ignores one of another schema. Snapshots are saved at the stream's
 * version right after an append, so a newer save never has a lower version except
 * when saves race, and then the higher one must win.
 * A snapshot is an optimisation, never the source of truth: losing one is harmless.
 */
export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot | undefined>;
  save(snapshot: Snapshot): Promise<void>;
  close(): Promise<void>;
}

/** True when `next` should replace `stored` under the rule of `SnapshotStore`. */
export function supersedes(next: Snapshot, stored: Snapshot | undefined): boolean {
  return !stored || next.version >= stored.version;
}
