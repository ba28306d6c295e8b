import type {
  FieldValue,
  PreparedWrite,
  ReadModelFields,
  ReadModelTable,
  StoredRecord,
} from './read-model.types';

/** Why a projection could not apply an event (or commit a batch), kept with its checkpoint. */
export interface ProjectionErrorRecord {
  message: string;
  /** The error's class name, and its `code` when it has one. */
  errorName: string;
  code?: string;
  /** The position of the event that could not be applied. */
  position: number;
  eventId?: string;
  eventType?: string;
  /** 'handler': the projection's code threw; 'store': reading events or writing the read model failed. */
  stage: 'handler' | 'store';
  /** Failed attempts in a row on this event. */
  attempts: number;
  at: string;
  /** When the event was finally applied (the error is history, not a current problem). */
  resolvedAt?: string;
}

/** The durable progress of one read-model version. */
export interface Checkpoint {
  /** The physical read-model name, e.g. `rm_request_queue__v2`. */
  readModel: string;
  /** The position of the last event applied (0 = none). */
  position: number;
  /** When `position` last advanced (an error does not change it). */
  updatedAt: string;
  lastError?: ProjectionErrorRecord;
}

/** One version of a projection's read model, as recorded in its state. */
export interface ReadModelGeneration {
  generation: number;
  /** The projection definition's version that builds it. */
  definitionVersion: number;
  /** Its declared fields, so that a process without the definition can still query it. */
  fields: ReadModelFields;
  createdAt: string;
}

/**
 * Which read-model version serves queries, and which one is being rebuilt.
 * Changed only by compare-and-set on `revision` (single-document writes: no
 * transaction needed, which FerretDB v1 does not have).
 */
export interface ProjectionState {
  name: string;
  /** 0 before the first save; each save increments it. */
  revision: number;
  active: ReadModelGeneration;
  rebuild?: ReadModelGeneration;
  /** Versions replaced by a swap, dropped after a grace delay (kept here so a crash cannot leak them). */
  retired: ReadModelGeneration[];
}

export type SortDirection = 'asc' | 'desc';

/** A validated condition on `id` or a declared field (see query.validation.ts). */
export type Condition =
  | { kind: 'eq'; field: string; value: FieldValue }
  | {
      kind: 'range';
      field: string;
      op: 'gt' | 'gte' | 'lt' | 'lte';
      value: string | number | boolean;
    }
  | { kind: 'in'; field: string; values: FieldValue[] }
  /** Keyset pagination: documents after (value, id) in the sort order; null sorts lowest. */
  | { kind: 'after'; field: string; direction: SortDirection; value: FieldValue; id: string };

export interface ValidatedQuery {
  where: Condition[];
  sort: { field: string; direction: SortDirection };
  /** Already includes the extra document that tells whether a next page exists. */
  limit: number;
}

export interface WriteBatch {
  table: ReadModelTable;
  /** At most one write per id. */
  writes: PreparedWrite[];
  /** Saved with the writes: in the same transaction where the adapter has them, after them otherwise. */
  checkpoint?: Checkpoint;
}

/**
 * The read-model store: the adapters' side (embedded SQLite, MongoDB). Use it
 * through ReadModelCollection and the projection runner, which validate input
 * and prepare documents; adapters only store and translate validated queries.
 *
 * Guarantees on every adapter (read-model-store.contract.ts):
 *  - a write applies only if the stored document is absent or has a lower
 *    position, so replaying an event changes nothing. One writer per
 *    read-model version (one runner per projection): on MongoDB the guard is
 *    atomic, but FerretDB v1 runs a conditional write as a read then a write,
 *    so concurrent writers of one document could interleave there;
 *  - projection states change by compare-and-set, atomic on every adapter
 *    (MongoDB: insert-only revisions, see mongo-read-model-store.ts);
 *  - deletes leave a tombstone with the position, so a replayed earlier event
 *    cannot resurrect a deleted document; queries never return tombstones;
 *  - documents are stored as JSON text, so any JSON document round-trips
 *    (keys with dots or `$`, nested arrays), whatever the server accepts as keys;
 *  - queries filter and sort only on the table's declared fields and `id`;
 *    null sorts lowest; ties are broken by id in the same direction.
 */
export interface ReadModelStore {
  /** Creates the table or collection and its indexes if missing. */
  ensureTable(table: ReadModelTable): Promise<void>;
  /** Drops the table or collection and its checkpoint. */
  dropTable(table: ReadModelTable): Promise<void>;
  /** The stored records (tombstones included) of these ids, each once, in no set order; absent ids are left out. */
  load(table: ReadModelTable, ids: readonly string[]): Promise<StoredRecord[]>;
  /** Live documents (no tombstones) matching the query, in its order. */
  find(table: ReadModelTable, query: ValidatedQuery): Promise<StoredRecord[]>;
  count(table: ReadModelTable, where: readonly Condition[]): Promise<number>;
  /**
   * Applies the guarded writes (in as many server commands as the adapter
   * needs: any number of writes), then saves the checkpoint; returns how many
   * writes applied. On FerretDB v1, which misreports which statement of a
   * command failed, writes applied before a refused one of the same command
   * may be left out of that count; what is stored is exact everywhere.
   */
  write(batch: WriteBatch): Promise<number>;
  loadCheckpoint(readModel: string): Promise<Checkpoint | undefined>;
  saveCheckpoint(checkpoint: Checkpoint): Promise<void>;
  loadState(name: string): Promise<ProjectionState | undefined>;
  /** Saves if the stored revision is `state.revision` (0 = absent); returns the state at its new revision. */
  saveState(state: ProjectionState): Promise<ProjectionState>;
  /** Names of all projections with a state. */
  listStates(): Promise<ProjectionState[]>;
  close(): Promise<void>;
}
