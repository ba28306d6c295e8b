import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExpectedVersion } from '../event-store.port';

/** One event of an append as the writer stores it (its data already JSON text). */
export interface WriteEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actorKind: string;
  actorId: string;
  actorDepartment: string | null;
  /** 1 for an imported past fact, else null. */
  imported: 1 | null;
  dataJson: string;
}

export interface WriteAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: WriteEvent[];
}

/** What became of one append of a batch. */
export type WriteOutcome =
  | { positions: number[]; nextExpectedVersion: number }
  | { refused: 'version'; actual: number }
  | { refused: 'duplicate'; eventId: string }
  | { failed: WriteFailure };

export interface WriteFailure {
  message: string;
  code?: string;
}

/**
 * Writes batches of appends in one transaction each, one batch at a time.
 * Resolves with one outcome per append once the batch is committed; rejects
 * when nothing of it is stored.
 */
export interface AppendWriter {
  write(batch: WriteAppend[], recordedAt: string): Promise<WriteOutcome[]>;
  close(): Promise<void>;
}

interface WriterModule {
  openAppendWriter(db: Database.Database): {
    write(batch: WriteAppend[], recordedAt: string): WriteOutcome[];
  };
}

// Plain JavaScript, shared with the worker thread (see sqlite-append-writer.cjs).
const writerModule = require('./sqlite-append-writer.cjs') as WriterModule;

/** An Error again, from a failure that crossed the thread boundary. */
export function errorOf(failure: WriteFailure): Error {
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
}

/** Writes on the given connection, in the calling thread (`:memory:` files, which a thread cannot share). */
export function openInlineAppendWriter(db: Database.Database): AppendWriter {
  const writer = writerModule.openAppendWriter(db);
  return {
    write: async (batch, recordedAt) => writer.write(batch, recordedAt),
    close: async () => undefined,
  };
}

interface Answer {
  id: number;
  outcomes?: WriteOutcome[];
  failure?: WriteFailure;
}

/**
 * Writes on a connection of its own in a worker thread, so that the inserts
 * and the fsync of each commit run beside the event loop instead of blocking
 * it. The thread keeps the process alive only while a batch is in it. If the
 * thread dies, what it was writing is rejected (it may or may not be stored:
 * the same as a COMMIT that fails) and the next batch starts a new thread.
 */
export class ThreadAppendWriter implements AppendWriter {
  private worker: Worker | undefined;
  private readonly waiting = new Map<
    number,
    { resolve(outcomes: WriteOutcome[]): void; reject(error: unknown): void }
  >();
  private nextId = 1;

  constructor(
    private readonly filename: string,
    private readonly busyTimeoutMs: number,
  ) {}

  write(batch: WriteAppend[], recordedAt: string): Promise<WriteOutcome[]> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      const worker = this.thread();
      // Keeps the process alive while a batch is being written, and only then.
      worker.ref();
      worker.postMessage({ id, batch, recordedAt });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref(); // until it has closed its connection
    worker.postMessage({ close: true });
    await exited;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(join(__dirname, 'sqlite-append-writer.thread.cjs'), {
      workerData: { filename: this.filename, busyTimeoutMs: this.busyTimeoutMs },
      // The writer is plain JavaScript: no TypeScript loader in the thread.
      execArgv: [],
    });
    worker.on('message', (answer: Answer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) worker.unref();
      if (answer.outcomes) waiting.resolve(answer.outcomes);
      else
        waiting.reject(errorOf(answer.failure ?? { message: 'The SQLite writer gave no answer' }));
    });
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.waiting.size > 0)
        fail(new Error(`The SQLite writer thread of ${this.filename} stopped (exit code ${code})`));
      else if (this.worker === worker) this.worker = undefined;
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
