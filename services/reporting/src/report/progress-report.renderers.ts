import { createHash } from 'node:crypto';
import { toCsv } from '@sfp/service-kit';
import type { ProgressReport, ReportFigure } from './domain/progress-report';
import {
  RESEARCH_BREAKDOWN_KEYS,
  RESEARCH_METRIC_LABELS,
} from '../innovation-research/domain/research.metric-labels';
import {
  QUALITY_BREAKDOWN_KEYS,
  QUALITY_METRIC_LABELS,
} from '../quality-monitoring/domain/quality.metric-labels';
import {
  TRAINING_BREAKDOWN_KEYS,
  TRAINING_METRIC_LABELS,
} from '../training/domain/training.metric-labels';

interface CsvLine {
  function: string;
  status: string;
  metric: string;
  key: string | null;
  value: number | null;
  unit: string;
  note: string;
}

/** One line per figure (and one per function not reported, saying so), for spreadsheets. */
export function progressReportCsv(report: ProgressReport): string {
  const lines: CsvLine[] = report.functions.flatMap((fn): CsvLine[] =>
    fn.status === 'reported'
      ? fn.figures.map((f) => ({
          function: fn.function,
          status: fn.status,
          metric: f.metric,
          key: f.key,
          value: f.value,
          unit: f.unit ?? '',
          note: '',
        }))
      : [
          {
            function: fn.function,
            status: fn.status,
            metric: '',
            key: null,
            value: null,
            unit: '',
            note: fn.note,
          },
        ],
  );
  return toCsv(lines, [
    { header: 'period', value: () => report.period.label },
    { header: 'function', value: (l) => l.function },
    { header: 'status', value: (l) => l.status },
    { header: 'metric', value: (l) => l.metric },
    { header: 'key', value: (l) => l.key },
    { header: 'value', value: (l) => l.value },
    { header: 'unit', value: (l) => l.unit },
    { header: 'note', value: (l) => l.note },
  ]);
}

/** Text for HTML: every character that could open markup or an attribute is escaped. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const METRIC_LABELS: Record<string, string> = {
  requestsReceived: 'Requests received',
  requestsResolved: 'Requests resolved',
  requestsCancelled: 'Requests cancelled',
  medianHoursToResolution: 'Median time to resolution (hours)',
  meanHoursToResolution: 'Mean time to resolution (hours)',
  slaBreaches: 'SLA breaches',
  requestsReceivedByKind: 'Requests received by kind',
  requestsReceivedByTheme: 'Requests received by theme',
  requestsResolvedByKind: 'Requests resolved by kind',
  requestsResolvedByTheme: 'Requests resolved by theme',
  slaBreachesByPriority: 'SLA breaches by priority',
  institutionsRegistered: 'Institutions registered',
  institutionsReporting: 'Institutions reporting',
  performanceReportsFiled: 'Performance reports filed',
  performanceReportsRestated: 'Performance reports restated',
  targetsDue: 'Targets due',
  targetStatusChanges: 'Target status changes',
  institutionsReportingByRegion: 'Institutions reporting by region',
  targetsDueByStatus: 'Targets due by status',
  targetsDueByIndicator: 'Targets due by indicator',
  targetStatusChangesByStatus: 'Target status changes by new status',
  ...TRAINING_METRIC_LABELS,
  ...RESEARCH_METRIC_LABELS,
  ...QUALITY_METRIC_LABELS,
};

const BREAKDOWN_KEYS: Record<string, string> = {
  Kind: 'Kind',
  Theme: 'Theme',
  Priority: 'Priority',
  Region: 'Region',
  Status: 'Status',
  Indicator: 'Indicator',
  ...TRAINING_BREAKDOWN_KEYS,
  ...RESEARCH_BREAKDOWN_KEYS,
  ...QUALITY_BREAKDOWN_KEYS,
};

const label = (metric: string) => METRIC_LABELS[metric] ?? metric;
const shown = (value: number | null) =>
  value === null ? 'n/a (nothing to measure)' : String(value);

function figureTables(figures: readonly ReportFigure[]): string {
  const headline = figures.filter((f) => f.key === null);
  const groups = new Map<string, ReportFigure[]>();
  for (const f of figures.filter((f) => f.key !== null))
    groups.set(f.metric, [...(groups.get(f.metric) ?? []), f]);
  const rows = headline
    .map(
      (f) =>
        `<tr><th scope="row">${escapeHtml(label(f.metric))}</th><td>${escapeHtml(shown(f.value))}</td></tr>`,
    )
    .join('');
  let html = `<table class="headline"><tbody>${rows}</tbody></table>`;
  for (const [metric, items] of groups) {
    html += `<h3>${escapeHtml(label(metric))}</h3><table><thead><tr><th scope="col">${escapeHtml(BREAKDOWN_KEYS[/By(\w+)$/.exec(metric)?.[1] ?? ''] ?? 'Key')}</th><th scope="col">Count</th></tr></thead><tbody>`;
    html += items
      .map((f) => `<tr><td>${escapeHtml(f.key)}</td><td>${escapeHtml(shown(f.value))}</td></tr>`)
      .join('');
    html += '</tbody></table>';
  }
  return html;
}

const REPORT_STYLE = `
body{font-family:Georgia,serif;max-width:50rem;margin:2rem auto;color:#111}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .6rem;text-align:left}
.not-reported{font-style:italic}.notes{font-size:.85rem;color:#333}
@media print{body{margin:0}section{page-break-inside:avoid}}
`;

/**
 * The Content-Security-Policy the printable report is served with: nothing
 * may load or run but its own style sheet (allowed by its hash), so even a
 * value that escaped escaping could not run a script or send data anywhere.
 */
export const PROGRESS_REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(REPORT_STYLE).digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A printable page (no script, no external resource); every value escaped. */
export function progressReportHtml(report: ProgressReport): string {
  const sections = report.functions
    .map((fn) => {
      const body =
        fn.status === 'reported'
          ? `${figureTables(fn.figures)}<ul class="notes">${fn.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
          : `<p class="not-reported">${escapeHtml(fn.note)}</p>`;
      return `<section id="${escapeHtml(fn.function)}"><h2>${escapeHtml(fn.title)}</h2>${body}</section>`;
    })
    .join('\n');
  const asOf = report.asOf ? ` as it stood on ${escapeHtml(report.asOf)}` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>${REPORT_STYLE}</style></head>
<body><h1>${escapeHtml(report.title)}</h1>
<p>Period ${escapeHtml(report.period.label)}: from ${escapeHtml(report.period.from.slice(0, 10))} to before ${escapeHtml(report.period.to.slice(0, 10))}${asOf}. Generated ${escapeHtml(report.generatedAt)}.</p>
${sections}
</body></html>
`;
}
