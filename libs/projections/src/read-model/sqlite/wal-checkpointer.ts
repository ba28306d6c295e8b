import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** How often the log is checkpointed (default 200 ms). */
  intervalMs?: number;
  busyTimeoutMs?: number;
  /** Told when a checkpoint fails (default: ignored; the writer's own fallback checkpoints go on). */
  onError?: (message: string) => void;
}

export interface WalCheckpointer {
  close(): Promise<void>;
}

/**
 * Checkpoints a WAL-mode SQLite file from a worker thread on its own
 * connection, so that the connection that writes it can leave checkpoints
 * alone (`wal_autocheckpoint` set high, as a fallback for when this thread
 * falls behind). A checkpoint copies the log's pages into the database and
 * fsyncs it; run by the writer, it blocks the writer's thread (the event loop)
 * in the middle of a commit. The thread never keeps the process alive.
 */
export function startWalCheckpointer(
  filename: string,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const worker = new Worker(join(__dirname, 'wal-checkpointer.thread.cjs'), {
    workerData: {
      filename,
      intervalMs: options.intervalMs ?? 200,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    },
    // Plain JavaScript: no TypeScript loader in the thread.
    execArgv: [],
  });
  worker.unref();
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  // A thread that cannot start (the file is gone) leaves the writer's own checkpoints.
  worker.on('error', (error) => options.onError?.(error.message));
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once('exit', () => resolve());
        worker.ref(); // until it has closed its connection
        worker.postMessage({ close: true });
      });
      return closing;
    },
  };
}
