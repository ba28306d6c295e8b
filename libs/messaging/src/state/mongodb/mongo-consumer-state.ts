import type { Connection } from 'mongoose';
import type {
  CheckpointStore,
  ConsumerStateStores,
  LeaseStore,
  ProcessedMessage,
  ProcessedMessageStore,
} from '../consumer-state.port';

interface CheckpointDoc {
  _id: string;
  position: number;
  updatedAt: Date;
}
interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}
interface ProcessedDoc {
  _id: string;
  groupId: string;
  messageId: string;
  /** JSON text: outcomes may hold keys MongoDB-protocol servers refuse. */
  outcome?: string;
  processedAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * Consumer state in MongoDB (distributed mode). Needs no transactions:
 * each operation is a single-document write, and the lease relies on a
 * conditional update whose upsert races are settled by the unique _id.
 */
export function mongoConsumerState(
  connection: Connection,
  clock?: () => Date,
): ConsumerStateStores {
  const now = clock ?? (() => new Date());
  /**
   * The leases' clock: the database server's (`hello`'s localTime), the one
   * clock every instance shares. An instance whose own clock runs ahead would
   * otherwise take a lease that is still valid, and one whose clock runs
   * behind would keep the others waiting for as long. `clock` when given (tests).
   */
  const leaseNow = async (): Promise<Date> => {
    if (clock) return clock();
    const hello = (await connection.db?.admin().command({ hello: 1 })) as
      | { localTime?: unknown }
      | undefined;
    return hello?.localTime instanceof Date ? hello.localTime : new Date();
  };
  const checkpointDocs = connection.collection<CheckpointDoc>('messaging_checkpoints');
  const leaseDocs = connection.collection<LeaseDoc>('messaging_leases');
  const processedDocs = connection.collection<ProcessedDoc>('messaging_processed');

  const checkpoints: CheckpointStore = {
    async load(name) {
      const doc = await checkpointDocs.findOne({ _id: name });
      return doc?.position ?? 0;
    },
    async save(name, position) {
      await checkpointDocs.updateOne(
        { _id: name },
        { $set: { position, updatedAt: now() } },
        { upsert: true },
      );
    },
  };

  const leases: LeaseStore = {
    async acquire(name, owner, ttlMs) {
      const at = await leaseNow();
      const expiresAt = new Date(at.getTime() + ttlMs);
      try {
        const result = await leaseDocs.updateOne(
          { _id: name, $or: [{ owner }, { expiresAt: { $lte: at } }] },
          { $set: { owner, expiresAt } },
          { upsert: true },
        );
        if (result.matchedCount === 0 && result.upsertedCount === 0) return false;
        // FerretDB v1 applies a conditional update as read-then-write, so two
        // contenders for an expired lease may both match; the later write wins.
        // Reading back narrows the overlap to the instant between the writes;
        // any overlap left only duplicates a batch (at-least-once), never skips one.
        const holder = await leaseDocs.findOne({ _id: name });
        return holder?.owner === owner;
      } catch (error) {
        // The lease exists, is someone else's and is still valid: the upsert collided on _id.
        if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
        throw error;
      }
    },
    async release(name, owner) {
      await leaseDocs.deleteOne({ _id: name, owner });
    },
  };

  const processed: ProcessedMessageStore = {
    async findMany(groupId, messageIds) {
      const found = new Set<string>();
      const unique = [...new Set(messageIds)];
      // One `$in` per chunk: the _id index on MongoDB, one scan instead of one per id on FerretDB v1.
      for (let offset = 0; offset < unique.length; offset += 500) {
        const ids = unique.slice(offset, offset + 500).map((id) => processedId(groupId, id));
        const docs = await processedDocs
          .find({ _id: { $in: ids } }, { projection: { messageId: 1 } })
          .toArray();
        for (const doc of docs) found.add(doc.messageId);
      }
      return found;
    },
    async recordMany(groupId, messageIds) {
      const unique = [...new Set(messageIds)];
      if (unique.length === 0) return;
      const at = now();
      try {
        await processedDocs.insertMany(
          unique.map((messageId) => ({
            _id: processedId(groupId, messageId),
            groupId,
            messageId,
            processedAt: at,
          })),
          { ordered: true },
        );
      } catch (error) {
        // Some were recorded already (a redelivery). Servers differ on what an
        // insert does after a duplicate, so each id is recorded on its own.
        if (!isDuplicateKey(error)) throw error;
        for (const messageId of unique) await processed.record(groupId, messageId);
      }
    },
    async find(groupId, messageId) {
      const doc = await processedDocs.findOne({ _id: processedId(groupId, messageId) });
      if (!doc) return undefined;
      const result: ProcessedMessage = { processedAt: doc.processedAt.toISOString() };
      if (doc.outcome !== undefined) result.outcome = JSON.parse(doc.outcome);
      return result;
    },
    async record(groupId, messageId, outcome) {
      try {
        await processedDocs.insertOne({
          _id: processedId(groupId, messageId),
          groupId,
          messageId,
          ...(outcome === undefined ? {} : { outcome: JSON.stringify(outcome) }),
          processedAt: now(),
        });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
        throw error;
      }
    },
  };

  return { checkpoints, leases, processed };
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: Array<{ code?: number }> | { code?: number } };
  if (e.code === DUPLICATE_KEY) return true;
  const writeErrors = Array.isArray(e.writeErrors)
    ? e.writeErrors
    : e.writeErrors
      ? [e.writeErrors]
      : [];
  return writeErrors.length > 0 && writeErrors.every((w) => w.code === DUPLICATE_KEY);
}

function processedId(groupId: string, messageId: string): string {
  return JSON.stringify([groupId, messageId]);
}
