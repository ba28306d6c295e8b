import { assertFieldTypes, prepareWrite } from '../read-model/read-model.document';
import type { ReadModelStore } from '../read-model/read-model-store.port';
import {
  assertValidId,
  type PreparedWrite,
  type ReadModelTable,
  type StoredRecord,
} from '../read-model/read-model.types';
import type { ViewWriter } from './view-writer';

type Data = Record<string, unknown>;

type Op =
  | { kind: 'upsert'; position: number; data: Data }
  | { kind: 'patch'; position: number; fields: Data }
  | { kind: 'delete'; position: number };

interface DocState {
  position: number;
  /** Owned by the unit of work (callers get copies); null for a tombstone. */
  data: Data | null;
}

interface Entry {
  /** True once the stored document was read, or written whole first in this batch: ops then apply here. */
  known: boolean;
  /** The stored document was read and exists. */
  stored: boolean;
  /** The stored document's position, when it was read and exists. */
  loadedPosition?: number;
  state: DocState | undefined;
  /** True when an op applied since the stored document was read. */
  changed: boolean;
  /** Ops not yet folded, while the stored document is unknown. */
  ops: Op[];
}

const DONE = Promise.resolve();

/**
 * The writes of one batch of events on one read model, buffered so the batch
 * commits in one store call with its checkpoint (one SQLite transaction, or
 * one MongoDB bulkWrite): that is what makes 10,000 events/s possible.
 *
 * The stored document is read only when its current state matters: for a
 * `get` or a patch of a document this batch has not written whole (patches
 * are resolved together at the end, in one query). A document this batch
 * upserts or deletes first is never read: its state in the batch follows from
 * that write, and the store's guard (`position < p`) settles the final write.
 * On a replay (stored document ahead) this still gives the stored result,
 * because handlers are deterministic. Reads are what cost on a remote store,
 * so this matters in distributed mode. Each document is serialised once per
 * batch, however often it changed.
 */
export class ViewUnitOfWork<TDoc extends object> {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: ReadModelStore,
    private readonly table: ReadModelTable,
  ) {}

  /** Ids whose stored document a handler read (get, update) in this batch. */
  readonly readIds = new Set<string>();

  get size(): number {
    return this.entries.size;
  }

  /**
   * Reads the stored documents of `ids` in one store call, ahead of the
   * handlers (ids already known to the batch, or not valid ids, are left out).
   * The same states a handler's first read would find, since one runner
   * writes a read model; one query instead of one per document, which is what
   * counts on a remote store.
   */
  async prefetch(ids: Iterable<string>): Promise<void> {
    const wanted: string[] = [];
    for (const id of new Set(ids)) {
      if (this.entries.has(id) || !isValidId(id)) continue;
      wanted.push(id);
    }
    if (wanted.length === 0) return;
    const records = await this.store.load(this.table, wanted);
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const id of wanted) {
      const entry = this.entry(id);
      if (!entry.known) resolve(entry, byId.get(id) ?? null);
    }
  }

  /** The writer for the event at `position` (events come in increasing positions). */
  writer(position: number): ViewWriter<TDoc> {
    return new EventViewWriter<TDoc>(this, position);
  }

  async read(id: string): Promise<TDoc | undefined> {
    assertValidId(id);
    this.readIds.add(id);
    const entry = this.entry(id);
    if (!entry.known) {
      const [record] = await this.store.load(this.table, [id]);
      resolve(entry, record ?? null);
    }
    const data = entry.state?.data;
    return data ? (cloneJson(data) as TDoc) : undefined;
  }

  /** Takes ownership of `data` (see ViewWriter.upsert); checks its declared fields now, in the event's handler. */
  upsert(id: string, data: TDoc, position: number): void {
    assertValidId(id);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TypeError(`A document must be a JSON object (upsert of ${id})`);
    }
    assertFieldTypes(this.table, id, data);
    this.apply(id, { kind: 'upsert', position, data: data as Data });
  }

  patch(id: string, fields: Partial<TDoc>, position: number): void {
    assertValidId(id);
    const copy = cloneJson(fields ?? {}) as Data;
    assertFieldTypes(this.table, id, copy);
    this.apply(id, { kind: 'patch', position, fields: copy });
  }

  delete(id: string, position: number): void {
    assertValidId(id);
    this.apply(id, { kind: 'delete', position });
  }

  /** The guarded writes of the batch, at most one per document. */
  async prepare(): Promise<PreparedWrite[]> {
    const unread: [string, Entry][] = [];
    for (const item of this.entries)
      if (!item[1].known && item[1].ops[0]?.kind === 'patch') unread.push(item);
    if (unread.length > 0) {
      const records = await this.store.load(
        this.table,
        unread.map(([id]) => id),
      );
      const byId = new Map(records.map((record) => [record.id, record]));
      for (const [id, entry] of unread) resolve(entry, byId.get(id) ?? null);
    }
    const writes: PreparedWrite[] = [];
    for (const [id, entry] of this.entries) {
      if (!entry.known) {
        // Starts with an upsert or a delete: the batch knows the whole document.
        for (const op of entry.ops) applyOp(entry, op);
        entry.ops = [];
      }
      if (entry.changed && entry.state) {
        const write = prepareWrite(this.table, id, entry.state.position, entry.state.data);
        if (!entry.stored) write.maybeNew = true;
        if (entry.loadedPosition !== undefined) write.loadedPosition = entry.loadedPosition;
        writes.push(write);
      }
    }
    return writes;
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { known: false, stored: false, state: undefined, changed: false, ops: [] };
      this.entries.set(id, entry);
    }
    return entry;
  }

  private apply(id: string, op: Op): void {
    const entry = this.entry(id);
    if (!entry.known && entry.ops.length === 0 && op.kind !== 'patch') {
      // A whole document, written first in this batch: what was stored before does not
      // matter to the reads that follow in the batch (they see the state as of their
      // event, as the first run did), and the store's guard settles the final write.
      entry.known = true;
    }
    if (entry.known) applyOp(entry, op);
    else entry.ops.push(op);
  }
}

/** The ViewWriter of one event: a small object, no closures, since there is one per event. */
class EventViewWriter<TDoc extends object> implements ViewWriter<TDoc> {
  constructor(
    private readonly unit: ViewUnitOfWork<TDoc>,
    readonly position: number,
  ) {}

  get(id: string): Promise<TDoc | undefined> {
    return this.unit.read(id);
  }

  upsert(id: string, data: TDoc): Promise<void> {
    return settle(() => this.unit.upsert(id, data, this.position));
  }

  patch(id: string, fields: Partial<TDoc>): Promise<void> {
    return settle(() => this.unit.patch(id, fields, this.position));
  }

  async update(id: string, change: (current: TDoc | undefined) => TDoc | undefined): Promise<void> {
    const next = change(await this.unit.read(id));
    if (next !== undefined) this.unit.upsert(id, next, this.position);
  }

  delete(id: string): Promise<void> {
    return settle(() => this.unit.delete(id, this.position));
  }
}

/** Runs a synchronous write as a promise (a refused write rejects, as an async one would). */
function settle(write: () => void): Promise<void> {
  try {
    write();
    return DONE;
  } catch (error) {
    return Promise.reject(error);
  }
}

function resolve(entry: Entry, record: StoredRecord | null): void {
  entry.known = true;
  entry.stored = record !== null;
  if (record) entry.loadedPosition = record.position;
  entry.changed = false;
  entry.state = record ? { position: record.position, data: record.data } : undefined;
  const ops = entry.ops;
  entry.ops = [];
  for (const op of ops) applyOp(entry, op);
}

/** One op under the guard: it applies only to a document at a lower position. */
function applyOp(entry: Entry, op: Op): void {
  const current = entry.state;
  if (current && current.position >= op.position) return;
  switch (op.kind) {
    case 'upsert':
      entry.state = { position: op.position, data: op.data };
      break;
    case 'delete':
      entry.state = { position: op.position, data: null };
      break;
    case 'patch': {
      if (!current?.data) return;
      const merged: Data = { ...current.data };
      for (const key of Object.keys(op.fields)) {
        const value = op.fields[key];
        if (value === undefined) delete merged[key];
        else merged[key] = value;
      }
      entry.state = { position: op.position, data: merged };
      break;
    }
    default: {
      const unexpected: never = op;
      throw new Error(`Unknown view operation ${JSON.stringify(unexpected)}`);
    }
  }
  entry.changed = true;
}

function isValidId(id: string): boolean {
  try {
    assertValidId(id);
    return true;
  } catch {
    return false;
  }
}

/** A deep copy with JSON's meaning (toJSON honoured), several times faster than structuredClone on small documents. */
function cloneJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return (value as { toJSON(): unknown }).toJSON();
  if (Array.isArray(value)) return value.map(cloneJson);
  const copy: Data = {};
  for (const key of Object.keys(value)) copy[key] = cloneJson((value as Data)[key]);
  return copy;
}
