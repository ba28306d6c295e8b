import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../..');
const REPORT = join(ROOT, 'docs/reliability.md');
const PRETTIER = join(ROOT, 'node_modules/prettier/bin/prettier.cjs');

/** quick (CI, the default) or full (`npm run test:faults -- --full`). */
export type FaultSuiteMode = 'quick' | 'full';

export function faultSuiteMode(): FaultSuiteMode {
  return process.env['SFP_FAULT_SUITE'] === 'full' ? 'full' : 'quick';
}

/** `quick` in the quick version, `full` in the full one. */
export function sized<T>(quick: T, full: T): T {
  return faultSuiteMode() === 'full' ? full : quick;
}

/** The targets every scenario is held to (issue 22). */
export const RECOVERY_TARGET_MS = 30_000;

/** One scenario's figures, as its row of the table in docs/reliability.md. */
export interface ScenarioFigures {
  /** 1 to 9, the scenario's number in docs/reliability.md. */
  scenario: number;
  /** What was broken, in a few words. */
  title: string;
  /** Commands sent (HTTP and Kafka together). */
  sent: number;
  /** Commands acknowledged: HTTP 2xx, or a Kafka message the broker took. */
  acknowledged: number;
  /** Acknowledged commands missing from the store or a view. */
  lost: number;
  /** Acknowledged commands found more than once in a view. */
  duplicated: number;
  /** From the end of the fault to the views complete again, in ms; undefined when nothing had to recover. */
  recoveryMs?: number;
  /** Responses ≥ 500 outside the injected fault (the fault's own 503s are not counted). */
  serverErrors: number;
  /** Anything else worth a reader's eye, in one short sentence. */
  notes?: string;
}

/** True when the figures meet the targets: 0 lost, 0 duplicated, recovery under 30 s, 0 responses ≥ 500. */
export function meetsTargets(figures: ScenarioFigures): boolean {
  return (
    figures.lost === 0 &&
    figures.duplicated === 0 &&
    figures.serverErrors === 0 &&
    (figures.recoveryMs === undefined || figures.recoveryMs < RECOVERY_TARGET_MS)
  );
}

const number = (value: number) => value.toLocaleString('en-GB');
const seconds = (ms: number | undefined) =>
  ms === undefined ? 'nothing to recover' : `${(ms / 1000).toFixed(1)} s`;

/**
 * Writes the scenario's row into the table of this mode in docs/reliability.md
 * (between the `fault-suite:<mode>` markers), replacing the row of an earlier
 * run of the same scenario, and returns whether it met the targets.
 */
export function recordScenario(figures: ScenarioFigures, now = new Date()): boolean {
  const passed = meetsTargets(figures);
  const mode = faultSuiteMode();
  const begin = `<!-- fault-suite:${mode}:begin -->`;
  const end = `<!-- fault-suite:${mode}:end -->`;
  const text = readFileSync(REPORT, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/reliability.md has no ${begin} … ${end} block`);
  const header = [
    '| # | scenario | commands sent | acknowledged | lost | duplicated in views | time to recover | responses ≥ 500 outside the fault | result | run (UTC) | notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const rows = text
    .slice(from + begin.length, to)
    .split('\n')
    .filter((line) => /^\|\s*\d+\s*\|/.test(line));
  const row =
    `| ${figures.scenario} | ${figures.title} | ${number(figures.sent)} | ${number(figures.acknowledged)} | ` +
    `${number(figures.lost)} | ${number(figures.duplicated)} | ${seconds(figures.recoveryMs)} | ` +
    `${number(figures.serverErrors)} | ${passed ? 'pass' : '**fail**'} | ` +
    `${now.toISOString().slice(0, 16).replace('T', ' ')} | ${(figures.notes ?? '').replace(/\|/g, '/')} |`;
  const kept = rows.filter((line) => Number(line.split('|')[1]) !== figures.scenario);
  kept.push(row);
  kept.sort((a, b) => Number(a.split('|')[1]) - Number(b.split('|')[1]));
  const table = ['', ...header, ...kept, ''].join('\n');
  writeFileSync(REPORT, text.slice(0, from + begin.length) + table + text.slice(to));
  // The committed document stays as `prettier --check` wants it (the table's columns aligned).
  spawnSync(process.execPath, [PRETTIER, '--write', '--log-level', 'warn', REPORT], {
    stdio: 'inherit',
  });
  process.stdout.write(`fault suite (${mode}) scenario ${figures.scenario}: ${row}\n`);
  return passed;
}

/** A progress line on stderr, unbuffered, so a long scenario shows where it is. */
export function step(message: string): void {
  process.stderr.write(`[fault-suite ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// A run stopped from outside (a CI timeout, Ctrl-C) still runs the 'exit' hooks that kill the
// suite's servers and services: without a handler, SIGTERM and SIGINT skip them.
for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const) {
  process.prependOnceListener(signal, () => process.exit(code));
}
