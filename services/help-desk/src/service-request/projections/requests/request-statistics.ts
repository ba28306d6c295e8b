import type { DurationStats, RequestStatistics } from '@sfp/contracts';
import type { RequestSummary } from './request-summary';

/** Nearest-rank percentile of sorted values (p in 0..100); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

/** Median: the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2) return sorted[mid] ?? null;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function durations(values: Array<number | undefined>): DurationStats {
  const sorted = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  return { count: sorted.length, medianHours: median(sorted), p90Hours: percentile(sorted, 90) };
}

/** CSAT: how many requesters answered, their mean rating (2 decimals) and the answers per rating. */
function satisfactionOf(requests: readonly RequestSummary[]): RequestStatistics['satisfaction'] {
  const ratings = requests
    .map((r) => r.satisfactionRating)
    .filter((v): v is number => typeof v === 'number');
  const distribution: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const rating of ratings)
    distribution[String(rating)] = (distribution[String(rating)] ?? 0) + 1;
  const mean = ratings.length
    ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
    : null;
  return { responses: ratings.length, mean, distribution };
}

/** Volumes, response and resolution times, and the SLA breach rate of a set of requests. */
export function requestStatistics(requests: readonly RequestSummary[]): RequestStatistics {
  const count = (key: (r: RequestSummary) => string | readonly string[]) => {
    const result: Record<string, number> = {};
    for (const r of requests) {
      const keys = key(r);
      for (const k of typeof keys === 'string' ? [keys] : keys) result[k] = (result[k] ?? 0) + 1;
    }
    return result;
  };
  const decided = requests.filter(
    (r) => r.slaEverBreached || r.status === 'resolved' || r.status === 'closed',
  );
  const breached = decided.filter((r) => r.slaEverBreached).length;
  return {
    total: requests.length,
    byKind: count((r) => r.kind),
    byTheme: count((r) => r.themes),
    byRegion: count((r) => r.region),
    byMonth: count((r) => r.submittedMonth),
    byStatus: count((r) => r.status),
    firstResponse: durations(requests.map((r) => r.hoursToFirstResponse)),
    resolution: durations(requests.map((r) => r.hoursToResolution)),
    sla: {
      evaluated: decided.length,
      breached,
      breachRate: decided.length ? Math.round((breached / decided.length) * 10_000) / 10_000 : null,
    },
    satisfaction: satisfactionOf(requests),
  };
}
