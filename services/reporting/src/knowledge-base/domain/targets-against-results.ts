import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import { periodEndInstant, reportsOfInstitution } from './institution-aggregates';
import type { InstitutionFacts, PerformanceReportFacts, TargetFacts } from './knowledge-base.facts';

export type TargetTrend = 'improving' | 'steady' | 'worsening' | 'no-previous';

/** One target due in the period, against the result. */
export interface TargetResult {
  targetId: string;
  scopeKind: string;
  /** The institution's id (institution targets), else null. */
  institutionId: string | null;
  /** The institution's name, the programme, or the portfolio. */
  subject: string;
  indicator: string;
  comparator: string;
  threshold: number;
  dueAt: string;
  /** The latest value: the institution's latest report up to the due date, or the target's latest evaluation. */
  actual: number | null;
  /** The value before it: the institution's report before that one, or the evaluation before. */
  previous: number | null;
  /** The status the knowledge base last recorded (no-data before any evaluation). */
  status: string;
  trend: TargetTrend;
}

/** A change within half a per cent of the earlier value is steady. */
const STEADY_SHARE = 0.005;

/**
 * Which way a value moved for a target (pure): towards the target's side
 * (higher for at-least, lower for at-most) is improving, within half a per
 * cent of the earlier value is steady.
 */
export function targetTrend(
  comparator: string,
  actual: number | null,
  previous: number | null,
): TargetTrend {
  if (actual === null || previous === null) return 'no-previous';
  const change = actual - previous;
  if (Math.abs(change) <= Math.abs(previous) * STEADY_SHARE) return 'steady';
  const better = comparator === 'at-most' ? change < 0 : change > 0;
  return better ? 'improving' : 'worsening';
}

/**
 * Every target due in the period and not withdrawn, against the results
 * (pure), by due date then target id, judged as the knowledge base judges
 * it (on the latest report whose period ends on or before the due date):
 *  - an institution's target reads the indicator from the institution's
 *    latest report whose reporting period ended on or before the due date,
 *    and the trend from its report before that;
 *  - a programme's or the portfolio's target reads its last two evaluations
 *    (the knowledge base evaluates them on the summed figures of the
 *    institutions concerned);
 *  - the status is the last the knowledge base recorded (a report for the
 *    period is often filed after it ends; `asOf` shows it as it stood then).
 */
export function targetsAgainstResults(
  period: ReportPeriod,
  data: {
    institutions: readonly InstitutionFacts[];
    reports: readonly PerformanceReportFacts[];
    targets: readonly TargetFacts[];
  },
): TargetResult[] {
  const names = new Map(data.institutions.map((i) => [i.institutionId, i.name]));
  return data.targets
    .filter((t) => !t.withdrawn && inPeriod(period, t.dueAt))
    .sort((a, b) =>
      a.dueAt === b.dueAt ? a.targetId.localeCompare(b.targetId) : a.dueAt < b.dueAt ? -1 : 1,
    )
    .map((t): TargetResult => {
      const evaluations = t.evaluations ?? [];
      const status = t.status;
      let actual: number | null;
      let previous: number | null;
      if (t.scopeKind === 'institution' && t.institutionId) {
        const [latest, before] = reportsOfInstitution(t.institutionId, data.reports).filter(
          (r) => periodEndInstant(r) <= t.dueAt,
        );
        actual = latest?.ratios[t.indicator] ?? null;
        previous = before?.ratios[t.indicator] ?? null;
      } else {
        actual = evaluations.at(-1)?.value ?? null;
        previous = evaluations.at(-2)?.value ?? null;
      }
      return {
        targetId: t.targetId,
        scopeKind: t.scopeKind,
        institutionId: t.institutionId ?? null,
        subject: subjectOf(t, names),
        indicator: t.indicator,
        comparator: t.comparator,
        threshold: t.threshold,
        dueAt: t.dueAt,
        actual,
        previous,
        status,
        trend: targetTrend(t.comparator, actual, previous),
      };
    });
}

function subjectOf(target: TargetFacts, names: ReadonlyMap<string, string>): string {
  if (target.scopeKind === 'institution' && target.institutionId)
    return names.get(target.institutionId) ?? target.institutionId;
  if (target.scopeKind === 'programme' && target.programme)
    return `Programme: ${target.programme
      .split('-')
      .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
      .join(' ')}`;
  return 'Whole portfolio';
}
