import {
  RATIO_KEYS,
  type RatioKey,
  type Ratios,
} from '../../performance-report/domain/standard-ratios';

/** Distribution of one ratio in a peer group. */
export interface PeerStatistic {
  /** Institutions with a value for the ratio. */
  count: number;
  /** Institutions of the group whose ratio is absent (not computable). */
  absent: number;
  min?: number;
  q1?: number;
  median?: number;
  q3?: number;
  max?: number;
}

/**
 * The p-quantile of sorted values by linear interpolation between closest
 * ranks (R type 7, Excel QUARTILE.INC): h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function quantile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower] ?? Number.NaN;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)] ?? Number.NaN;
  const t = h - lower;
  const value = below + t * (above - below);
  // (above − below) overflows for values near ±Number.MAX_VALUE: the weighted mean does not.
  return Number.isFinite(value) ? value : below * (1 - t) + above * t;
}

export function peerStatistic(values: ReadonlyArray<number | null>): PeerStatistic {
  const present = values
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  const absent = values.length - present.length;
  const [min, q1, median, q3, max] = [0, 0.25, 0.5, 0.75, 1].map((p) => quantile(present, p));
  if (min === undefined) return { count: 0, absent };
  return { count: present.length, absent, min, q1, median, q3, max };
}

export interface PeerMember {
  region: string;
  legalType: string;
  year: number;
  ratios: Ratios;
}

export interface PeerGroupStatistics {
  region: string;
  legalType: string;
  year: number;
  institutions: number;
  ratios: Record<RatioKey, PeerStatistic>;
}

/**
 * Peer groups by region, legal type and year, with the distribution of every
 * ratio. One member per institution and year (the caller picks each
 * institution's report for the year). Groups sorted by year, region, legal type.
 */
export function peerBenchmarks(members: readonly PeerMember[]): PeerGroupStatistics[] {
  const groups = new Map<string, PeerMember[]>();
  for (const member of members) {
    const key = `${member.year}\u0000${member.region}\u0000${member.legalType}`;
    const group = groups.get(key) ?? [];
    group.push(member);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(([first, ...rest]) => ({
      first: first as PeerMember,
      group: [first as PeerMember, ...rest],
    }))
    .map(({ first, group }) => ({
      region: first.region,
      legalType: first.legalType,
      year: first.year,
      institutions: group.length,
      ratios: Object.fromEntries(
        RATIO_KEYS.map((key) => [key, peerStatistic(group.map((m) => m.ratios[key].value))]),
      ) as Record<RatioKey, PeerStatistic>,
    }))
    .sort(
      (a, b) =>
        a.year - b.year ||
        a.region.localeCompare(b.region) ||
        a.legalType.localeCompare(b.legalType),
    );
}
