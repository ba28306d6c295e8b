/**
 * Several service instances appending to one MongoDB event store: the case the
 * main benchmark does not cover (it runs one MongoEventStore). Each instance is
 * a MongoEventStore on its own connection, as another process would be; they
 * write concurrently for `--seconds`, then the script waits for every append in
 * flight and prints, per instance, how many appends were acknowledged inside
 * the window and after it, with latency percentiles. Informative, no target.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017 TS_NODE_PROJECT=tsconfig.base.json \
 *     node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     bench/event-store/mongodb-instances.ts [--instances 2] [--writers 4] [--events 1] [--seconds 3]
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import { MongoEventStore } from '@sfp/event-sourcing';
import { cursors, median, timeWriters } from './harness';
import { commitEvents } from './payload';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '2' },
      writers: { type: 'string', default: '4' },
      events: { type: 'string', default: '1' },
      seconds: { type: 'string', default: '3' },
    },
  });
  const instances = Number(values.instances);
  const writers = Number(values.writers);
  const eventsPerCommit = Number(values.events);
  const seconds = Number(values.seconds);
  const uri = process.env['MONGODB_URI'];
  if (!uri) {
    console.log(
      'SKIPPED: MONGODB_URI is not set (start the server with `bash infra/local/up`, then ' +
        'MONGODB_URI=mongodb://127.0.0.1:27017).',
    );
    return;
  }
  const dbName = `bench_es_${randomBytes(4).toString('hex')}`;
  const connections: Connection[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      connections.push(
        await mongoose
          .createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000 })
          .asPromise(),
      );
    }
    const stores = await Promise.all(
      connections.map((connection) => MongoEventStore.open(connection, { collection: 'events' })),
    );
    const slots = stores.flatMap((store, instance) =>
      cursors(`i${instance}`, writers).map((cursor) => ({ store, instance, cursor })),
    );
    const inWindow = stores.map(() => 0);
    const afterWindow = stores.map(() => 0);
    const latencies = stores.map((): number[] => []);
    const start = performance.now();
    const run = await timeWriters(slots.length, seconds, async (writer) => {
      const slot = slots[writer] as (typeof slots)[number];
      const { streamId, expected } = slot.cursor.next();
      const began = performance.now();
      await slot.store.append(streamId, expected, commitEvents(eventsPerCommit));
      const done = performance.now();
      slot.cursor.advance(eventsPerCommit);
      (latencies[slot.instance] as number[]).push(done - began);
      const counts = done - start <= seconds * 1000 ? inWindow : afterWindow;
      counts[slot.instance] = (counts[slot.instance] as number) + 1;
    });
    console.log(
      `${instances} instance(s) × ${writers} writer(s), ${eventsPerCommit}-event commits, ` +
        `${seconds} s window: ${run.count} appends acknowledged, the last after ` +
        `${run.seconds.toFixed(1)} s (${Math.round(run.count / run.seconds)} appends/s overall)`,
    );
    stores.forEach((_, i) => {
      const sorted = [...(latencies[i] as number[])].sort((a, b) => a - b);
      console.log(
        `  instance ${i}: ${inWindow[i]} acknowledged within the window, ${afterWindow[i]} after it; ` +
          `latency median ${median(sorted).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms, ` +
          `max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(0)} ms`,
      );
    });
    await Promise.all(stores.map((store) => store.close()));
  } finally {
    await connections[0]?.dropDatabase().catch(() => undefined);
    await Promise.all(connections.map((connection) => connection.close()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
