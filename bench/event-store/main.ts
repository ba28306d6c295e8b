/**
 * Event store benchmark: appends and readAll of each adapter beside a raw
 * baseline run in the same process, printed as store/raw. A script, not a
 * test: it asserts nothing, it reports. See docs/performance.md.
 *
 *   npm run bench:event-store                          # everything (MongoDB if MONGODB_URI is set)
 *   npm run bench:event-store -- --adapter sqlite      # sqlite | mongodb | memory | all
 *   npm run bench:event-store -- --seconds 5 --rounds 5
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  exitOnHelp,
  loadNow,
  machine,
  positiveOption as positive,
  reportSkipped,
  withoutCredentials,
} from '../cli';
import {
  formatRate,
  formatRatio,
  median,
  onInterrupt,
  ratioOf,
  runInterruptCleanups,
  targetMet,
  type BenchOptions,
  type Measurement,
} from './harness';
import { benchMemory } from './memory.bench';
import { benchMongo } from './mongodb.bench';
import { AVERAGE_PAYLOAD_BYTES } from './payload';
import { benchSqlite } from './sqlite.bench';

const ADAPTERS = ['sqlite', 'mongodb', 'memory'] as const;
type Adapter = (typeof ADAPTERS)[number];

const USAGE = `Usage: npm run bench:event-store -- [options]
  --adapter <sqlite|mongodb|memory|all>  adapters to measure (default all; repeatable)
  --seconds <n>      length of each timed run (default 1)
  --rounds <n>       store/raw pairs per measurement; the table shows medians (default 3)
  --read-events <n>  events in the log readAll reads (default 5000)
  --read-page <n>    events per readAll call (default 1000)
Environment: MONGODB_URI (e.g. mongodb://127.0.0.1:27017) enables MongoDB.`;

function parse(): { adapters: Adapter[]; options: Omit<BenchOptions, 'log'> } {
  const { values } = parseArgs({
    options: {
      adapter: { type: 'string', multiple: true },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      'read-events': { type: 'string' },
      'read-page': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  exitOnHelp(values.help, USAGE);
  const asked = (values.adapter ?? ['all']).flatMap((a) => a.split(','));
  const adapters = asked.includes('all')
    ? [...ADAPTERS]
    : ADAPTERS.filter((adapter) => asked.includes(adapter));
  const unknown = asked.filter((a) => a !== 'all' && !ADAPTERS.includes(a as Adapter));
  if (unknown.length > 0) throw new Error(`Unknown adapter ${unknown.join(', ')}\n${USAGE}`);
  return {
    adapters,
    options: {
      seconds: positive('seconds', values.seconds, 1),
      rounds: Math.round(positive('rounds', values.rounds, 3)),
      readEvents: Math.round(positive('read-events', values['read-events'], 5_000)),
      readPage: Math.round(positive('read-page', values['read-page'], 1_000)),
    },
  };
}

function table(results: readonly Measurement[]): string[] {
  const rows = results.map((m) => {
    const ratio = ratioOf(m);
    const met = targetMet(m);
    const target =
      m.target === undefined
        ? '—'
        : m.target.kind === 'ratio'
          ? `≥ ${m.target.min} of raw`
          : `≥ ${formatRate(m.target.min)} ${m.unit}`;
    return [
      m.adapter,
      m.name,
      `${formatRate(median(m.store))} ${m.unit}`,
      m.raw ? `${formatRate(median(m.raw))} ${m.unit}` : '—',
      formatRatio(ratio),
      target,
      met === undefined ? 'informative' : met ? 'MET' : 'NOT MET',
    ];
  });
  const header = [
    'adapter',
    'measurement',
    'store (median)',
    'raw (median)',
    'store/raw',
    'target',
    'result',
  ];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const format = (cells: string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)];
}

function verdicts(results: readonly Measurement[], skipped: readonly string[]): string[] {
  const lines: string[] = [];
  const byAdapter = new Map<string, Measurement[]>();
  for (const m of results) byAdapter.set(m.adapter, [...(byAdapter.get(m.adapter) ?? []), m]);
  for (const [adapter, measurements] of byAdapter) {
    const appends = measurements.filter((m) => m.target?.kind === 'ratio');
    if (appends.length > 0) {
      const worst = appends.reduce((a, b) => ((ratioOf(a) ?? 0) <= (ratioOf(b) ?? 0) ? a : b));
      const met = appends.every((m) => targetMet(m));
      lines.push(
        `${adapter} appends ≥ 0.5 of raw: ${met ? 'MET' : 'NOT MET'} ` +
          `(lowest store/raw ${formatRatio(ratioOf(worst))}, ${worst.name})`,
      );
    }
    const reads = measurements.filter((m) => m.target?.kind === 'rate');
    if (reads.length > 0) {
      const worst = reads.reduce((a, b) => (median(a.store) <= median(b.store) ? a : b));
      const met = reads.every((m) => targetMet(m));
      lines.push(
        `${adapter} readAll ≥ 50,000 events/s (embedded): ${met ? 'MET' : 'NOT MET'} ` +
          `(lowest ${formatRate(median(worst.store))} events/s, ${worst.name})`,
      );
    }
  }
  for (const line of skipped) lines.push(line);
  return lines;
}

async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const result = await run();
  console.log(`  ${name}: done in ${Math.round((Date.now() - start) / 1000)} s`);
  return result;
}

async function main(): Promise<void> {
  const { adapters, options: parsed } = parse();
  const options: BenchOptions = { ...parsed, log: (line) => console.log(line) };
  console.log('Event store benchmark (bench/event-store)');
  for (const line of machine()) console.log(`  ${line}`);
  console.log(
    `  ${options.seconds} s per timed run, ${options.rounds} rounds (store and raw back to back, ` +
      `order alternating), readAll over ${options.readEvents} events in pages of ${options.readPage}; ` +
      `event data ≈ ${AVERAGE_PAYLOAD_BYTES} bytes of JSON`,
  );

  const results: Measurement[] = [];
  const skipped: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'sfp-bench-event-store-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  const unregister = onInterrupt(cleanup);
  process.once('SIGINT', () => {
    console.log('\nInterrupted: removing the temporary files and databases');
    void runInterruptCleanups().finally(() => process.exit(130));
  });
  try {
    if (adapters.includes('sqlite')) {
      console.log(`\nSQLite (better-sqlite3, WAL, synchronous=FULL) in ${dir}`);
      results.push(...(await timed('SQLite', () => benchSqlite(options, dir))));
    }
    if (adapters.includes('mongodb')) {
      const uri = process.env['MONGODB_URI'];
      if (!uri) {
        reportSkipped(
          skipped,
          'MongoDB: SKIPPED, MONGODB_URI is not set. Start the local server with ' +
            '`bash infra/local/up` (it prints MONGODB_URI=mongodb://127.0.0.1:27017), then run ' +
            '`MONGODB_URI=mongodb://127.0.0.1:27017 npm run bench:event-store`.',
        );
      } else {
        console.log(`\nMongoDB (${withoutCredentials(uri)})`);
        results.push(...(await timed('MongoDB', () => benchMongo(options, uri))));
      }
    }
    if (adapters.includes('memory')) {
      console.log('\nin-memory (informative: no raw baseline, no target)');
      results.push(...(await timed('in-memory', () => benchMemory(options))));
    }
  } finally {
    unregister();
    cleanup();
  }

  console.log('\nResults (medians of the rounds; store/raw = median of the per-round ratios)\n');
  for (const line of table(results)) console.log(line);
  const notes = results.flatMap((m) => m.notes.map((n) => `${m.adapter} · ${m.name}: ${n}`));
  if (notes.length > 0) {
    console.log('');
    for (const note of notes) console.log(note);
  }
  console.log('\nTargets');
  for (const line of verdicts(results, skipped)) console.log(`  ${line}`);
  console.log(`\n  load average at the end (1/5/15 min): ${loadNow()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
