import type { ComputedSection, ReportFigure } from '../../report/domain/progress-report';
import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import { previousReportPeriod } from '../../report/domain/previous-period';
import { labelOf } from '../../training/domain/training.labels';
import {
  analysisBefore,
  statusAt,
  type ResearchCostBenefitFacts,
  type ResearchMilestoneFacts,
  type ResearchProjectFacts,
  type ResearchPublicationFacts,
} from './research.facts';
import {
  formatChange,
  formatCount,
  formatMoney,
  formatPercent,
  formatRatio,
  medianOf,
} from './research.format';
import {
  DECENT_WORK_DEFICIT_LABELS,
  FINDING_VERDICT_LABELS,
  INNOVATION_KIND_LABELS,
  RESEARCH_DESIGN_LABELS,
  RESEARCH_STATUS_LABELS,
} from './research.labels';
import { RESEARCH_SOURCE } from './research.public-events';

/** What the section is computed from: the rows of the research views. */
export interface ResearchReportData {
  projects: readonly ResearchProjectFacts[];
  milestones: readonly ResearchMilestoneFacts[];
  publications: readonly ResearchPublicationFacts[];
  costBenefit: readonly ResearchCostBenefitFacts[];
}

/** The previous period's figures carry the same names preceded by this. */
export const RESEARCH_PREVIOUS_PERIOD_PREFIX = 'previousPeriod';

export const researchPreviousPeriodMetric = (metric: string) =>
  `${RESEARCH_PREVIOUS_PERIOD_PREFIX}${metric.charAt(0).toUpperCase()}${metric.slice(1)}`;

const count = (metric: string, value: number): ReportFigure => ({
  metric,
  key: null,
  value,
  unit: 'count',
});

const measure = (metric: string, value: number | null): ReportFigure => ({
  metric,
  key: null,
  value,
});

function countBy<T>(metric: string, items: readonly T[], key: (item: T) => string): ReportFigure[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.keys()]
    .sort()
    .map((k) => ({ metric, key: k, value: counts.get(k) ?? 0, unit: 'count' as const }));
}

const day = (instant: string) => instant.slice(0, 10);
/** A date (YYYY-MM-DD) within the period. */
const dayInPeriod = (period: ReportPeriod, date: string | null) =>
  date !== null && date >= day(period.from) && date < day(period.to);

const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The research figures of one period, from the documents recorded before its end (pure). */
export function researchFigures(period: ReportPeriod, data: ResearchReportData): ReportFigure[] {
  const titles = new Map(data.projects.map((p) => [p.projectId, p.title]));

  // Projects by the status they had at the end of the period.
  const existing = data.projects.filter((p) => statusAt(p, period.to) !== null);
  const statuses = existing.flatMap((p) => {
    const status = statusAt(p, period.to);
    return status === null ? [] : [status];
  });

  // Milestones: met (completed on a day of the period) on time or late; slipped and open
  // (planned for a day of the period, flagged by the slippage check before its end, not done
  // before its end).
  const met = data.milestones.filter(
    (m) =>
      dayInPeriod(period, m.completedOn) && m.completedAt !== null && m.completedAt < period.to,
  );
  const metOnTime = met.filter((m) => (m.daysLate ?? 0) === 0).length;
  const slippedOpen = data.milestones.filter(
    (m) =>
      titles.has(m.projectId) &&
      dayInPeriod(period, m.plannedOn) &&
      m.slippedOn !== null &&
      m.slippedOn < day(period.to) &&
      (m.completedAt === null || m.completedAt >= period.to),
  ).length;

  // Publications in the period; the findings counted from each project's latest version in it.
  const published = data.publications.filter((p) => inPeriod(period, p.publishedAt));
  const latest = new Map<string, ResearchPublicationFacts>();
  for (const p of published)
    if ((latest.get(p.projectId)?.version ?? 0) < p.version) latest.set(p.projectId, p);
  const sum = (pick: (p: ResearchPublicationFacts) => number) =>
    [...latest.values()].reduce((s, p) => s + pick(p), 0);
  const notSupported = sum((p) => p.notSupported);
  const inconclusive = sum((p) => p.inconclusive);

  const abandoned = data.projects.filter((p) => inPeriod(period, p.abandonedAt));

  // Cost-benefit: each project's latest analysis recorded before the end of the period.
  const analyses = data.costBenefit.flatMap((c) => {
    const a = analysisBefore(c, period.to);
    return a ? [a] : [];
  });
  const ratios = analyses.flatMap((a) => (a.benefitCostRatio === null ? [] : [a.benefitCostRatio]));
  const npvByCurrency = new Map<string, number>();
  for (const a of analyses)
    npvByCurrency.set(a.currency, (npvByCurrency.get(a.currency) ?? 0) + a.netPresentValue);
  const median = medianOf(ratios);

  return [
    count('researchProjects', statuses.length),
    count('milestonesMetOnTime', metOnTime),
    count('milestonesMetLate', met.length - metOnTime),
    count('milestonesSlippedOpen', slippedOpen),
    measure(
      'milestonesMetOnTimePercent',
      met.length === 0 ? null : round((100 * metOnTime) / met.length, 1),
    ),
    count('publications', published.filter((p) => !p.correction).length),
    count('publicationCorrections', published.filter((p) => p.correction).length),
    count(
      'findingsPublished',
      sum((p) => p.findings),
    ),
    count(
      'findingsSupported',
      sum((p) => p.supported),
    ),
    count('findingsNotSupported', notSupported),
    count('findingsInconclusive', inconclusive),
    count('nullResults', notSupported + inconclusive),
    count('projectsAbandoned', abandoned.length),
    count('costBenefitProjectsAnalysed', analyses.length),
    measure('costBenefitMedianRatio', median === null ? null : round(median, 2)),
    ...countBy('researchProjectsByPhase', statuses, (s) => labelOf(RESEARCH_STATUS_LABELS, s)),
    ...countBy('researchProjectsByInnovationKind', existing, (p) =>
      labelOf(INNOVATION_KIND_LABELS, p.innovationKind),
    ),
    ...countBy('researchProjectsByDesign', existing, (p) =>
      labelOf(RESEARCH_DESIGN_LABELS, p.design),
    ),
    ...countBy(
      'researchProjectsByDeficit',
      existing.flatMap((p) => p.deficits),
      (d) => labelOf(DECENT_WORK_DEFICIT_LABELS, d),
    ),
    ...[...npvByCurrency.keys()].sort().map((currency) => ({
      metric: 'costBenefitNetPresentValueByCurrency',
      key: currency,
      value: Math.round(npvByCurrency.get(currency) ?? 0),
    })),
  ];
}

/** The headline counts set beside the previous period's, with the change, in words. */
const COMPARED: ReadonlyArray<[string, string]> = [
  ['milestonesMetOnTime', 'Milestones met on time'],
  ['milestonesMetLate', 'Milestones met late'],
  ['milestonesSlippedOpen', 'Milestones slipped and still open'],
  ['publications', 'Findings published (first versions)'],
  ['findingsPublished', 'Findings published'],
  ['nullResults', 'Null results (not supported or inconclusive)'],
  ['projectsAbandoned', 'Projects abandoned'],
  ['costBenefitProjectsAnalysed', 'Projects with a cost-benefit analysis'],
];

const valueOf = (figures: readonly ReportFigure[], metric: string) =>
  figures.find((f) => f.metric === metric && f.key === null)?.value ?? null;

function sentences(
  period: ReportPeriod,
  data: ResearchReportData,
  figures: readonly ReportFigure[],
  previous: readonly ReportFigure[],
): string[] {
  const v = (metric: string) => valueOf(figures, metric);
  const met = (v('milestonesMetOnTime') ?? 0) + (v('milestonesMetLate') ?? 0);
  const npv = figures
    .filter((f) => f.metric === 'costBenefitNetPresentValueByCurrency' && f.key !== null)
    .map((f) => formatMoney(f.key ?? '', f.value ?? 0));
  const abandoned = data.projects
    .filter((p) => inPeriod(period, p.abandonedAt))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map(
      (p) =>
        `Abandoned: ${p.title} (in ${labelOf(RESEARCH_STATUS_LABELS, p.abandonedInPhase)}, on ${day(p.abandonedAt ?? '')}): ${p.abandonedReason ?? 'no reason recorded'}.`,
    );
  return [
    `Milestones met in the period: ${formatCount(met)}, of which ${formatPercent(v('milestonesMetOnTimePercent'))} on time; ${formatCount(v('milestonesSlippedOpen'))} planned in the period slipped and are still open.`,
    `Findings published: ${formatCount(v('findingsPublished'))} (${FINDING_VERDICT_LABELS.supported} ${formatCount(v('findingsSupported'))}; null results ${formatCount(v('nullResults'))}: ${FINDING_VERDICT_LABELS['not-supported']} ${formatCount(v('findingsNotSupported'))}, ${FINDING_VERDICT_LABELS.inconclusive} ${formatCount(v('findingsInconclusive'))}), in ${formatCount(v('publications'))} publications and ${formatCount(v('publicationCorrections'))} corrections.`,
    `Cost-benefit: ${formatCount(v('costBenefitProjectsAnalysed'))} projects analysed by the end of the period, median benefit-cost ratio ${formatRatio(v('costBenefitMedianRatio'))}; total net present value ${npv.length === 0 ? 'n/a' : npv.join(', ')}.`,
    ...COMPARED.map(
      ([metric, label]) =>
        `${label}: ${formatCount(v(metric))} (previous period ${formatCount(valueOf(previous, metric))}; change ${formatChange(v(metric), valueOf(previous, metric))}).`,
    ),
    ...abandoned,
  ];
}

const RULES_NOTE =
  "Projects by phase: the status each project had at the end of the period (Suspended and Abandoned apart). Milestones met: completed on a day of the period, on time (on or before the planned date) or late; slipped and still open: planned for a day of the period, flagged as slipping by the end of it and not completed by then. Findings: from the publications of the period, each project counted once with its latest version; a null result is a finding whose verdict is not supported or inconclusive. Cost-benefit: each project's latest analysis recorded before the end of the period; the median benefit-cost ratio leaves out analyses with no cost; net present values are added up per currency, never converted.";

/**
 * Innovation and action research for a period and the previous one (pure):
 * projects by phase, milestones met and slipped, findings published with the
 * null results counted apart, projects abandoned with their reasons, and the
 * cost-benefit headline; the notes say each in words, formatted.
 */
export function innovationResearchReportSection(
  period: ReportPeriod,
  data: ResearchReportData,
): ComputedSection {
  const previous = previousReportPeriod(period);
  const figures = researchFigures(period, data);
  const before = researchFigures(previous, data);
  return {
    function: 'innovation',
    context: RESEARCH_SOURCE,
    figures: [
      ...figures,
      ...before.map((f) => ({ ...f, metric: researchPreviousPeriodMetric(f.metric) })),
    ],
    notes: [
      ...sentences(period, data, figures, before),
      RULES_NOTE,
      `Previous period: ${previous.label} (from ${day(previous.from)} to before ${day(previous.to)}); each figure of the report is set beside its value then, with the change.`,
    ],
  };
}
