import { isFerretDb } from '@sfp/event-sourcing';
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
 * transactions and no change streams: a batch is an insert of the documents
 * its writer believes new, one read of the others' stored positions, unordered
 * bulkWrites of replaces keyed by `_id` (at most WRITE_CHUNK statements each,
 * one write per id, only where the stored position is lower), then the
 * checkpoint. A crash between them replays the batch, and the positions
 * stored in the documents make the replay change nothing.
 */
export class MongoReadModelStore implements ReadModelStore {
  private fieldIndexes?: Promise<boolean>;

  constructor(private readonly connection: Connection) {}

  /**
   * Creates the collection and, on MongoDB, an index per declared field (with
   * `_id`, for filters, sorts and paging). On FerretDB v1 the field indexes
   * are left out: it never reads them (every query but an `_id` lookup is a
   * scan), and each one made every replace of a document cost more (a JSON
   * expression index that SQLite recomputes on each write).
   */
  async ensureTable(table: ReadModelTable): Promise<void> {
    assertValidTable(table);
    await alreadyDoneIf(
      this.connection.createCollection(physicalName(table)),
      (error) => codeOf(error) === NAMESPACE_EXISTS,
    );
    this.fieldIndexes ??= isFerretDb(this.connection).then(
      (ferret) => !ferret,
      (error: unknown) => {
        this.fieldIndexes = undefined; // ask again next time
        throw error;
      },
    );
    if (!(await this.fieldIndexes)) return;
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
    const loaded = new Map<string, number>();
    for (const write of batch.writes)
      if (write.loadedPosition !== undefined) loaded.set(write.id, write.loadedPosition);
    const replaces = docs
      .filter((_, index) => !batch.writes[index]?.maybeNew)
      .concat(inserted.rest);
    const applied =
      inserted.count +
      (replaces.length > 0 ? await this.writeGuarded(batch.table, replaces, loaded) : 0);
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
   * Writes by `_id` alone, the filter MongoDB (and the locally patched
   * FerretDB, infra/local/README.md) answers from the `_id` index: the stored
   * positions of the batch's documents are read in one query (except those
   * the writer read for this batch: `loaded`), those already at their
   * position or later are left out, and the rest are replaced (upsert) in
   * unordered bulkWrites keyed by `{ _id }`. A filter on
   * `{ _id, position < p }` is evaluated outside the index on FerretDB v1:
   * measured there (10,000 documents, unpatched) 1.1–1.4 s per statement
   * against 0.28–0.31 s by `_id` alone; patched, about 1 ms by `_id`.
   *
   * The check and the write are two commands: that is safe because one
   * runner writes a read model (the projection lease), and a replay of an
   * applied batch finds every document at its position and writes nothing.
   * (FerretDB v1 ran the conditional replace as a read then a write as well.)
   */
  private async writeGuarded(
    table: ReadModelTable,
    docs: ReadModelDoc[],
    loaded: ReadonlyMap<string, number>,
  ): Promise<number> {
    const stored = new Map(loaded);
    const ids = [...new Set(docs.map((doc) => doc._id))].filter((id) => !loaded.has(id));
    for (let offset = 0; offset < ids.length; offset += LOAD_CHUNK) {
      const positions = await this.collection(table)
        .find({ _id: { $in: ids.slice(offset, offset + LOAD_CHUNK) } })
        .project<Pick<ReadModelDoc, '_id' | 'position'>>({ position: 1 })
        .toArray();
      for (const doc of positions) stored.set(doc._id, doc.position);
    }
    const ahead = docs.filter((doc) => (stored.get(doc._id) ?? 0) < doc.position);
    // FerretDB v1.24 as released never answers an update command of 100
    // statements or more (each holds a pool connection until the command
    // returns; the local build is patched): chunks stay well below that.
    let applied = 0;
    for (let offset = 0; offset < ahead.length; offset += WRITE_CHUNK) {
      const result = await this.collection(table).bulkWrite(
        ahead.slice(offset, offset + WRITE_CHUNK).map((doc) => ({
          replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
        })),
        { ordered: false },
      );
      applied += result.matchedCount + result.upsertedCount;
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

/** The first failed insert and the failed ones, if every error is a duplicate key; else the error is rethrown. */
function duplicateKeysOnly(error: unknown): {
  firstFailure: number;
  failed: Set<number>;
} {
  const bulk = error as {
    writeErrors?: { code?: number; index?: number }[] | { code?: number; index?: number };
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
  };
}
