import type { Collection, Connection } from 'mongoose';
import { assertSnapshot } from './memory.snapshot-store';
import type { Snapshot, SnapshotStore } from './snapshot-store.port';

export interface MongoSnapshotStoreOptions {
  connection: Connection;
  /** Default `snapshots`. */
  collection?: string;
}

interface SnapshotDocument {
  /** `<streamId>|<version>`: one document per saved version. */
  _id: string;
  streamId: string;
  version: number;
  schemaVersion: number;
  /** JSON text: FerretDB v1 refuses keys with dots or a leading `$`, and nested arrays. */
  state: string;
}

const DUPLICATE_KEY = 11000;

/**
 * Snapshots in a MongoDB collection, one document per saved version, the newest
 * read with an index on (streamId, version). Saving inserts (an equal version
 * replaces), then deletes the stream's older versions.
 *
 * Why not one document per stream with a conditional update: FerretDB v1 does not
 * apply a filtered update atomically, so two racing saves could leave the lower
 * version. Inserts of distinct documents cannot overwrite each other, and
 * `load` takes the highest version whatever order they landed in; a racing save
 * of a lower version may only leave a stale document behind until the next prune.
 */
export class MongoSnapshotStore implements SnapshotStore {
  private readonly snapshots: Collection<SnapshotDocument>;
  private indexed: Promise<unknown> | undefined;

  constructor(options: MongoSnapshotStoreOptions) {
    this.snapshots = options.connection.collection<SnapshotDocument>(
      options.collection ?? 'snapshots',
    );
  }

  async load(streamId: string): Promise<Snapshot | undefined> {
    await this.ensureIndex();
    const [document] = await this.snapshots
      .find({ streamId })
      .sort({ version: -1 })
      .limit(1)
      .toArray();
    return document
      ? {
          streamId,
          version: document.version,
          schemaVersion: document.schemaVersion,
          state: JSON.parse(document.state),
        }
      : undefined;
  }

  async save(snapshot: Snapshot): Promise<void> {
    assertSnapshot(snapshot);
    await this.ensureIndex();
    const { streamId, version, schemaVersion } = snapshot;
    try {
      await this.snapshots.replaceOne(
        { _id: `${streamId}|${version}` },
        { streamId, version, schemaVersion, state: JSON.stringify(snapshot.state) },
        { upsert: true },
      );
    } catch (error) {
      // Another save of the same version inserted first: same version, same stream state.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
    await this.snapshots.deleteMany({ streamId, version: { $lt: version } });
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }

  private ensureIndex(): Promise<unknown> {
    this.indexed ??= this.snapshots
      .createIndex({ streamId: 1, version: -1 })
      .catch((error: unknown) => {
        this.indexed = undefined;
        throw error;
      });
    return this.indexed;
  }
}
