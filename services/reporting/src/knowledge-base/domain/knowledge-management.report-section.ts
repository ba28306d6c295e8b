import {
  breakdown,
  type ComputedSection,
  type ComputedTable,
  type ReportFigure,
} from '../../report/domain/progress-report';
import type { FigureUnit } from '../../report/domain/figure-format';
import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import { INDICATOR_LABELS, INDICATOR_UNITS, type Indicator } from '@sfp/contracts';
import {
  latestReportPerInstitution,
  shareOf,
  totalOf,
  weightedOf,
  type InstitutionAggregate,
} from './institution-aggregates';
import type {
  ImpactAssessmentFacts,
  InstitutionFacts,
  PerformanceReportFacts,
  TargetFacts,
} from './knowledge-base.facts';
import { KNOWLEDGE_BASE_SOURCE } from './knowledge-base.public-events';
import {
  DESIGN_LABELS,
  REGION_LABELS,
  FINDING_LABELS,
  KNOWLEDGE_METRIC_LABELS,
  OUTCOME_LABELS,
  TARGET_STATUS_LABELS,
  TARGET_TREND_LABELS,
  wordsFor,
} from './knowledge.metric-labels';
import { targetsAgainstResults, type TargetResult } from './targets-against-results';

export interface KnowledgeManagementData {
  institutions: readonly InstitutionFacts[];
  reports: readonly PerformanceReportFacts[];
  targets: readonly TargetFacts[];
  assessments: readonly ImpactAssessmentFacts[];
}

/** Rounded for the reader and for exact comparisons: per cent to 2 decimals, ratios to 4. */
const round = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;
const percent = (fraction: number | null) => round(fraction === null ? null : fraction * 100, 2);

const figure = (metric: string, value: number | null, unit: FigureUnit): ReportFigure => ({
  metric,
  key: null,
  value,
  unit,
  label: KNOWLEDGE_METRIC_LABELS[metric] ?? metric,
});

/** One outreach or sustainability figure over the institutions: its aggregate, median and n. */
interface OutcomeFigure {
  /** The metrics' stem: <stem>Total|Weighted, <stem>Median, <n stem>Institutions. */
  metric: string;
  nMetric: string;
  aggregateSuffix: 'Total' | 'Weighted';
  unit: FigureUnit;
  label: string;
  weightedBy: string;
  result: InstitutionAggregate;
}

function outcomeFigures(reports: readonly PerformanceReportFacts[]): OutcomeFigure[] {
  const f = reports.map((r) => r.figures);
  const ratio = (r: PerformanceReportFacts, key: string) => r.ratios[key] ?? null;
  const asPercent = (a: InstitutionAggregate): InstitutionAggregate => ({
    aggregate: percent(a.aggregate),
    median: percent(a.median),
    n: a.n,
  });
  const asRatio = (a: InstitutionAggregate): InstitutionAggregate => ({
    aggregate: round(a.aggregate, 4),
    median: round(a.median, 4),
    n: a.n,
  });
  const byBorrowers = (value: (r: PerformanceReportFacts) => number | null) =>
    reports.map((r) => ({ value: value(r), weight: r.figures.activeBorrowers }));
  return [
    {
      metric: 'activeBorrowers',
      nMetric: 'activeBorrowers',
      aggregateSuffix: 'Total',
      unit: 'count',
      label: 'Active borrowers',
      weightedBy: 'Sum over institutions',
      result: totalOf(f.map((x) => x.activeBorrowers)),
    },
    {
      metric: 'activeSavers',
      nMetric: 'activeSavers',
      aggregateSuffix: 'Total',
      unit: 'count',
      label: 'Active voluntary savers',
      weightedBy: 'Sum over institutions',
      result: totalOf(f.map((x) => x.voluntarySavers)),
    },
    {
      metric: 'womenBorrowersPercent',
      nMetric: 'womenBorrowers',
      aggregateSuffix: 'Weighted',
      unit: 'percent',
      label: 'Women borrowers (% of active borrowers)',
      weightedBy: 'Active borrowers',
      result: asPercent(
        weightedOf(
          byBorrowers((r) => shareOf(r.figures.activeWomenBorrowers, r.figures.activeBorrowers)),
        ),
      ),
    },
    {
      metric: 'ruralClientsPercent',
      nMetric: 'ruralClients',
      aggregateSuffix: 'Weighted',
      unit: 'percent',
      label: 'Rural clients (% of active borrowers)',
      weightedBy: 'Active borrowers',
      result: asPercent(
        weightedOf(byBorrowers((r) => shareOf(r.figures.ruralClients, r.figures.activeBorrowers))),
      ),
    },
    {
      metric: 'depthRatio',
      nMetric: 'depth',
      aggregateSuffix: 'Weighted',
      unit: 'ratio',
      label: 'Depth (average loan balance / GNI per capita)',
      weightedBy: 'Active borrowers',
      result: asRatio(weightedOf(byBorrowers((r) => ratio(r, 'depth')))),
    },
    {
      metric: 'ossPercent',
      nMetric: 'oss',
      aggregateSuffix: 'Weighted',
      unit: 'percent',
      label: 'Operational self-sufficiency (OSS)',
      weightedBy: 'Financial, impairment and operating expenses (USD)',
      result: asPercent(
        weightedOf(reports.map((r) => ({ value: ratio(r, 'oss'), weight: r.figures.expensesUsd }))),
      ),
    },
    {
      metric: 'fssPercent',
      nMetric: 'fss',
      aggregateSuffix: 'Weighted',
      unit: 'percent',
      label: 'Financial self-sufficiency (FSS)',
      weightedBy: 'Adjusted expenses (USD)',
      result: asPercent(
        weightedOf(
          reports.map((r) => ({ value: ratio(r, 'fss'), weight: r.figures.adjustedExpensesUsd })),
        ),
      ),
    },
    {
      metric: 'par30Percent',
      nMetric: 'par30',
      aggregateSuffix: 'Weighted',
      unit: 'percent',
      label: 'Portfolio at risk > 30 days (PAR30)',
      weightedBy: 'Gross loan portfolio at period end (USD)',
      result: asPercent(
        weightedOf(reports.map((r) => ({ value: ratio(r, 'par30'), weight: r.figures.glpUsd }))),
      ),
    },
    {
      metric: 'writeOffPercent',
      nMetric: 'writeOff',
      aggregateSuffix: 'Weighted',
      unit: 'percent',
      label: 'Write-off ratio',
      weightedBy: 'Average gross loan portfolio (USD)',
      result: asPercent(
        weightedOf(
          reports.map((r) => ({
            value: ratio(r, 'writeOffRatio'),
            weight: r.figures.averageGlpUsd,
          })),
        ),
      ),
    },
  ];
}

/** An indicator's value in the unit the report shows it: a fraction in per cent, USD, people. */
function indicatorValue(
  indicator: string,
  value: number | null,
): { value: number | null; unit: FigureUnit } {
  const unit = INDICATOR_UNITS[indicator as Indicator];
  if (unit === 'usd') return { value: round(value, 2), unit: 'currency' };
  if (unit === 'people') return { value: round(value, 2), unit: 'count' };
  return { value: percent(value), unit: 'percent' };
}

function targetsTable(results: readonly TargetResult[]): ComputedTable {
  return {
    id: 'targets-against-results',
    title: 'Targets due in the period against results',
    columns: [
      { id: 'institution', label: 'Institution or scope' },
      { id: 'indicator', label: 'Indicator' },
      { id: 'comparator', label: 'Target is' },
      { id: 'target', label: 'Target' },
      { id: 'actual', label: 'Actual (latest report or evaluation)' },
      { id: 'previous', label: 'Before (previous report or evaluation)' },
      { id: 'unit', label: 'Unit' },
      { id: 'status', label: 'Status' },
      { id: 'trend', label: 'Trend' },
      { id: 'dueDate', label: 'Due' },
      { id: 'institutionId', label: 'Institution id' },
      { id: 'targetId', label: 'Target id' },
    ],
    rows: results.map((t) => {
      const target = indicatorValue(t.indicator, t.threshold);
      return {
        institution: t.subject,
        indicator: wordsFor(INDICATOR_LABELS, t.indicator),
        comparator: t.comparator === 'at-most' ? 'At most' : 'At least',
        target: target.value,
        actual: indicatorValue(t.indicator, t.actual).value,
        previous: indicatorValue(t.indicator, t.previous).value,
        unit: target.unit,
        status: wordsFor(TARGET_STATUS_LABELS, t.status),
        trend: wordsFor(TARGET_TREND_LABELS, t.trend),
        dueDate: t.dueAt.slice(0, 10),
        institutionId: t.institutionId,
        targetId: t.targetId,
      };
    }),
  };
}

function outcomesTable(figures: readonly OutcomeFigure[]): ComputedTable {
  return {
    id: 'outreach-and-sustainability',
    title: 'Outreach and sustainability over the institutions reporting',
    columns: [
      { id: 'figure', label: 'Figure' },
      { id: 'aggregate', label: 'Total or weighted value' },
      { id: 'median', label: 'Median per institution' },
      { id: 'institutions', label: 'Institutions (n)', unit: 'count' },
      { id: 'unit', label: 'Unit' },
      { id: 'weightedBy', label: 'Summed or weighted by' },
    ],
    rows: figures.map((o) => ({
      figure: o.label,
      aggregate: o.result.aggregate,
      median: o.result.median,
      institutions: o.result.n,
      unit: o.unit,
      weightedBy: o.weightedBy,
    })),
  };
}

/** The institutions behind the outreach and sustainability figures: each one's report and values. */
function institutionsTable(reports: readonly PerformanceReportFacts[]): ComputedTable {
  const ratioPercent = (r: PerformanceReportFacts, key: string) => percent(r.ratios[key] ?? null);
  return {
    id: 'institutions-reporting',
    title: 'Institutions behind the outreach and sustainability figures (their latest report)',
    columns: [
      { id: 'institution', label: 'Institution' },
      { id: 'region', label: 'Region' },
      { id: 'reportPeriod', label: 'Report period' },
      { id: 'activeBorrowers', label: 'Active borrowers', unit: 'count' },
      { id: 'activeSavers', label: 'Active voluntary savers', unit: 'count' },
      { id: 'womenPercent', label: 'Women borrowers (%)', unit: 'percent' },
      { id: 'ruralPercent', label: 'Rural clients (% of borrowers)', unit: 'percent' },
      { id: 'depth', label: 'Depth (average loan / GNI per capita)', unit: 'ratio' },
      { id: 'ossPercent', label: 'OSS (%)', unit: 'percent' },
      { id: 'fssPercent', label: 'FSS (%)', unit: 'percent' },
      { id: 'par30Percent', label: 'PAR30 (%)', unit: 'percent' },
      { id: 'writeOffPercent', label: 'Write-off ratio (%)', unit: 'percent' },
      { id: 'institutionId', label: 'Institution id' },
      { id: 'reportId', label: 'Report id' },
    ],
    rows: reports.map((r) => ({
      institution: r.institutionName || r.institutionId,
      region: wordsFor(REGION_LABELS, r.region),
      reportPeriod: `${r.periodStart} to ${r.periodEnd}`,
      activeBorrowers: r.figures.activeBorrowers,
      activeSavers: r.figures.voluntarySavers,
      womenPercent: percent(shareOf(r.figures.activeWomenBorrowers, r.figures.activeBorrowers)),
      ruralPercent: percent(shareOf(r.figures.ruralClients, r.figures.activeBorrowers)),
      depth: round(r.ratios['depth'] ?? null, 4),
      ossPercent: ratioPercent(r, 'oss'),
      fssPercent: ratioPercent(r, 'fss'),
      par30Percent: ratioPercent(r, 'par30'),
      writeOffPercent: ratioPercent(r, 'writeOffRatio'),
      institutionId: r.institutionId,
      reportId: r.reportId,
    })),
  };
}

function impactTable(completed: readonly ImpactAssessmentFacts[]): ComputedTable {
  return {
    id: 'impact-assessments-completed',
    title: 'Impact assessments completed in the period and their headline findings',
    columns: [
      { id: 'title', label: 'Assessment' },
      { id: 'summary', label: 'Summary' },
      { id: 'country', label: 'Country' },
      { id: 'design', label: 'Design' },
      { id: 'findings', label: 'Headline findings' },
      { id: 'completedOn', label: 'Completed' },
      { id: 'assessmentId', label: 'Assessment id' },
    ],
    rows: completed.map((a) => ({
      title: a.title,
      summary: a.summary,
      country: a.country,
      design: wordsFor(DESIGN_LABELS, a.design),
      findings: a.findings.length
        ? a.findings
            .map(
              (f) =>
                `${wordsFor(OUTCOME_LABELS, f.outcome)}: ${wordsFor(FINDING_LABELS, f.finding)}`,
            )
            .join('; ')
        : 'No outcome estimated',
      completedOn: (a.completedAt ?? '').slice(0, 10),
      assessmentId: a.assessmentId,
    })),
  };
}

/**
 * The knowledge management function for a period (pure):
 *  - institutions registered in the period; institutions reporting (a report
 *    filed in the period), by region; reports filed and restatements recorded;
 *  - outreach and sustainability over the institutions whose latest report
 *    covers the period (its reporting period ends in it): each figure's total
 *    or weighted value, median per institution and n;
 *  - impact assessments completed in the period, with their findings;
 *  - targets due in the period (not withdrawn) against results: status,
 *    indicator, trend; target status changes recorded in the period.
 */
export function knowledgeManagementReportSection(
  period: ReportPeriod,
  data: KnowledgeManagementData,
): ComputedSection {
  const registered = data.institutions.filter((i) => inPeriod(period, i.registeredAt));
  const filed = data.reports.filter((r) => inPeriod(period, r.filedAt));
  const restatements = data.reports.flatMap((r) =>
    r.restatedAt.filter((at) => inPeriod(period, at)),
  );
  const reporting = new Map<string, string>();
  for (const r of filed) reporting.set(r.institutionId, r.region);
  const latest = latestReportPerInstitution(period, data.reports);
  const outcomes = outcomeFigures(latest);
  const results = targetsAgainstResults(period, data);
  const changes = data.targets.flatMap((t) =>
    t.statusChanges
      .map((c) => c.split('|'))
      .filter(([at]) => inPeriod(period, at))
      .map(([, status]) => status ?? ''),
  );
  const completed = data.assessments
    .filter((a) => a.status === 'completed' && inPeriod(period, a.completedAt))
    .sort((a, b) => ((a.completedAt ?? '') < (b.completedAt ?? '') ? -1 : 1));
  const figures: ReportFigure[] = [
    figure('institutionsRegistered', registered.length, 'count'),
    figure('institutionsReporting', reporting.size, 'count'),
    figure('performanceReportsFiled', filed.length, 'count'),
    figure('performanceReportsRestated', restatements.length, 'count'),
    figure('institutionsWithFigures', latest.length, 'count'),
    ...outcomes.flatMap((o) => [
      figure(`${o.metric}${o.aggregateSuffix}`, o.result.aggregate, o.unit),
      figure(`${o.metric}Median`, o.result.median, o.unit),
      figure(`${o.nMetric}Institutions`, o.result.n, 'count'),
    ]),
    figure('impactAssessmentsCompleted', completed.length, 'count'),
    figure('targetsDue', results.length, 'count'),
    figure('targetStatusChanges', changes.length, 'count'),
    ...breakdown('institutionsReportingByRegion', [...reporting.values()], (region) => [region]),
    ...breakdown(
      'impactFindingsByFinding',
      completed.flatMap((a) => a.findings),
      (f) => [f.finding],
    ),
    ...breakdown('targetsDueByStatus', results, (t) => [t.status]),
    ...breakdown('targetsDueByIndicator', results, (t) => [t.indicator]),
    ...breakdown('targetsDueByTrend', results, (t) => [t.trend]),
    ...breakdown('targetStatusChangesByStatus', changes, (s) => [s]),
  ].map((f) =>
    f.key === null || f.label ? f : { ...f, label: KNOWLEDGE_METRIC_LABELS[f.metric] ?? f.metric },
  );
  return {
    function: 'knowledge-management',
    context: KNOWLEDGE_BASE_SOURCE,
    figures,
    tables: [
      outcomesTable(outcomes),
      institutionsTable(latest),
      targetsTable(results),
      impactTable(completed),
    ],
    notes: [
      'Institutions reporting: distinct institutions with a performance report filed in the period (restatements do not count as new reports).',
      'Outreach and sustainability: for each institution, its performance report whose reporting period ends last within the period (as restated since), the same report the peer benchmarks take. Counts are summed; each ratio is weighted by its own denominator (women and rural clients and depth by active borrowers, OSS by expenses, FSS by adjusted expenses, PAR30 by the gross loan portfolio, write-offs by the average portfolio, all in USD), so the weighted value is the ratio of the summed figures. The median is over the institutions with a value; n counts them.',
      'Rural clients are shown against active borrowers (reports give no total of clients).',
      'Impact assessments completed: assessments of the library first recorded or revised as completed in the period; their headline findings are the result (positive, null, negative, mixed) of each outcome estimated.',
      'Targets due: targets whose due date falls in the period and that were not withdrawn, with the status the knowledge base last recorded (no data, on track, at risk, off track). Actual: the indicator in the institution’s latest report whose period ended on or before the due date, as the knowledge base judges the target (for a programme or the portfolio, its latest evaluation); the trend compares it with the report (or evaluation) before: towards the target is improving, within 0.5 % of it steady.',
      "Target status changes: evaluations in the period that changed a target's status, by the new status.",
    ],
  };
}
