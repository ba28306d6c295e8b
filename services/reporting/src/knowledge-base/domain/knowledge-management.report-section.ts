import {
  breakdown,
  type ComputedSection,
  type ReportFigure,
} from '../../report/domain/progress-report';
import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import type { InstitutionFacts, PerformanceReportFacts, TargetFacts } from './knowledge-base.facts';
import { KNOWLEDGE_BASE_SOURCE } from './knowledge-base.public-events';

/**
 * The knowledge management function for a period (pure):
 *  - institutions registered in the period;
 *  - institutions reporting: distinct institutions with a performance report
 *    filed in the period, by region; reports filed and restatements recorded;
 *  - targets due in the period (not withdrawn) by their latest status, and
 *    target status changes recorded in the period, by the new status.
 */
export function knowledgeManagementReportSection(
  period: ReportPeriod,
  data: {
    institutions: readonly InstitutionFacts[];
    reports: readonly PerformanceReportFacts[];
    targets: readonly TargetFacts[];
  },
): ComputedSection {
  const registered = data.institutions.filter((i) => inPeriod(period, i.registeredAt));
  const filed = data.reports.filter((r) => inPeriod(period, r.filedAt));
  const restatements = data.reports.flatMap((r) =>
    r.restatedAt.filter((at) => inPeriod(period, at)),
  );
  const reporting = new Map<string, string>();
  for (const r of filed) reporting.set(r.institutionId, r.region);
  const due = data.targets.filter((t) => !t.withdrawn && inPeriod(period, t.dueAt));
  const changes = data.targets.flatMap((t) =>
    t.statusChanges
      .map((c) => c.split('|'))
      .filter(([at]) => inPeriod(period, at))
      .map(([, status]) => status ?? ''),
  );
  const figures: ReportFigure[] = [
    { metric: 'institutionsRegistered', key: null, value: registered.length, unit: 'count' },
    { metric: 'institutionsReporting', key: null, value: reporting.size, unit: 'count' },
    { metric: 'performanceReportsFiled', key: null, value: filed.length, unit: 'count' },
    { metric: 'performanceReportsRestated', key: null, value: restatements.length, unit: 'count' },
    { metric: 'targetsDue', key: null, value: due.length, unit: 'count' },
    { metric: 'targetStatusChanges', key: null, value: changes.length, unit: 'count' },
    ...breakdown('institutionsReportingByRegion', [...reporting.values()], (region) => [region]),
    ...breakdown('targetsDueByStatus', due, (t) => [t.status]),
    ...breakdown('targetsDueByIndicator', due, (t) => [t.indicator]),
    ...breakdown('targetStatusChangesByStatus', changes, (s) => [s]),
  ];
  return {
    function: 'knowledge-management',
    context: KNOWLEDGE_BASE_SOURCE,
    figures,
    notes: [
      'Institutions reporting: distinct institutions with a performance report filed in the period (restatements do not count as new reports).',
      'Targets due: targets whose due date falls in the period and that were not withdrawn, by their latest status (no-data, on-track, at-risk, off-track).',
      "Target status changes: evaluations in the period that changed a target's status, by the new status.",
    ],
  };
}
