'use strict';
/**
 * The worker thread of a SqliteEventStore: its own connection to the store's
 * file, on which it writes the batches the store posts, and answers each with
 * its outcomes once COMMIT (and so the WAL fsync) has returned. The event loop
 * of the process that appends is not blocked by the inserts or the fsync.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const { openAppendWriter, failureOf } = require('./sqlite-append-writer.cjs');

const db = new Database(workerData.filename);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma(`busy_timeout = ${workerData.busyTimeoutMs}`);
const writer = openAppendWriter(db);

parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.close();
    return;
  }
  let answer;
  try {
    answer = { id: message.id, outcomes: writer.write(message.batch, message.recordedAt) };
  } catch (error) {
    answer = { id: message.id, failure: failureOf(error) };
  }
  parentPort.postMessage(answer);
});
