/** What the benches (bench/event-store, bench/pipeline) share on the command line and in their reports. */
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** `--help`: prints the usage and ends the process. */
export function exitOnHelp(help: boolean | undefined, usage: string): void {
  if (help) {
    console.log(usage);
    process.exit(0);
  }
}

/**
 * The value of a `--name` option that must be a positive number (`fallback`
 * when absent); otherwise throws, with `usage` after the message when given.
 */
export function positiveOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  usage?: string,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(
      `--${name} must be a positive number${usage === undefined ? '' : `\n${usage}`}`,
    );
  return value;
}

/** A part of the bench that could not run: said now, and kept for the targets at the end. */
export function reportSkipped(skipped: string[], line: string): void {
  console.log(`\n${line}`);
  skipped.push(line);
}

/** A server URI for the report: credentials masked. */
export function withoutCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/** The machine the bench runs on: date, node, CPUs and memory, load average. */
export function machine(): string[] {
  const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  return [
    `date: ${new Date().toISOString()}`,
    `node ${process.version}, ${process.platform}/${process.arch}`,
    `cpus: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}; memory ${gib(totalmem())} (free ${gib(freemem())})`,
    `load average (1/5/15 min): ${loadNow()}`,
  ];
}

/** The load average over 1, 5 and 15 minutes, e.g. `1.20 / 0.80 / 0.50`. */
export function loadNow(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}
