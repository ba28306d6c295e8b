import { supersedes, type Snapshot, type SnapshotStore } from './snapshot-store.port';

/** Snapshots in a Map, stored as JSON text like the other adapters (so a caller cannot alias them). */
export class MemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, string>();

  async load(streamId: string): Promise<Snapshot | undefined> {
    const json = this.snapshots.get(streamId);
    return json === undefined ? undefined : (JSON.parse(json) as Snapshot);
  }

  async save(snapshot: Snapshot): Promise<void> {
    assertSnapshot(snapshot);
    // Compare and set without an await in between: concurrent saves cannot interleave.
    const stored = this.snapshots.get(snapshot.streamId);
    if (supersedes(snapshot, stored === undefined ? undefined : (JSON.parse(stored) as Snapshot))) {
      this.snapshots.set(snapshot.streamId, JSON.stringify(snapshot));
    }
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}

export function assertSnapshot(snapshot: Snapshot): void {
  if (typeof snapshot.streamId !== 'string' || snapshot.streamId.length === 0) {
    throw new TypeError('A snapshot needs a stream id');
  }
  if (!Number.isInteger(snapshot.version) || snapshot.version < 1) {
    throw new TypeError(`Snapshot of ${snapshot.streamId}: version must be an integer >= 1`);
  }
  if (!Number.isInteger(snapshot.schemaVersion) || snapshot.schemaVersion < 1) {
    throw new TypeError(`Snapshot of ${snapshot.streamId}: schemaVersion must be an integer >= 1`);
  }
  if (snapshot.state === undefined)
    throw new TypeError(`Snapshot of ${snapshot.streamId}: state is undefined`);
}
