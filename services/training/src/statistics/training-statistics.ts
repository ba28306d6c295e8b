import {
  EVALUATION_ITEMS,
  type CompletionFigure,
  type EnrolmentStatus,
  type EvaluationItem,
  type KnowledgeGainFigure,
  type MeanFigure,
  type OfferingStatus,
  type TrainingStatistics,
} from '@sfp/contracts';
import type { EvaluationTotals } from '../offering/projections/offering-entry';
import type { Participation } from './participation';

/** What the statistics read of an offering: its waitlist and its evaluations (summed, anonymous). */
export interface OfferingFigures {
  status: OfferingStatus;
  waitlistLength: number;
  peakWaitlistLength: number;
  evaluation: EvaluationTotals;
}

const SEAT_HOLDING: readonly EnrolmentStatus[] = ['enrolled', 'completed', 'failed'];
/** Offerings whose waitlist still waits: those not yet started, completed or cancelled. */
const ENROLLING: readonly OfferingStatus[] = ['planned', 'open', 'full'];

/** Staff have no constituent group; anyone else without one counts as "none". */
export const groupOf = (p: Pick<Participation, 'staff' | 'constituentGroup'>): string =>
  p.staff ? 'staff' : (p.constituentGroup ?? 'none');

const round = (value: number, places: number) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};
const mean = (values: readonly number[]): number | null =>
  values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : null;

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

function groupBy<T, F>(
  items: readonly T[],
  key: (item: T) => string,
  figure: (group: readonly T[]) => F,
): Record<string, F> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return Object.fromEntries(
    [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, figure(g)]),
  );
}

function completionOf(results: readonly Participation[]): CompletionFigure {
  const completed = results.filter((p) => p.status === 'completed').length;
  const failed = results.length - completed;
  const n = completed + failed;
  return { completed, failed, n, rate: n ? round(completed / n, 4) : null };
}

function gainOf(scored: readonly Participation[]): KnowledgeGainFigure {
  const pre = scored.map((p) => p.preTest ?? 0);
  const post = scored.map((p) => p.postTest ?? 0);
  return {
    n: scored.length,
    meanPreTest: mean(pre),
    meanPostTest: mean(post),
    meanGain: mean(scored.map((p) => (p.postTest ?? 0) - (p.preTest ?? 0))),
  };
}

/**
 * The statistics of the selected enrolments and offerings. Every figure comes
 * from non-personal fields (group, sex, region, dates, status, scores), so an
 * erasure changes none; satisfaction comes from the offerings' anonymous sums.
 */
export function trainingStatistics(
  participations: readonly Participation[],
  offerings: readonly OfferingFigures[],
): TrainingStatistics {
  const participants = participations.filter((p) => SEAT_HOLDING.includes(p.status));
  const results = participations.filter((p) => p.status === 'completed' || p.status === 'failed');
  const scored = participations.filter((p) => p.preTest !== undefined && p.postTest !== undefined);
  const kindOf = (p: Participation) => p.courseKind ?? 'unknown';

  const items = Object.fromEntries(
    EVALUATION_ITEMS.map((item) => {
      let sum = 0;
      let n = 0;
      for (const o of offerings) {
        sum += o.evaluation.items[item]?.sum ?? 0;
        n += o.evaluation.items[item]?.n ?? 0;
      }
      return [item, { n, mean: n ? round(sum / n, 2) : null }];
    }),
  ) as Record<EvaluationItem, MeanFigure>;

  const peaks = offerings.map((o) => o.peakWaitlistLength);
  return {
    participants: {
      n: participants.length,
      byConstituentGroup: countBy(participants, groupOf),
      bySex: countBy(participants, (p) => p.sex),
      byRegion: countBy(participants, (p) => p.region),
      byYear: countBy(participants, (p) => p.year),
    },
    completion: {
      overall: completionOf(results),
      byCourseKind: groupBy(results, kindOf, completionOf),
      byYear: groupBy(results, (p) => p.year, completionOf),
    },
    knowledgeGain: {
      overall: gainOf(scored),
      byCourseKind: groupBy(scored, kindOf, gainOf),
    },
    satisfaction: {
      evaluations: offerings.reduce((total, o) => total + o.evaluation.submitted, 0),
      items,
    },
    waitlists: {
      offerings: offerings.length,
      waitingNow: offerings
        .filter((o) => ENROLLING.includes(o.status))
        .reduce((total, o) => total + o.waitlistLength, 0),
      offeringsWithWaitlist: peaks.filter((peak) => peak > 0).length,
      meanPeak: mean(peaks),
      maxPeak: peaks.length ? Math.max(...peaks) : 0,
    },
  };
}

/** One figure as a CSV line: what is measured, broken down by what, for which key; its n and value. */
export interface StatisticsRow {
  measure: string;
  breakdown: string;
  key: string;
  n: number;
  value: number | null;
}

/** The statistics as rows, for the CSV export. */
export function statisticsRows(s: TrainingStatistics): StatisticsRow[] {
  const rows: StatisticsRow[] = [];
  const counts = (breakdown: string, byKey: Record<string, number>) => {
    for (const [key, n] of Object.entries(byKey))
      rows.push({ measure: 'participants', breakdown, key, n, value: n });
  };
  rows.push({
    measure: 'participants',
    breakdown: 'all',
    key: 'all',
    n: s.participants.n,
    value: s.participants.n,
  });
  counts('constituentGroup', s.participants.byConstituentGroup);
  counts('sex', s.participants.bySex);
  counts('region', s.participants.byRegion);
  counts('year', s.participants.byYear);
  const completion = (breakdown: string, key: string, f: CompletionFigure) =>
    rows.push({ measure: 'completionRate', breakdown, key, n: f.n, value: f.rate });
  completion('all', 'all', s.completion.overall);
  for (const [key, f] of Object.entries(s.completion.byCourseKind))
    completion('courseKind', key, f);
  for (const [key, f] of Object.entries(s.completion.byYear)) completion('year', key, f);
  const gain = (breakdown: string, key: string, f: KnowledgeGainFigure) =>
    rows.push({ measure: 'knowledgeGain', breakdown, key, n: f.n, value: f.meanGain });
  gain('all', 'all', s.knowledgeGain.overall);
  for (const [key, f] of Object.entries(s.knowledgeGain.byCourseKind)) gain('courseKind', key, f);
  for (const [key, f] of Object.entries(s.satisfaction.items))
    rows.push({ measure: 'satisfaction', breakdown: 'item', key, n: f.n, value: f.mean });
  const w = s.waitlists;
  rows.push({
    measure: 'waitlist',
    breakdown: 'all',
    key: 'waitingNow',
    n: w.offerings,
    value: w.waitingNow,
  });
  rows.push({
    measure: 'waitlist',
    breakdown: 'all',
    key: 'meanPeak',
    n: w.offerings,
    value: w.meanPeak,
  });
  rows.push({
    measure: 'waitlist',
    breakdown: 'all',
    key: 'maxPeak',
    n: w.offerings,
    value: w.maxPeak,
  });
  return rows;
}
