/**
 * What-if measurements behind the findings in docs/performance.md ("Pipeline",
 * "What limits it"). Not part of `npm run bench:pipeline`; run by hand:
 *
 *   TS_NODE_PROJECT=tsconfig.base.json node -r ts-node/register/transpile-only \
 *     -r tsconfig-paths/register bench/pipeline/experiments.ts [embedded-bus] [embedded-direct] [ferretdb-updates]
 *
 * embedded-bus      the embedded bus path with the library's idempotency store
 *                   (SQLite, synchronous=FULL: one fsync per message), the same
 *                   table with synchronous=NORMAL, and no idempotency store
 * embedded-direct   the direct path's parts alone: appends only, projection
 *                   catch-up only, readAll only (what one thread shares)
 * ferretdb-updates  (MONGODB_URI) update commands of 99 and 100 statements,
 *                   and 500 guarded replaces in chunks of 50
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { openSqliteDatabase, SqliteEventStore } from '@sfp/event-sourcing';
import type { ProcessedMessageStore } from '@sfp/messaging';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { openEmbeddedBus } from './embedded';
import { loadNow, machine } from '../cli';
import { ArrivalRecorder, formatRate, median, nowMs, sleep } from './measure';
import { settle, throughputRound } from './pipeline';
import { appendAsFastAsPossible, summaryProjection } from './workload';

const ROUNDS = 3;

/** The library's messaging_processed table, on a connection with the durability asked. */
function sqliteProcessed(filename: string, synchronous: 'FULL' | 'NORMAL') {
  const db = openSqliteDatabase(filename, { synchronous });
  db.exec(`CREATE TABLE IF NOT EXISTS messaging_processed (
    group_id TEXT NOT NULL, message_id TEXT NOT NULL, outcome TEXT, processed_at TEXT NOT NULL,
    PRIMARY KEY (group_id, message_id)) WITHOUT ROWID`);
  const find = db.prepare(
    'SELECT processed_at AS processedAt FROM messaging_processed WHERE group_id = ? AND message_id = ?',
  );
  const record = db.prepare(
    'INSERT OR IGNORE INTO messaging_processed (group_id, message_id, outcome, processed_at) VALUES (?, ?, ?, ?)',
  );
  const store: ProcessedMessageStore = {
    async find(groupId, messageId) {
      const row = find.get(groupId, messageId) as { processedAt: string } | undefined;
      return row ? { processedAt: row.processedAt } : undefined;
    },
    async record(groupId, messageId, outcome) {
      const json = outcome === undefined ? null : JSON.stringify(outcome);
      return record.run(groupId, messageId, json, new Date().toISOString()).changes === 1;
    },
  };
  return { store, close: () => db.close() };
}

async function embeddedBus(): Promise<void> {
  console.log('\nembedded bus path: the idempotency store (5,000 events a round, medians)');
  // override: undefined = the library's store, null = none.
  type Variant = { override: ProcessedMessageStore | null | undefined; close(): void };
  const variants: Array<{ name: string; open: (dir: string) => Variant }> = [
    {
      name: "library's SQLite consumer state (synchronous=FULL)",
      open: () => ({ override: undefined, close: () => undefined }),
    },
    {
      name: 'same table, synchronous=NORMAL',
      open: (dir) => {
        const opened = sqliteProcessed(join(dir, 'processed-normal.sqlite'), 'NORMAL');
        return { override: opened.store, close: opened.close };
      },
    },
    {
      name: 'no idempotency store (position guard only)',
      open: () => ({ override: null, close: () => undefined }),
    },
  ];
  for (const [index, variant] of variants.entries()) {
    const dir = mkdtempSync(join(tmpdir(), 'sfp-bench-pipeline-exp-'));
    const processed = variant.open(dir);
    const pipeline = await openEmbeddedBus(
      dir,
      `bench-exp-${index}`,
      undefined,
      processed.override,
    );
    try {
      await throughputRound(pipeline, { events: 300, concurrency: 60, timeoutMs: 30_000 });
      const rates: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await settle(pipeline, 20_000);
        const result = await throughputRound(pipeline, {
          events: 5_000,
          concurrency: 100,
          timeoutMs: 60_000,
        });
        rates.push(result.endToEnd);
      }
      console.log(
        `  ${variant.name}: ${formatRate(median(rates))} events/s (${rates.map(formatRate).join(', ')}); load ${loadNow()}`,
      );
    } finally {
      await pipeline.close();
      processed.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function embeddedDirect(): Promise<void> {
  console.log('\nembedded direct path, its parts alone (10,000 events, one per append, medians)');
  const append: number[] = [];
  const catchUp: number[] = [];
  const readAll: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'sfp-bench-pipeline-exp-'));
    const store = new SqliteEventStore({ filename: join(dir, 'event-store.sqlite') });
    const readModels = new SqliteReadModelStore({ filename: join(dir, 'read-models.sqlite') });
    try {
      const recorder = new ArrivalRecorder();
      await appendAsFastAsPossible({ store }, recorder, 'warm', 1_000, 100);
      let start = nowMs();
      await appendAsFastAsPossible({ store }, recorder, 'exp', 10_000, 100);
      append.push(10_000_000 / (nowMs() - start));
      start = nowMs();
      for (let after = 0; ; ) {
        const batch = await store.readAll({ afterPosition: after, limit: 500 });
        const last = batch[batch.length - 1];
        if (!last) break;
        after = last.position;
      }
      readAll.push(11_000_000 / (nowMs() - start));
      const engine = new ProjectionEngine({ eventStore: store, store: readModels });
      const runner = engine.register(summaryProjection('bench-requests', () => undefined));
      start = nowMs();
      await engine.start();
      await runner.waitForPosition(11_000, 60_000);
      catchUp.push(11_000_000 / (nowMs() - start));
      await engine.stop();
    } finally {
      await store.close();
      await readModels.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `  appends alone:             ${formatRate(median(append))} events/s (${append.map(formatRate).join(', ')})`,
  );
  console.log(
    `  projection catch-up alone: ${formatRate(median(catchUp))} events/s (${catchUp.map(formatRate).join(', ')})`,
  );
  console.log(
    `  readAll alone:             ${formatRate(median(readAll))} events/s (${readAll.map(formatRate).join(', ')})`,
  );
  const a = median(append);
  const c = median(catchUp);
  console.log(
    `  one thread doing both, expected ≈ 1 / (1/append + 1/catch-up) = ${formatRate(1 / (1 / a + 1 / c))} events/s`,
  );
}

async function ferretdbUpdates(): Promise<void> {
  const uri = process.env['MONGODB_URI'];
  if (!uri) {
    console.log('\nferretdb-updates: SKIPPED, MONGODB_URI is not set');
    return;
  }
  console.log(
    '\nupdate commands on the MongoDB-protocol server (guarded replaces, as MongoReadModelStore.writeGuarded sends)',
  );
  const dbName = `bench_pipeline_exp_${Math.random().toString(36).slice(2, 8)}`;
  const connection = await mongoose
    .createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  try {
    const replaces = (count: number, position: number) =>
      Array.from({ length: count }, (_, i) => ({
        replaceOne: {
          filter: { _id: `d${i}`, position: { $lt: position } },
          replacement: { _id: `d${i}`, position, live: true, json: '{"n":1}' },
          upsert: true,
        },
      }));
    for (const count of [99, 100]) {
      const collection = connection.collection(`t${count}`);
      await collection.insertMany(
        Array.from({ length: count }, (_, i) => ({
          _id: `d${i}` as never,
          position: 1,
          live: true,
          json: '{}',
        })),
      );
      const start = nowMs();
      const outcome = await Promise.race([
        collection
          .bulkWrite(replaces(count, 2) as never, { ordered: false })
          .then(() => 'answered'),
        sleep(20_000).then(() => 'no answer'),
      ]);
      console.log(
        `  one bulkWrite of ${count} replaces on ${count} documents: ${outcome} after ${Math.round(nowMs() - start)} ms`,
      );
    }
    const collection = connection.collection('t500');
    await collection.insertMany(
      Array.from({ length: 500 }, (_, i) => ({
        _id: `d${i}` as never,
        position: 1,
        live: true,
        json: '{}',
      })),
    );
    const all = replaces(500, 2);
    const start = nowMs();
    for (let offset = 0; offset < all.length; offset += 50) {
      await collection.bulkWrite(all.slice(offset, offset + 50) as never, { ordered: false });
    }
    console.log(
      `  500 replaces on 500 documents in bulkWrites of 50: ${Math.round(nowMs() - start)} ms (${((nowMs() - start) / 500).toFixed(1)} ms each)`,
    );
  } finally {
    // Dropping the database ends an update the server is still stuck in.
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const all = asked.length === 0;
  console.log('Pipeline experiments (bench/pipeline/experiments.ts)');
  for (const line of machine()) console.log(`  ${line}`);
  if (all || asked.includes('embedded-direct')) await embeddedDirect();
  if (all || asked.includes('embedded-bus')) await embeddedBus();
  if (all || asked.includes('ferretdb-updates')) await ferretdbUpdates();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
