import { performance } from 'node:perf_hooks';

/** Wall-clock milliseconds with sub-millisecond resolution (one clock for the whole process). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Follows events by eventId from the moment they were (to be) appended to the
 * moment their read-model write completed. `expect` before appending,
 * `applied` when the write that carries the event has resolved.
 */
export class ArrivalRecorder {
  private readonly sentAt = new Map<string, number>();
  private readonly latencies: number[] = [];
  private lastAppliedAt = 0;
  private waiting: { count: number; resolve: () => void } | undefined;
  /** Applied events nobody expected (a duplicate delivery, a warm-up straggler). */
  unexpected = 0;

  /** Registers an event; `at` is its scheduled append time (default: now). */
  expect(eventId: string, at: number = nowMs()): void {
    this.sentAt.set(eventId, at);
  }

  applied(eventId: string, at: number = nowMs()): void {
    const sent = this.sentAt.get(eventId);
    if (sent === undefined) {
      this.unexpected++;
      return;
    }
    this.sentAt.delete(eventId);
    this.latencies.push(at - sent);
    this.lastAppliedAt = at;
    if (this.waiting && this.latencies.length >= this.waiting.count) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve();
    }
  }

  get appliedCount(): number {
    return this.latencies.length;
  }

  get pending(): number {
    return this.sentAt.size;
  }

  /** When the last expected event was applied (epoch ms). */
  get lastApplied(): number {
    return this.lastAppliedAt;
  }

  /** Resolves true once `count` events were applied, false after `timeoutMs`. */
  async waitFor(count: number, timeoutMs: number): Promise<boolean> {
    if (this.latencies.length >= count) return true;
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<boolean>((resolve) => {
      this.waiting = { count, resolve: () => resolve(true) };
    });
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([reached, timedOut]);
    clearTimeout(timer);
    this.waiting = undefined;
    return result;
  }

  /** Latencies in ms, sorted ascending; events never applied are not in it (see `pending`). */
  sortedLatencies(): number[] {
    return [...this.latencies].sort((a, b) => a - b);
  }
}

export interface LatencySummary {
  /** Events scheduled. */
  events: number;
  /** Events applied before the drain deadline. */
  applied: number;
  p50: number;
  p99: number;
  max: number;
  /** True when p99 (or p50) falls on an event never applied: the figure is a lower bound. */
  p99LowerBound: boolean;
  p50LowerBound: boolean;
  /** The rate the appender achieved (events/s), and the rate asked. */
  achievedRate: number;
  targetRate: number;
}

/**
 * Percentile by the nearest-rank method over all scheduled events; an event
 * not applied counts as +infinity, so a pipeline that fell behind cannot show
 * a good p99 by leaving its slowest events out. Such a percentile is reported
 * as "> the longest latency seen" (a lower bound).
 */
export function percentile(
  sorted: readonly number[],
  total: number,
  p: number,
): { value: number; lowerBound: boolean } {
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  if (rank <= sorted.length) return { value: sorted[rank - 1] as number, lowerBound: false };
  return { value: sorted[sorted.length - 1] ?? Number.NaN, lowerBound: true };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Calls `send(index, scheduledAt)` at a fixed rate for `seconds`, open loop:
 * it does not wait for a send to finish before the next one is due (the sends
 * chain themselves where they must, e.g. per stream). Returns the scheduled
 * count and how long issuing took.
 */
export async function paced(
  rate: number,
  seconds: number,
  send: (index: number, scheduledAt: number) => void,
): Promise<{ issued: number; elapsedMs: number }> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = nowMs();
  let issued = 0;
  while (issued < total) {
    const now = nowMs();
    const due = Math.min(total, Math.floor((now - start) / interval) + 1);
    while (issued < due) {
      send(issued, start + issued * interval);
      issued++;
    }
    if (issued < total) await sleep(Math.max(1, start + issued * interval - nowMs()));
  }
  return { issued, elapsedMs: nowMs() - start };
}

// ---- call timing (--profile-calls) ------------------------------------------

/** Calls and time spent per `component.method`, for the breakdown that --profile-calls prints. */
export class CallStats {
  private readonly calls = new Map<string, { count: number; ms: number }>();

  /**
   * Wraps `target` so that each promise-returning method call is timed from
   * call to settlement (concurrent calls overlap, so totals can exceed wall time).
   */
  wrap<T extends object>(component: string, target: T): T {
    return new Proxy(target, {
      get: (object, property, receiver) => {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const name = `${component}.${String(property)}`;
        return (...args: unknown[]) => {
          const start = nowMs();
          const result = (value as (...a: unknown[]) => unknown).apply(object, args);
          if (result instanceof Promise) {
            return result.finally(() => this.add(name, nowMs() - start));
          }
          return result;
        };
      },
    });
  }

  add(name: string, ms: number): void {
    const entry = this.calls.get(name) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += ms;
    this.calls.set(name, entry);
  }

  reset(): void {
    this.calls.clear();
  }

  lines(): string[] {
    return table(
      ['call', 'calls', 'total', 'mean'],
      [...this.calls]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([name, { count, ms }]) => [
          name,
          String(count),
          `${Math.round(ms)} ms`,
          `${(ms / count).toFixed(2)} ms`,
        ]),
    );
  }
}

/** Identity unless profiling: how pipelines wrap the stores they hand to the library. */
export type Instrument = <T extends object>(component: string, target: T) => T;
export const NO_INSTRUMENT: Instrument = (_component, target) => target;

// ---- formatting ------------------------------------------------------------

export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.round(value).toLocaleString('en-US');
}

export function formatMs(value: number, lowerBound = false): string {
  if (!Number.isFinite(value)) return 'n/a';
  const text = value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
  return lowerBound ? `> ${text}` : text;
}

export function formatRatio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(2);
}

/** A plain-text table with padded columns (Markdown-compatible). */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)];
}
