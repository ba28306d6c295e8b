import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { formatRate, table } from './measure';

/**
 * What the Kafka+MongoDB bus pipeline left on disk, per event: the inputs of
 * the sizing page (docs/operations.md, "Sizing"). Events published = the sum
 * of the events topic's end offsets (the relay publishes each event once
 * when nothing fails). MongoDB: `dbStats` of the source context's database
 * (the event store, its claims, the relay's checkpoint and lease) and of the
 * view's database (the read model, one summary per request). Kafka: the
 * topic's log segments (`*.log`, `*.index`, `*.timeindex`) under the
 * broker's data directory, when this process can read it (the local broker
 * of infra/local).
 */
export async function storageReport(options: {
  sourceDb: Connection;
  viewDb: Connection;
  brokers: string[];
  topic: string;
  kafkaDataDir: string | undefined;
}): Promise<string[]> {
  const kafka = new Kafka({
    clientId: 'sfp-bench-storage',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  let events = 0;
  try {
    for (const partition of await admin.fetchTopicOffsets(options.topic))
      events += Number(partition.high) - Number(partition.low);
  } finally {
    await admin.disconnect();
  }
  const rows: string[][] = [];
  const perEvent = (bytes: number, count = events): string =>
    count > 0 ? `${formatRate(bytes / count)} B` : 'n/a';
  for (const [what, db] of [
    ['MongoDB · source context (event store, claims, relay state)', options.sourceDb],
    ['MongoDB · view (one summary per 5 events)', options.viewDb],
  ] as const) {
    const stats = (await db.db?.stats()) as Record<string, unknown> | undefined;
    const num = (key: string): number => Number(stats?.[key] ?? Number.NaN);
    rows.push([
      what,
      `${formatRate(num('objects'))} documents`,
      `data ${formatRate(num('dataSize'))} B, storage ${formatRate(num('storageSize'))} B, ` +
        `indexes ${formatRate(num('indexSize'))} B`,
      `${perEvent(num('dataSize'))} data, ${perEvent(num('storageSize') + num('indexSize'))} storage + indexes` +
        ` (per document ${perEvent(num('dataSize'), num('objects'))} data, ` +
        `${perEvent(num('storageSize') + num('indexSize'), num('objects'))} with indexes)`,
    ]);
  }
  const dir = options.kafkaDataDir;
  if (dir && existsSync(dir)) {
    let bytes = 0;
    let logBytes = 0;
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(`${options.topic}-`)) continue;
      for (const file of readdirSync(join(dir, entry))) {
        const size = statSync(join(dir, entry, file)).size;
        if (file.endsWith('.log')) logBytes += size;
        if (/\.(log|index|timeindex)$/.test(file)) bytes += size;
      }
    }
    rows.push([
      `Kafka · ${options.topic} (replication factor 1)`,
      `${formatRate(events)} messages`,
      `log ${formatRate(logBytes)} B; with indexes ${formatRate(bytes)} B (index files are preallocated)`,
      `${perEvent(logBytes)} log`,
    ]);
  } else {
    rows.push([
      `Kafka · ${options.topic}`,
      `${formatRate(events)} messages`,
      `data dir not readable here (${dir ?? 'not set'})`,
      'n/a',
    ]);
  }
  return table(['what', 'count', 'bytes', 'per event'], rows);
}
