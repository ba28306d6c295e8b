import { median } from '../../query/domain/analyst-query.evaluation';
import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import type { PerformanceReportFacts } from './knowledge-base.facts';

/** A report's period end as an instant (midnight UTC), so periods compare it like any timestamp. */
export const periodEndInstant = (report: PerformanceReportFacts): string =>
  `${report.periodEnd}T00:00:00.000Z`;

/** Later period end first; for the same period end, the report filed last. */
function latestFirst(a: PerformanceReportFacts, b: PerformanceReportFacts): number {
  if (a.periodEnd !== b.periodEnd) return a.periodEnd < b.periodEnd ? 1 : -1;
  return a.filedAt < b.filedAt ? 1 : a.filedAt > b.filedAt ? -1 : 0;
}

/**
 * The reports an institution's figures are read from for a period (pure): for
 * each institution, its report whose reporting period ends last within the
 * period (the same report the knowledge base's peer benchmarks take), as it
 * stands now (restatements included).
 */
export function latestReportPerInstitution(
  period: ReportPeriod,
  reports: readonly PerformanceReportFacts[],
): PerformanceReportFacts[] {
  const latest = new Map<string, PerformanceReportFacts>();
  for (const report of [...reports].sort(latestFirst)) {
    if (!inPeriod(period, periodEndInstant(report))) continue;
    if (!latest.has(report.institutionId)) latest.set(report.institutionId, report);
  }
  return [...latest.values()].sort((a, b) => a.institutionId.localeCompare(b.institutionId));
}

/** An institution's reports, latest period end first. */
export function reportsOfInstitution(
  institutionId: string,
  reports: readonly PerformanceReportFacts[],
): PerformanceReportFacts[] {
  return reports.filter((r) => r.institutionId === institutionId).sort(latestFirst);
}

/** One figure over the institutions reporting: its aggregate, its median and how many institutions it covers. */
export interface InstitutionAggregate {
  /** The total (a count) or the weighted value (a ratio); null when no institution has it. */
  aggregate: number | null;
  median: number | null;
  /** Institutions with a value. */
  n: number;
}

/** The sum and the median of a count over the institutions that report it. */
export function totalOf(values: ReadonlyArray<number | null>): InstitutionAggregate {
  const present = values.filter((v): v is number => v !== null);
  return {
    aggregate: present.length ? present.reduce((s, v) => s + v, 0) : null,
    median: median(present),
    n: present.length,
  };
}

/**
 * A ratio over institutions: each institution's value weighted by its own
 * denominator, Σ(value × weight) / Σ weight, so the weighted value is the
 * ratio of the summed figures; the median of the institutions' values; n the
 * institutions with both a value and a positive weight.
 */
export function weightedOf(
  items: ReadonlyArray<{ value: number | null; weight: number | null }>,
): InstitutionAggregate {
  const present = items.filter(
    (i): i is { value: number; weight: number } =>
      i.value !== null && i.weight !== null && i.weight > 0,
  );
  const weights = present.reduce((s, i) => s + i.weight, 0);
  return {
    aggregate: present.length
      ? present.reduce((s, i) => s + i.value * i.weight, 0) / weights
      : null,
    median: median(present.map((i) => i.value)),
    n: present.length,
  };
}

/** A share of a count (a / b) for one institution, null when it cannot be computed. */
export function shareOf(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole <= 0 ? null : part / whole;
}
