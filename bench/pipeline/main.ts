/**
 * Pipeline benchmark: append → read model, in embedded mode and in Kafka +
 * MongoDB mode, each beside a raw kafkajs produce-to-consume baseline of the
 * same payloads measured in the same run; the Kafka+MongoDB bus path also
 * beside raw kafkajs + a raw bulkWrite of the same read-model documents into
 * the same server (raw-bulk-write.ts), the baseline of issue 21. A script, not a test: it prints
 * figures, ratios and whether each target is met; it asserts nothing.
 * See docs/performance.md, "Pipeline".
 *
 *   npm run bench:pipeline                         # embedded; Kafka+MongoDB too when KAFKA_BROKERS and MONGODB_URI are set
 *   npm run bench:pipeline -- --mode embedded      # embedded | kafka | all
 *   npm run bench:pipeline -- --rounds 5 --rate 500 --seconds 10 --profile-calls
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';
import { contextTopics } from '@sfp/messaging';
import {
  exitOnHelp,
  loadNow,
  machine,
  positiveOption,
  reportSkipped,
  withoutCredentials,
} from '../cli';
import { openEmbeddedBus, openEmbeddedDirect } from './embedded';
import { KAFKA_BUS_LABEL, openKafkaMongoBus, openMongoDirect } from './kafka-mongo';
import {
  CallStats,
  formatMs,
  formatRate,
  formatRatio,
  median,
  NO_INSTRUMENT,
  table,
  type Instrument,
  type LatencySummary,
} from './measure';
import {
  latencyRun,
  settle,
  throughputRound,
  type Pipeline,
  type ThroughputResult,
} from './pipeline';
import { RawBulkWriteSink } from './raw-bulk-write';
import { RawKafkaBaseline, samePayloads } from './raw-kafka';
import { storageReport } from './storage';

const USAGE = `Usage: npm run bench:pipeline -- [options]
  --mode <embedded|kafka|all>  modes to run (default all; kafka needs KAFKA_BROKERS and MONGODB_URI)
  --rounds <n>          throughput rounds per embedded pipeline, each beside a raw round; medians shown (default 3)
  --kafka-rounds <n>    the same for the Kafka+MongoDB pipelines, each beside a raw kafkajs round and a raw
                        kafkajs + bulkWrite round (default 3)
  --events <n>          events per throughput round, embedded (default 10000)
  --kafka-events <n>    events per throughput round, Kafka+MongoDB (default 20000: 7-10 s on FerretDB; in
                        shorter rounds the baseline's producer sends the whole round at once and its
                        consumer folds a stream's events together, which measures its start, not its rate)
  --events-per-append <n>  events per append in the throughput rounds (default 1; with n > 1 each
                        stream is written whole by one append of n events)
  --rate <n>            events/s of the fixed-rate latency runs (default 500)
  --seconds <n>         length of each latency run (default 10)
  --drain-seconds <n>   how long a run may take to drain after its last append (default 20)
  --low-rate <n>        when a pipeline's throughput is below 1.2 × --rate, a latency run at this rate
                        (events/s, default 20, at most half the throughput) first shows its latency
                        below capacity
  --mongo-batch <n>     events per projection batch on the MongoDB direct path (default: the library's, 500;
                        MongoReadModelStore splits a batch's writes into update commands of 50 statements)
  --no-direct           skip the direct-projection paths (bus paths only)
  --partitions-concurrently <n>  Kafka+MongoDB: partitions whose batches the consumer handles at once, on the
                        bus path (KafkaEventBus partitionsConsumedConcurrently) and in the raw kafkajs +
                        bulkWrite baseline alike (default 1, as the services run)
  --claims              the Kafka+MongoDB bus path also records every event id it processed
                        (ProcessedMessageStore in MongoDB), as before issue 21; default: none, the
                        read model's position guard alone makes redelivery change nothing
  --kafka-data-dir <dir> the local broker's log.dirs, to measure the events topic's bytes per event
                        (default: $KAFKA_DATA_DIR, else .local-infra/kafka/data when it exists)
  --profile-calls       time every call the pipelines make to their stores and bus, print the breakdown
Environment: KAFKA_BROKERS (e.g. 127.0.0.1:9092) and MONGODB_URI (e.g. mongodb://127.0.0.1:27017);
start local servers with \`bash infra/local/up\`.`;

interface Options {
  modes: Set<'embedded' | 'kafka'>;
  rounds: number;
  kafkaRounds: number;
  events: number;
  kafkaEvents: number;
  perAppend: number;
  rate: number;
  seconds: number;
  drainMs: number;
  lowRate: number;
  mongoBatch: number | undefined;
  direct: boolean;
  claims: boolean;
  partitionsConcurrently: number;
  kafkaDataDir: string | undefined;
  profileCalls: boolean;
}

function parse(): Options {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', multiple: true },
      rounds: { type: 'string' },
      'kafka-rounds': { type: 'string' },
      events: { type: 'string' },
      'kafka-events': { type: 'string' },
      'events-per-append': { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      'drain-seconds': { type: 'string' },
      'low-rate': { type: 'string' },
      'mongo-batch': { type: 'string' },
      'no-direct': { type: 'boolean' },
      claims: { type: 'boolean' },
      'partitions-concurrently': { type: 'string' },
      'kafka-data-dir': { type: 'string' },
      'profile-calls': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  exitOnHelp(values.help, USAGE);
  const positive = (name: string, raw: string | undefined, fallback: number): number =>
    positiveOption(name, raw, fallback, USAGE);
  const asked = (values.mode ?? ['all']).flatMap((m) => m.split(','));
  for (const mode of asked) {
    if (!['embedded', 'kafka', 'all'].includes(mode))
      throw new Error(`Unknown mode ${mode}\n${USAGE}`);
  }
  const modes = new Set<'embedded' | 'kafka'>();
  if (asked.includes('all') || asked.includes('embedded')) modes.add('embedded');
  if (asked.includes('all') || asked.includes('kafka')) modes.add('kafka');
  return {
    modes,
    rounds: Math.round(positive('rounds', values.rounds, 3)),
    kafkaRounds: Math.round(positive('kafka-rounds', values['kafka-rounds'], 3)),
    events: Math.round(positive('events', values.events, 10_000)),
    kafkaEvents: Math.round(positive('kafka-events', values['kafka-events'], 20_000)),
    perAppend: Math.round(positive('events-per-append', values['events-per-append'], 1)),
    rate: positive('rate', values.rate, 500),
    seconds: positive('seconds', values.seconds, 10),
    drainMs: positive('drain-seconds', values['drain-seconds'], 20) * 1000,
    lowRate: positive('low-rate', values['low-rate'], 20),
    mongoBatch:
      values['mongo-batch'] === undefined
        ? undefined
        : Math.round(positive('mongo-batch', values['mongo-batch'], 500)),
    direct: !values['no-direct'],
    claims: values.claims ?? false,
    partitionsConcurrently: Math.round(
      positive('partitions-concurrently', values['partitions-concurrently'], 1),
    ),
    kafkaDataDir:
      values['kafka-data-dir'] ??
      process.env['KAFKA_DATA_DIR'] ??
      (existsSync('.local-infra/kafka/data') ? '.local-infra/kafka/data' : undefined),
    profileCalls: values['profile-calls'] ?? false,
  };
}

// ---- results ----------------------------------------------------------------

interface ThroughputRow {
  label: string;
  rounds: ThroughputResult[];
  /** Raw kafkajs produce → consume, one round beside each pipeline round. */
  raw: ThroughputResult[];
  /** Raw kafkajs produce → consume → raw bulkWrite (Kafka+MongoDB mode only). */
  rawDb: ThroughputResult[];
}

/** The raw baselines a pipeline is measured beside. */
interface Baselines {
  /** kafkajs produce → consume, nothing behind the consumer. */
  raw?: RawKafkaBaseline;
  /** kafkajs produce → consume → bulkWrite of the read-model documents (raw-bulk-write.ts). */
  rawDb?: { baseline: RawKafkaBaseline; sink: RawBulkWriteSink };
}

type Latency = LatencySummary & { appendErrors: number };

interface LatencyRow {
  label: string;
  pipeline: Latency;
  raw?: Latency;
  rawDb?: Latency;
}

interface ModeReport {
  mode: string;
  throughput: ThroughputRow[];
  latency: LatencyRow[];
  /** Bytes on disk per event of the bus pipeline (Kafka+MongoDB mode). */
  storage?: string[];
}

/** The median of the per-round pipeline/baseline ratios (each round beside its baseline round). */
function ratioOf(row: ThroughputRow, baseline: 'raw' | 'rawDb' = 'raw'): number | undefined {
  const base = row[baseline];
  if (base.length === 0) return undefined;
  return median(row.rounds.map((r, i) => r.endToEnd / (base[i]?.endToEnd ?? Number.NaN)));
}

function throughputTable(rows: ThroughputRow[]): string[] {
  return table(
    [
      'pipeline',
      'end to end (median)',
      'rounds',
      'appends alone',
      'per CPU-second',
      'raw kafkajs (median)',
      'pipeline/raw',
      'raw kafkajs + bulkWrite (median)',
      'pipeline/(raw + bulkWrite)',
    ],
    rows.map((row) => [
      row.label,
      `${formatRate(median(row.rounds.map((r) => r.endToEnd)))} events/s` +
        (row.rounds.every((r) => r.complete) ? '' : ' (incomplete)'),
      row.rounds.map((r) => formatRate(r.endToEnd)).join(', '),
      `${formatRate(median(row.rounds.map((r) => r.appended)))} events/s`,
      row.label.startsWith('embedded')
        ? `${formatRate(median(row.rounds.map((r) => r.perCpuSecond ?? Number.NaN)))} events/s`
        : 'n/a',
      row.raw.length ? `${formatRate(median(row.raw.map((r) => r.endToEnd)))} msg/s` : 'n/a',
      formatRatio(ratioOf(row)),
      row.rawDb.length ? `${formatRate(median(row.rawDb.map((r) => r.endToEnd)))} msg/s` : 'n/a',
      formatRatio(ratioOf(row, 'rawDb')),
    ]),
  );
}

function latencyTable(rows: LatencyRow[]): string[] {
  const cells = (l: LatencySummary): string[] => [
    formatMs(l.p50, l.p50LowerBound),
    formatMs(l.p99, l.p99LowerBound),
    formatMs(l.max),
  ];
  return table(
    [
      'pipeline',
      'rate (achieved)',
      'p50',
      'p99',
      'max',
      'applied',
      'raw p50',
      'raw p99',
      'p99 pipeline/raw',
      'raw + bulkWrite p50 / p99',
      'p99 pipeline/(raw + bulkWrite)',
    ],
    rows.map((row) => [
      row.label,
      `${formatRate(row.pipeline.targetRate)}/s (${formatRate(row.pipeline.achievedRate)})`,
      ...cells(row.pipeline),
      `${row.pipeline.applied}/${row.pipeline.events}`,
      row.raw ? formatMs(row.raw.p50, row.raw.p50LowerBound) : 'n/a',
      row.raw ? formatMs(row.raw.p99, row.raw.p99LowerBound) : 'n/a',
      row.raw && !row.pipeline.p99LowerBound ? formatRatio(row.pipeline.p99 / row.raw.p99) : 'n/a',
      row.rawDb
        ? `${formatMs(row.rawDb.p50, row.rawDb.p50LowerBound)} / ${formatMs(row.rawDb.p99, row.rawDb.p99LowerBound)}`
        : 'n/a',
      row.rawDb && !row.pipeline.p99LowerBound
        ? formatRatio(row.pipeline.p99 / row.rawDb.p99)
        : 'n/a',
    ]),
  );
}

// ---- running ----------------------------------------------------------------

const cleanups: Array<() => Promise<void> | void> = [];

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop() as () => Promise<void> | void;
    try {
      await cleanup();
    } catch (error) {
      console.error('  cleanup failed:', error instanceof Error ? error.message : error);
    }
  }
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const result = await run();
  console.log(`  ${what}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Warm-up, then `rounds` throughput rounds each beside a raw one (order
 * alternating), then a latency run at the fixed rate, and one below capacity
 * if the pipeline could not keep up.
 */
async function measure(
  pipeline: Pipeline,
  baselines: Baselines,
  options: Options,
  sizes: { events: number; rounds: number },
  stats: CallStats | undefined,
): Promise<{ throughput: ThroughputRow; latency: LatencyRow[] }> {
  const { events, rounds } = sizes;
  const timeoutMs = options.drainMs + events * 20;
  console.log(`\n${pipeline.label}`);
  const warm = await timed('warm-up (300 events; first delivery waits for group join)', () =>
    throughputRound(pipeline, { events: 300, concurrency: 60, timeoutMs: 60_000 }),
  );
  if (!warm.complete) console.log(`  warm-up incomplete: ${warm.applied}/${warm.events} applied`);
  const profile = (what: string): void => {
    if (!stats) return;
    console.log(`  calls during ${what} (call to settlement; concurrent calls overlap):`);
    for (const line of stats.lines()) console.log(`    ${line}`);
    stats.reset();
  };

  const row: ThroughputRow = { label: pipeline.label, rounds: [], raw: [], rawDb: [] };
  const { raw, rawDb } = baselines;
  for (let round = 0; round < rounds; round++) {
    const runRaw = async (): Promise<void> => {
      if (raw)
        row.raw.push(await raw.throughputRound(samePayloads(`raw${round}`, events), timeoutMs));
      if (rawDb) {
        rawDb.sink.resetCounters();
        const result = await rawDb.baseline.throughputRound(
          samePayloads(`rawdb${round}-${Math.random().toString(36).slice(2, 8)}`, events),
          timeoutMs,
        );
        row.rawDb.push(result);
        const { written, writeMs, commands } = rawDb.sink;
        console.log(
          `    raw kafkajs + bulkWrite: ${formatRate(result.endToEnd)} msg/s end to end; ` +
            `bulkWrite alone ${formatRate((written * 1000) / Math.max(1, writeMs))} documents/s ` +
            `(${formatRate(written)} documents in ${commands} commands, ${Math.round(writeMs)} ms)`,
        );
      }
    };
    if (round % 2 === 1) await runRaw();
    await settle(pipeline, options.drainMs);
    stats?.reset();
    const result = await throughputRound(pipeline, {
      events,
      concurrency: 100,
      timeoutMs,
      perAppend: options.perAppend,
    });
    if (round === 0) profile('throughput round 1');
    row.rounds.push(result);
    if (round % 2 === 0) await runRaw();
    const rawResult = row.raw[row.raw.length - 1];
    const rawDbResult = row.rawDb[row.rawDb.length - 1];
    console.log(
      `  round ${round + 1}: ${formatRate(result.endToEnd)} events/s end to end` +
        (result.complete
          ? ''
          : ` (INCOMPLETE: ${result.applied}/${result.events} applied before the timeout)`) +
        `, appends ${formatRate(result.appended)}/s` +
        (pipeline.label.startsWith('embedded')
          ? `, ${formatRate(result.perCpuSecond ?? Number.NaN)} per CPU-second`
          : '') +
        (rawResult ? `; raw kafkajs ${formatRate(rawResult.endToEnd)} msg/s` : '') +
        (rawDbResult
          ? `; raw kafkajs + bulkWrite ${formatRate(rawDbResult.endToEnd)} msg/s` +
            ` (ratio ${formatRatio(result.endToEnd / rawDbResult.endToEnd)})`
          : '') +
        `; load ${loadNow()}`,
    );
  }

  const latency: LatencyRow[] = [];
  const latencyAt = async (rate: number, label: string): Promise<Latency> => {
    await settle(pipeline, options.drainMs);
    stats?.reset();
    const result = await timed(`latency at ${rate} events/s for ${options.seconds} s`, () =>
      latencyRun(pipeline, { rate, seconds: options.seconds, drainTimeoutMs: options.drainMs }),
    );
    console.log(
      `  p50 ${formatMs(result.p50, result.p50LowerBound)}, p99 ${formatMs(result.p99, result.p99LowerBound)}, ` +
        `max ${formatMs(result.max)}, applied ${result.applied}/${result.events}` +
        (result.appendErrors ? `, ${result.appendErrors} appends FAILED` : ''),
    );
    profile(`the latency run at ${rate} events/s`);
    latency.push({ label, pipeline: result });
    return result;
  };
  // A pipeline slower than the fixed rate falls behind for good during that run, so its
  // latency there only says "unbounded". Its latency below capacity is measured first,
  // while it is idle (after the fixed-rate run it would start behind the backlog).
  const capacity = median(row.rounds.map((r) => r.endToEnd));
  if (capacity < options.rate * 1.2) {
    // Half its measured capacity at most, so that queueing does not dominate.
    const low = Math.max(1, Math.min(options.lowRate, Math.floor(capacity / 2)));
    console.log(
      `  throughput ${formatRate(capacity)} events/s is below ${options.rate} × 1.2: ` +
        `latency also at ${low} events/s, below its capacity`,
    );
    await latencyAt(low, `${pipeline.label} — at ${low}/s`);
  }
  await latencyAt(options.rate, pipeline.label);
  return { throughput: row, latency };
}

async function rawLatency(
  raw: RawKafkaBaseline,
  options: Options,
  label = 'raw kafkajs',
): Promise<Latency> {
  const result = await timed(
    `${label} latency at ${options.rate} msg/s for ${options.seconds} s`,
    () =>
      raw.latencyRun(
        samePayloads(
          `rawlat-${Math.random().toString(36).slice(2, 8)}`,
          Math.round(options.rate * options.seconds),
        ),
        options.rate,
        options.drainMs,
      ),
  );
  console.log(
    `  ${label}: p50 ${formatMs(result.p50, result.p50LowerBound)}, p99 ${formatMs(result.p99, result.p99LowerBound)}, ` +
      `max ${formatMs(result.max)}`,
  );
  return result;
}

async function withPipeline<T>(
  open: () => Promise<Pipeline>,
  use: (p: Pipeline) => Promise<T>,
): Promise<T> {
  const pipeline = await open();
  try {
    return await use(pipeline);
  } finally {
    await pipeline.close();
  }
}

async function main(): Promise<void> {
  const options = parse();
  const brokers = process.env['KAFKA_BROKERS']
    ?.split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const mongoUri = process.env['MONGODB_URI'];
  const runId = randomBytes(3).toString('hex');
  const context = `bench-pipeline-${runId}`;
  const stats = options.profileCalls ? new CallStats() : undefined;
  const instrument: Instrument = stats
    ? (component, target) => stats.wrap(component, target)
    : NO_INSTRUMENT;

  console.log('Pipeline benchmark (bench/pipeline): append → read model');
  for (const line of machine()) console.log(`  ${line}`);
  console.log(
    `  throughput: ${options.rounds} × ${formatRate(options.events)} events (embedded), ` +
      `${options.kafkaRounds} × ${formatRate(options.kafkaEvents)} events (Kafka+MongoDB), ` +
      `${options.perAppend} event(s) per append, 100 appends in flight; ` +
      `Kafka+MongoDB: ${options.claims ? 'with' : 'no'} per-event claims, ` +
      `${options.partitionsConcurrently} partition(s) consumed at once; ` +
      `latency: ${options.rate} events/s for ${options.seconds} s, from the scheduled append time ` +
      'to the completed read-model write',
  );

  process.once('SIGINT', () => {
    console.log('\nInterrupted: removing temporary files, databases and topics');
    void runCleanups().finally(() => process.exit(130));
  });

  const reports: ModeReport[] = [];
  const skipped: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'sfp-bench-pipeline-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const attachRaw = (report: ModeReport, rawResult: Latency): void => {
    for (const row of report.latency)
      if (row.pipeline.targetRate === options.rate) row.raw = rawResult;
  };

  try {
    let raw: RawKafkaBaseline | undefined;
    if (brokers?.length) {
      const opened = await RawKafkaBaseline.open(brokers, `sfp.${context}.raw`, 3);
      raw = opened;
      cleanups.push(() => opened.close());
      await timed('raw kafkajs warm-up (500 messages; waits for group join)', () =>
        opened.throughputRound(samePayloads('rawwarm', 500), 60_000),
      );
    } else {
      skipped.push(
        'raw kafkajs baseline: SKIPPED, KAFKA_BROKERS is not set (no ratios). ' +
          'Start the local servers with `bash infra/local/up`, then ' +
          '`KAFKA_BROKERS=127.0.0.1:9092 MONGODB_URI=mongodb://127.0.0.1:27017 npm run bench:pipeline`.',
      );
    }

    if (options.modes.has('embedded')) {
      console.log(`\n=== Embedded mode (SQLite store, embedded bus, SQLite read models) in ${dir}`);
      const report: ModeReport = { mode: 'Embedded', throughput: [], latency: [] };
      reports.push(report);
      const sizes = { events: options.events, rounds: options.rounds };
      if (options.direct) {
        const r = await withPipeline(
          () => openEmbeddedDirect(dir, instrument),
          (p) => measure(p, { raw }, options, sizes, stats),
        );
        report.throughput.push(r.throughput);
        report.latency.push(...r.latency);
      }
      const r = await withPipeline(
        () => openEmbeddedBus(dir, context, instrument),
        (p) => measure(p, { raw }, options, sizes, stats),
      );
      report.throughput.push(r.throughput);
      report.latency.push(...r.latency);
      if (raw) attachRaw(report, await rawLatency(raw, options));
    }

    if (options.modes.has('kafka')) {
      if (!brokers?.length || !mongoUri) {
        reportSkipped(
          skipped,
          'Kafka+MongoDB mode: SKIPPED, KAFKA_BROKERS and MONGODB_URI must both be set. ' +
            'Start the local servers with `bash infra/local/up` (it prints both), then ' +
            '`KAFKA_BROKERS=127.0.0.1:9092 MONGODB_URI=mongodb://127.0.0.1:27017 npm run bench:pipeline`.',
        );
      } else {
        console.log(
          `\n=== Kafka + MongoDB mode (brokers ${brokers.join(',')}, ${withoutCredentials(mongoUri)})`,
        );
        const report: ModeReport = { mode: 'Kafka + MongoDB', throughput: [], latency: [] };
        reports.push(report);
        const connection = await mongoose
          .createConnection(mongoUri, { serverSelectionTimeoutMS: 5_000 })
          .asPromise();
        const databases: Connection[] = [];
        const db = (suffix: string): Connection => {
          const opened = connection.useDb(`bench_pipeline_${runId}_${suffix}`, { useCache: true });
          databases.push(opened);
          return opened;
        };
        cleanups.push(async () => {
          for (const opened of databases) await opened.dropDatabase().catch(() => undefined);
          await connection.close();
        });
        cleanups.push(() => deleteKafkaArtifacts(brokers, context));
        const sink = await RawBulkWriteSink.open(db('raw'));
        const rawDbBaseline = await RawKafkaBaseline.open(
          brokers,
          `sfp.${context}.rawdb`,
          3,
          (messages) => sink.writeBatch(messages),
          options.partitionsConcurrently,
        );
        cleanups.push(() => rawDbBaseline.close());
        const rawDb = { baseline: rawDbBaseline, sink };
        await timed('raw kafkajs + bulkWrite warm-up (500 messages; waits for group join)', () =>
          rawDbBaseline.throughputRound(samePayloads('rawdbwarm', 500), 60_000),
        );
        const sizes = { events: options.kafkaEvents, rounds: options.kafkaRounds };
        if (options.direct) {
          const r = await withPipeline(
            () => openMongoDirect(db('direct'), options.mongoBatch, instrument),
            (p) => measure(p, { raw }, options, sizes, stats),
          );
          report.throughput.push(r.throughput);
          report.latency.push(...r.latency);
        }
        const sourceDb = db('source');
        const viewDb = db('view');
        const r = await withPipeline(
          () =>
            openKafkaMongoBus({
              sourceDb,
              destinationDb: viewDb,
              brokers,
              context,
              claims: options.claims,
              partitionsConsumedConcurrently: options.partitionsConcurrently,
              instrument,
            }),
          (p) => measure(p, { raw, rawDb }, options, sizes, stats),
        );
        report.throughput.push(r.throughput);
        report.latency.push(...r.latency);
        if (raw) attachRaw(report, await rawLatency(raw, options));
        const rawDbLatency = await rawLatency(rawDb.baseline, options, 'raw kafkajs + bulkWrite');
        for (const row of report.latency)
          if (row.pipeline.targetRate === options.rate && row.label === KAFKA_BUS_LABEL)
            row.rawDb = rawDbLatency;
        try {
          report.storage = await storageReport({
            sourceDb,
            viewDb,
            brokers,
            topic: contextTopics(context).events,
            kafkaDataDir: options.kafkaDataDir,
          });
        } catch (error) {
          console.error('  storage report failed:', error instanceof Error ? error.message : error);
        }
      }
    }
  } finally {
    await runCleanups();
  }

  printReport(reports, skipped, options);
}

/** The context's topics and the bench consumer group (the bus has no delete; the admin API does it). */
async function deleteKafkaArtifacts(brokers: string[], context: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'sfp-bench-cleanup',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([`${context}.bench-view`]).catch(() => undefined);
    await admin
      .deleteTopics({ topics: Object.values(contextTopics(context)) })
      .catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

function printReport(reports: ModeReport[], skipped: string[], options: Options): void {
  console.log('\n================ Results');
  for (const report of reports) {
    console.log(`\n${report.mode}: throughput (events appended and applied per second)\n`);
    for (const line of throughputTable(report.throughput)) console.log(line);
    console.log(`\n${report.mode}: latency append → read model at a fixed rate\n`);
    for (const line of latencyTable(report.latency)) console.log(line);
    if (report.storage) {
      console.log(`\n${report.mode}: what the bus pipeline left on disk, per event\n`);
      for (const line of report.storage) console.log(line);
    }
  }

  console.log('\nTargets');
  const verdict = (met: boolean | undefined): string =>
    met === undefined ? 'NOT MEASURED' : met ? 'MET' : 'NOT MET';
  const kafka = reports.find((r) => r.mode === 'Kafka + MongoDB');
  const kafkaThroughput = kafka?.throughput.find((row) => row.label === KAFKA_BUS_LABEL);
  if (kafkaThroughput) {
    const rate = median(kafkaThroughput.rounds.map((r) => r.endToEnd));
    const baseline = median(kafkaThroughput.rawDb.map((r) => r.endToEnd));
    const ratio = ratioOf(kafkaThroughput, 'rawDb');
    const complete = kafkaThroughput.rounds.every((r) => r.complete);
    const figures =
      `${formatRate(rate)} events/s${complete ? '' : ' (a round incomplete)'}; ` +
      `baseline raw kafkajs + bulkWrite ${formatRate(baseline)} msg/s; ratio ${formatRatio(ratio)}`;
    console.log(
      `  Distributed pipeline ≥ 0.5 × raw kafkajs + bulkWrite: ` +
        `${verdict(ratio === undefined ? undefined : complete && ratio >= 0.5)} (${figures})`,
    );
    console.log(
      `  Distributed pipeline ≥ 2,000 events/s end to end: ${verdict(complete && rate >= 2_000)} (${figures})`,
    );
    console.log(
      `    informative: pipeline/raw kafkajs alone ${formatRatio(ratioOf(kafkaThroughput))} ` +
        `(${formatRate(median(kafkaThroughput.raw.map((r) => r.endToEnd)))} msg/s); appends alone ` +
        `${formatRate(median(kafkaThroughput.rounds.map((r) => r.appended)))} events/s`,
    );
  }
  const kafkaLatency = kafka?.latency.find(
    (row) => row.label === KAFKA_BUS_LABEL && row.pipeline.targetRate === options.rate,
  );
  if (kafkaLatency) {
    const l = kafkaLatency.pipeline;
    const met = options.rate >= 500 ? !l.p99LowerBound && l.p99 < 250 : undefined;
    const base = kafkaLatency.rawDb;
    console.log(
      `  Distributed pipeline p99 append → view < 250 ms at 500 events/s: ${verdict(met)} ` +
        `(p99 ${formatMs(l.p99, l.p99LowerBound)} at ${formatRate(l.targetRate)} events/s, ${l.applied}/${l.events} applied; ` +
        `baseline raw kafkajs + bulkWrite p99 ${base ? formatMs(base.p99, base.p99LowerBound) : 'n/a'}; ratio ` +
        `${base && !l.p99LowerBound ? formatRatio(l.p99 / base.p99) : 'n/a'})`,
    );
  }
  if (kafka) {
    console.log(
      '  MongoEventStore append ≥ 0.5 × raw insert: measured by `npm run bench:event-store -- --adapter mongodb` ' +
        '(same server, store/raw per round)',
    );
  }
  for (const row of reports.find((r) => r.mode === 'Embedded')?.throughput ?? []) {
    const rate = median(row.rounds.map((r) => r.endToEnd));
    console.log(
      `  Embedded ≥ 10,000 events/s end to end (${row.label.replace('embedded · ', '')}): ${verdict(rate >= 10_000)} ` +
        `(${formatRate(rate)} events/s; pipeline/raw kafkajs ${formatRatio(ratioOf(row))})`,
    );
  }
  for (const line of skipped) console.log(`  ${line}`);
  console.log(`\n  load average at the end (1/5/15 min): ${loadNow()}`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await runCleanups();
  process.exitCode = 1;
});
