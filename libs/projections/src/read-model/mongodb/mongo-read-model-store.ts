import type { Connection, mongo } from 'mongoose';
import { parseDocument } from '../read-model.document';
import { ProjectionStateConflictError } from '../read-model.errors';
import type {
  Checkpoint,
  Condition,
  ProjectionState,
  ReadModelStore,
  ValidatedQuery,
  WriteBatch,
} from '../read-model-store.port';
import {
  assertValidTable,
  physicalName,
  type FieldValue,
  type ReadModelTable,
  type StoredRecord,
} from '../read-model.types';
import { propertyOf, translateFilter, translateSort } from './mongo-query.translator';

/**
 * A read-model document in MongoDB. The document itself is JSON text: the
 * MongoDB-protocol server we run (FerretDB v1) refuses keys with dots or a
 * leading `$` and nested arrays, and documents built from events may hold any
 * of them. The declared fields are copied beside it as `f_<name>` for filters,
 * sorts and indexes; `live` is false for a tombstone.
 */
interface ReadModelDoc {
  _id: string;
  position: number;
  live: boolean;
  json: string | null;
  [field: `f_${string}`]: FieldValue;
}

interface CheckpointDoc {
  _id: string;
  position: number;
  updatedAt: string;
  /** JSON text, so that it reads back exactly as written. */
  lastError: string | null;
}

/**
 * One revision of a projection's state: `_id` = `<name>#<revision, 10 digits>`.
 * States are never updated in place: a save inserts the next revision, and
 * the unique _id makes the compare-and-set. (FerretDB v1 runs a conditional
 * update as a read then a write, so two updates from the same revision could
 * both succeed; two inserts of one _id cannot.) The latest revision wins;
 * older ones are pruned.
 */
interface StateDoc {
  _id: string;
  name: string;
  revision: number;
  state: string;
}

const CHECKPOINTS = 'rm_checkpoints';
const STATES = 'rm_projections';
const DUPLICATE_KEY = 11000;
const KEPT_STATE_REVISIONS = 5;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;
/** Statements per update command (FerretDB v1 never answers one of 100 or more). */
export const WRITE_CHUNK = 50;
/** Ids per `$in` query of load(). */
const LOAD_CHUNK = 500;

/**
 * The distributed mode's read-model store: one collection per read-model
 * version on a mongoose Connection (one database per context). Needs no
 * transactions and no change streams: each write is a single-document
 * conditional replace; a batch is unordered bulkWrites of at most WRITE_CHUNK
 * statements (one write per id), then the checkpoint. A crash between the two replays the batch, and the
 * position guard makes the replay change nothing.
 */
export class MongoReadModelStore implements ReadModelStore {
  constructor(private readonly connection: Connection) {}

  async ensureTable(table: ReadModelTable): Promise<void> {
    assertValidTable(table);
    await alreadyDoneIf(
      this.connection.createCollection(physicalName(table)),
      (error) => codeOf(error) === NAMESPACE_EXISTS,
    );
    const collection = this.collection(table);
    for (const field of Object.keys(table.fields)) {
      await collection.createIndex({ [`f_${field}`]: 1, _id: 1 }, { name: `f_${field}` });
    }
  }

  async dropTable(table: ReadModelTable): Promise<void> {
    assertValidTable(table);
    const name = physicalName(table);
    await alreadyDoneIf(
      this.connection.dropCollection(name),
      (error) => codeOf(error) === NAMESPACE_NOT_FOUND || /not found/i.test(String(error)),
    );
    await this.connection.collection<CheckpointDoc>(CHECKPOINTS).deleteOne({ _id: name });
  }

  async load(table: ReadModelTable, ids: readonly string[]): Promise<StoredRecord[]> {
    if (ids.length === 0) return [];
    // One `$in` query per chunk of ids: the `_id` index on MongoDB. FerretDB v1
    // scans the collection for any query, `{ _id }` lookups included (see
    // docs/performance.md), so one query per chunk beats one lookup per id there
    // (measured: 200 ids in 0.27 s against 19 ms per lookup, 2,000 documents).
    // Ids are validated strings, so `$in` of them cannot carry an operator.
    const collection = this.collection(table);
    const unique = [...new Set(ids)].map(String);
    const records: StoredRecord[] = [];
    for (let offset = 0; offset < unique.length; offset += LOAD_CHUNK) {
      const docs = await collection
        .find({ _id: { $in: unique.slice(offset, offset + LOAD_CHUNK) } })
        .project<Pick<ReadModelDoc, '_id' | 'position' | 'json'>>({ position: 1, json: 1 })
        .toArray();
      records.push(...docs.map(toRecord));
    }
    return records;
  }

  async find(table: ReadModelTable, query: ValidatedQuery): Promise<StoredRecord[]> {
    const docs = await this.collection(table)
      .find(this.filter(table, query.where))
      .sort(translateSort(propertyOf(table, query.sort.field), query.sort.direction))
      .limit(query.limit)
      .project<Pick<ReadModelDoc, '_id' | 'position' | 'json'>>({ position: 1, json: 1 })
      .toArray();
    return docs.map(toRecord);
  }

  async count(table: ReadModelTable, where: readonly Condition[]): Promise<number> {
    return this.collection(table).countDocuments(this.filter(table, where));
  }

  async write(batch: WriteBatch): Promise<number> {
    const docs = batch.writes.map((write) => {
      const doc: ReadModelDoc = {
        _id: write.id,
        position: write.position,
        live: write.json !== null,
        json: write.json,
      };
      for (const [field, value] of Object.entries(write.fields)) doc[`f_${field}`] = value;
      return doc;
    });
    const maybeNew = docs.filter((_, index) => batch.writes[index]?.maybeNew);
    const inserted =
      maybeNew.length > 0 ? await this.insertNew(batch.table, maybeNew) : { count: 0, rest: [] };
    const replaces = docs
      .filter((_, index) => !batch.writes[index]?.maybeNew)
      .concat(inserted.rest);
    const applied =
      inserted.count + (replaces.length > 0 ? await this.writeGuarded(batch.table, replaces) : 0);
    if (batch.checkpoint) await this.saveCheckpoint(batch.checkpoint);
    return applied;
  }

  /**
   * Documents the writer believes new are inserted: an insert costs a fraction
   * of a conditional replace (on FerretDB v1 about 0.3 ms against 20 ms, as
   * its updates scan the collection), and a rebuild writes mostly new
   * documents. Those that exist after all (duplicate key), and those after the
   * first failure (FerretDB stops there, MongoDB does not), go on to the
   * guarded replace.
   */
  private async insertNew(
    table: ReadModelTable,
    docs: ReadModelDoc[],
  ): Promise<{ count: number; rest: ReadModelDoc[] }> {
    try {
      const result = await this.collection(table).insertMany(docs, { ordered: false });
      return { count: result.insertedCount, rest: [] };
    } catch (error) {
      const { firstFailure, failed } = duplicateKeysOnly(error);
      const inserted =
        (error as { result?: { insertedCount?: number } }).result?.insertedCount ?? 0;
      return {
        count: inserted,
        rest: docs.filter((_, index) => index >= firstFailure || failed.has(index)),
      };
    }
  }

  /**
   * One unordered bulkWrite of conditional replaces: `{ _id, position < p }`,
   * upsert. When a newer version is stored the filter matches nothing and the
   * upsert collides on _id: that duplicate-key error means "not updated".
   * Servers differ on what follows such an error in an unordered bulk
   * (MongoDB carries on, FerretDB v1 stops), so the writes after the first
   * error are sent again, minus those already at their position or later.
   * Steady state: one round trip; a replayed batch: a few.
   */
  private async writeGuarded(table: ReadModelTable, docs: ReadModelDoc[]): Promise<number> {
    // FerretDB v1.24 never answers an update command of 100 statements or more
    // (99 answer; 100 did not in 15 minutes): chunks stay well below that.
    let applied = 0;
    for (let offset = 0; offset < docs.length; offset += WRITE_CHUNK) {
      applied += await this.writeGuardedChunk(table, docs.slice(offset, offset + WRITE_CHUNK));
    }
    return applied;
  }

  private async writeGuardedChunk(table: ReadModelTable, docs: ReadModelDoc[]): Promise<number> {
    const collection = this.collection(table);
    let pending = docs;
    let applied = 0;
    while (pending.length > 0) {
      const operations = pending.map((doc) => ({
        replaceOne: {
          filter: { _id: doc._id, position: { $lt: doc.position } },
          replacement: doc,
          upsert: true,
        },
      }));
      try {
        const result = await collection.bulkWrite(operations, { ordered: false });
        return applied + result.matchedCount + result.upsertedCount;
      } catch (error) {
        const { firstFailure, matched } = duplicateKeysOnly(error);
        applied += matched;
        const rest = pending.slice(firstFailure + 1);
        if (rest.length === 0) break;
        const stored = await this.load(
          table,
          rest.map((doc) => doc._id),
        );
        const positions = new Map(stored.map((record) => [record.id, record.position]));
        pending = rest.filter((doc) => (positions.get(doc._id) ?? 0) < doc.position);
      }
    }
    return applied;
  }

  async loadCheckpoint(readModel: string): Promise<Checkpoint | undefined> {
    const doc = await this.connection
      .collection<CheckpointDoc>(CHECKPOINTS)
      .findOne({ _id: String(readModel) });
    if (!doc) return undefined;
    return {
      readModel,
      position: doc.position,
      updatedAt: doc.updatedAt,
      ...(doc.lastError === null ? {} : { lastError: JSON.parse(doc.lastError) }),
    };
  }

  async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await this.connection.collection<CheckpointDoc>(CHECKPOINTS).updateOne(
      { _id: String(checkpoint.readModel) },
      {
        $set: {
          position: checkpoint.position,
          updatedAt: checkpoint.updatedAt,
          lastError: checkpoint.lastError ? JSON.stringify(checkpoint.lastError) : null,
        },
      },
      { upsert: true },
    );
  }

  async loadState(name: string): Promise<ProjectionState | undefined> {
    const [doc] = await this.connection
      .collection<StateDoc>(STATES)
      .find({ _id: { $gt: `${name}#`, $lt: `${name}#~` } })
      .sort({ _id: -1 })
      .limit(1)
      .toArray();
    return doc ? toState(doc) : undefined;
  }

  async saveState(state: ProjectionState): Promise<ProjectionState> {
    const next = { ...state, revision: state.revision + 1 };
    const states = this.connection.collection<StateDoc>(STATES);
    try {
      await states.insertOne({
        _id: stateId(state.name, next.revision),
        name: state.name,
        revision: next.revision,
        state: JSON.stringify(next),
      });
    } catch (error) {
      if (codeOf(error) === DUPLICATE_KEY)
        throw new ProjectionStateConflictError(state.name, state.revision);
      throw error;
    }
    if (state.revision > 0) {
      // Older revisions are history: keep a few for whoever investigates, drop the rest.
      await states.deleteMany({
        _id: {
          $gt: `${state.name}#`,
          $lt: stateId(state.name, next.revision - KEPT_STATE_REVISIONS),
        },
      });
    }
    // The caller read revision n and wrote n+1; only the latest counts, which this is unless n was stale.
    const latest = await this.loadState(state.name);
    if (latest?.revision !== next.revision)
      throw new ProjectionStateConflictError(state.name, state.revision);
    return next;
  }

  async listStates(): Promise<ProjectionState[]> {
    const docs = await this.connection
      .collection<StateDoc>(STATES)
      .find({})
      .sort({ _id: 1 })
      .toArray();
    const latest = new Map<string, StateDoc>();
    for (const doc of docs) latest.set(doc.name, doc);
    return [...latest.values()].map(toState);
  }

  /** The connection belongs to the caller (it may serve other stores): nothing to close here. */
  async close(): Promise<void> {
    return undefined;
  }

  private filter(table: ReadModelTable, where: readonly Condition[]): mongo.Filter<ReadModelDoc> {
    return translateFilter(table, where) as mongo.Filter<ReadModelDoc>;
  }

  private collection(table: ReadModelTable) {
    return this.connection.collection<ReadModelDoc>(physicalName(table));
  }
}

function toRecord(doc: Pick<ReadModelDoc, '_id' | 'position' | 'json'>): StoredRecord {
  return { id: doc._id, position: doc.position, data: parseDocument(doc.json) };
}

function stateId(name: string, revision: number): string {
  return `${name}#${String(Math.max(0, revision)).padStart(10, '0')}`;
}

function toState(doc: StateDoc): ProjectionState {
  return { ...(JSON.parse(doc.state) as ProjectionState), revision: doc.revision };
}

/** Awaits a command whose failure `done` recognises as "already so" (a collection that exists, or is gone). */
async function alreadyDoneIf(
  command: Promise<unknown>,
  done: (error: unknown) => boolean,
): Promise<void> {
  try {
    await command;
  } catch (error) {
    if (!done(error)) throw error;
  }
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** The first failed write and what applied, if every error is a guard collision; else the error is rethrown. */
function duplicateKeysOnly(error: unknown): {
  firstFailure: number;
  failed: Set<number>;
  matched: number;
} {
  const bulk = error as {
    writeErrors?: { code?: number; index?: number }[] | { code?: number; index?: number };
    result?: { matchedCount?: number; upsertedCount?: number };
  };
  const writeErrors = Array.isArray(bulk.writeErrors)
    ? bulk.writeErrors
    : bulk.writeErrors
      ? [bulk.writeErrors]
      : [];
  if (
    writeErrors.length === 0 ||
    writeErrors.some((e) => e.code !== DUPLICATE_KEY || typeof e.index !== 'number')
  ) {
    throw error;
  }
  return {
    firstFailure: Math.min(...writeErrors.map((e) => e.index as number)),
    failed: new Set(writeErrors.map((e) => e.index as number)),
    matched: (bulk.result?.matchedCount ?? 0) + (bulk.result?.upsertedCount ?? 0),
  };
}
