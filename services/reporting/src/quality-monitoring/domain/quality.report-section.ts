import type { ComputedSection, ReportFigure } from '../../report/domain/progress-report';
import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import { previousReportPeriod } from '../../report/domain/previous-period';
import {
  formatChange,
  formatCount,
  formatMoney,
  formatPercent,
  medianOf,
} from '../../innovation-research/domain/research.format';
import type {
  QualityDecisionFacts,
  QualityLinkageFacts,
  QualityPortfolioFacts,
  QualityProposalFacts,
} from './quality.facts';
import {
  decisionLabel,
  redFlagLabel,
  REVIEW_DECISION_LABELS,
  toolKindLabel,
} from './quality.labels';
import { QUALITY_SOURCE } from './quality.public-events';

/** What the section is computed from: the rows of the quality-monitoring views. */
export interface QualityReportData {
  proposals: readonly QualityProposalFacts[];
  decisions: readonly QualityDecisionFacts[];
  portfolio: readonly QualityPortfolioFacts[];
  linkages: readonly QualityLinkageFacts[];
}

/** The previous period's figures carry the same names preceded by this. */
export const QUALITY_PREVIOUS_PERIOD_PREFIX = 'previousPeriod';

export const qualityPreviousPeriodMetric = (metric: string) =>
  `${QUALITY_PREVIOUS_PERIOD_PREFIX}${metric.charAt(0).toUpperCase()}${metric.slice(1)}`;

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

function countBy(metric: string, keys: readonly string[]): ReportFigure[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.keys()]
    .sort()
    .map((k) => ({ metric, key: k, value: counts.get(k) ?? 0, unit: 'count' as const }));
}

const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;
const percent = (part: number, whole: number) =>
  whole === 0 ? null : round((100 * part) / whole, 1);

/** The decisions made in a period (each review decided once). */
const decidedIn = (period: ReportPeriod, data: QualityReportData) =>
  data.decisions.filter((d) => inPeriod(period, d.decidedAt));

/** The quality-monitoring figures of one period, from the documents recorded before its end (pure). */
export function qualityFigures(period: ReportPeriod, data: QualityReportData): ReportFigure[] {
  const decisions = decidedIn(period, data);
  const approvals = decisions.filter((d) => d.approved).length;
  const flagged = decisions.filter((d) => d.redFlagCount > 0);
  const turnarounds = decisions.flatMap((d) =>
    d.turnaroundWorkingDays === null ? [] : [d.turnaroundWorkingDays],
  );
  const median = medianOf(turnarounds);
  const linked = data.linkages.filter((l) => inPeriod(period, l.acceptedAt));
  const approvedComponents = data.portfolio.filter((p) => inPeriod(period, p.approvedAt));
  return [
    count(
      'proposalsSubmitted',
      data.proposals.filter((p) => inPeriod(period, p.submittedAt)).length,
    ),
    count('proposalsReviewed', new Set(decisions.map((d) => d.proposalId)).size),
    count('proposalDecisions', decisions.length),
    measure('approvalRatePercent', percent(approvals, decisions.length)),
    count(
      'redFlagsFound',
      decisions.reduce((s, d) => s + d.redFlagCount, 0),
    ),
    count('decisionsWithRedFlags', flagged.length),
    measure('turnaroundMedianWorkingDays', median === null ? null : round(median, 1)),
    measure(
      'withinServiceLevelPercent',
      percent(decisions.filter((d) => d.withinServiceLevel === true).length, decisions.length),
    ),
    count('linkagesMade', linked.length),
    count('approvedComponents', approvedComponents.length),
    measure(
      'approvedAmountUsd',
      approvedComponents.reduce((s, p) => s + p.amountUsd, 0),
    ),
    ...countBy(
      'proposalDecisionsByDecision',
      decisions.map((d) => decisionLabel(d.decision ?? '')),
    ),
    ...countBy(
      'redFlagsByFlag',
      decisions.flatMap((d) => d.redFlags.map(redFlagLabel)),
    ),
    ...countBy(
      'linkagesMadeByToolKind',
      linked.map((l) => toolKindLabel(l.kind)),
    ),
  ];
}

/** The headline counts set beside the previous period's, with the change, in words. */
const COMPARED: ReadonlyArray<[string, string]> = [
  ['proposalsSubmitted', 'Proposals submitted'],
  ['proposalsReviewed', 'Proposals reviewed (decided)'],
  ['proposalDecisions', 'Decisions'],
  ['redFlagsFound', 'Red flags found'],
  ['turnaroundMedianWorkingDays', 'Median turnaround (working days)'],
  ['withinServiceLevelPercent', 'Decided within the service level (%)'],
  ['linkagesMade', 'Linkages made'],
];

/** Working days as a reader reads them: up to one decimal ("8.5"); null → "n/a". */
const days = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const formatDays = (value: number | null) => (value === null ? 'n/a' : days.format(value));

const valueOf = (figures: readonly ReportFigure[], metric: string) =>
  figures.find((f) => f.metric === metric && f.key === null)?.value ?? null;

const breakdown = (figures: readonly ReportFigure[], metric: string) =>
  figures
    .filter((f) => f.metric === metric && f.key !== null)
    .map((f) => `${f.key} ${formatCount(f.value)}`);

function sentences(figures: readonly ReportFigure[], previous: readonly ReportFigure[]): string[] {
  const v = (metric: string) => valueOf(figures, metric);
  const decisionsByKind = Object.values(REVIEW_DECISION_LABELS).map(
    (label) =>
      `${label} ${formatCount(figures.find((f) => f.metric === 'proposalDecisionsByDecision' && f.key === label)?.value ?? 0)}`,
  );
  const flags = breakdown(figures, 'redFlagsByFlag');
  const links = breakdown(figures, 'linkagesMadeByToolKind');
  return [
    `Proposals reviewed: ${formatCount(v('proposalsReviewed'))}, in ${formatCount(v('proposalDecisions'))} decisions (${decisionsByKind.join(', ')}); approval rate ${formatPercent(v('approvalRatePercent'))}.`,
    `Red flags found: ${formatCount(v('redFlagsFound'))}, in ${formatCount(v('decisionsWithRedFlags'))} decisions${flags.length > 0 ? ` (${flags.join(', ')})` : ''}.`,
    `Turnaround: median ${v('turnaroundMedianWorkingDays') === null ? 'n/a' : `${formatDays(v('turnaroundMedianWorkingDays'))} working days`} from a version's submission to its decision; ${formatPercent(v('withinServiceLevelPercent'))} decided within the service level.`,
    `Linkages made: ${formatCount(v('linkagesMade'))}${links.length > 0 ? ` (${links.join(', ')})` : ''}.`,
    `Financial components approved: ${formatCount(v('approvedComponents'))}, ${formatMoney('USD', v('approvedAmountUsd') ?? 0)}.`,
    ...COMPARED.map(([metric, label]) => {
      const format = metric === 'turnaroundMedianWorkingDays' ? formatDays : formatCount;
      return `${label}: ${format(v(metric))} (previous period ${format(valueOf(previous, metric))}; change ${formatChange(v(metric), valueOf(previous, metric))}).`;
    }),
  ];
}

const RULES_NOTE =
  "Proposals reviewed: the proposals with a decision in the period; a resubmitted version is reviewed and decided again, so a proposal can have two decisions. Approval rate: approved with or without conditions, of all decisions. Red flags: those each decided review raised (direct lending by the project, pricing that prevents cost recovery, no exit strategy, a partner's PAR30 above or self-sufficiency below the policy's threshold); they block approval whatever the score. Turnaround: working days (Monday to Friday) from the submission of the version decided to its decision, against the review policy's service level. Linkages made: links between a proposal and another unit's tool accepted in the period. Amounts in US dollars at each proposal's own budget rate.";

/**
 * Quality monitoring for a period and the previous one (pure): proposals
 * reviewed, decisions by kind, red flags found, turnaround against the
 * service level and linkages made; the notes say each in words, formatted.
 */
export function qualityMonitoringReportSection(
  period: ReportPeriod,
  data: QualityReportData,
): ComputedSection {
  const previous = previousReportPeriod(period);
  const figures = qualityFigures(period, data);
  const before = qualityFigures(previous, data);
  return {
    function: 'quality-monitoring',
    context: QUALITY_SOURCE,
    figures: [
      ...figures,
      ...before.map((f) => ({ ...f, metric: qualityPreviousPeriodMetric(f.metric) })),
    ],
    notes: [
      ...sentences(figures, before),
      RULES_NOTE,
      `Previous period: ${previous.label} (from ${previous.from.slice(0, 10)} to before ${previous.to.slice(0, 10)}); each figure of the report is set beside its value then, with the change.`,
    ],
  };
}
