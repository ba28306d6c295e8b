'use strict';
/**
 * A worker thread that checkpoints one SQLite file's write-ahead log every
 * `intervalMs` (PASSIVE: it never waits for readers or writers, and copies
 * what it can). The connection that writes the file then does not have to:
 * a checkpoint copies the pages of the log into the database and fsyncs it,
 * which would otherwise block that connection's thread in the middle of a
 * commit (see wal-checkpointer.ts).
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.filename);
db.pragma(`busy_timeout = ${workerData.busyTimeoutMs}`);
// The checkpoint fsyncs the database before the log may be reused.
db.pragma('synchronous = NORMAL');

let closed = false;
function checkpoint() {
  if (closed) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
  timer = setTimeout(checkpoint, workerData.intervalMs);
}
let timer = setTimeout(checkpoint, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (!message.close) return;
  closed = true;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
