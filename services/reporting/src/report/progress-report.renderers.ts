import { createHash } from 'node:crypto';
import { toCsv } from '@sfp/service-kit';
import type { FigureUnit } from './domain/figure-format';
import type {
  FunctionSection,
  ProgressReport,
  ReportNarrative,
  ReportTable,
  ReportTableCell,
} from './domain/progress-report';

interface CsvLine {
  function: string;
  section: string;
  status: string;
  metric: string;
  key: string | null;
  label: string;
  value: number | null;
  unit: string;
  previous: number | null;
  change: number | null;
  note: string;
}

/**
 * The whole report, one line per figure (and one per function not reported,
 * saying so), for spreadsheets: codes for machines, the label for people,
 * the value, the previous period's and the change (raw numbers, in `unit`).
 */
export function progressReportCsv(report: ProgressReport): string {
  const lines: CsvLine[] = report.functions.flatMap((fn): CsvLine[] =>
    fn.status === 'reported'
      ? fn.figures.map((f) => ({
          function: fn.function,
          section: fn.title,
          status: fn.status,
          metric: f.metric,
          key: f.key,
          label: f.keyLabel === null ? f.label : `${f.label}: ${f.keyLabel}`,
          value: f.value,
          unit: f.currency ? `${f.unit} (${f.currency})` : f.unit,
          previous: f.previous,
          change: f.change,
          note: '',
        }))
      : [
          {
            function: fn.function,
            section: fn.title,
            status: fn.status,
            metric: '',
            key: null,
            label: '',
            value: null,
            unit: '',
            previous: null,
            change: null,
            note: fn.note,
          },
        ],
  );
  return toCsv(lines, [
    { header: 'period', value: () => report.period.label },
    { header: 'function', value: (l) => l.function },
    { header: 'section', value: (l) => l.section },
    { header: 'status', value: (l) => l.status },
    { header: 'metric', value: (l) => l.metric },
    { header: 'key', value: (l) => l.key },
    { header: 'label', value: (l) => l.label },
    { header: 'value', value: (l) => l.value },
    { header: 'unit', value: (l) => l.unit },
    { header: `previous (${report.previousPeriod.label})`, value: (l) => l.previous },
    { header: 'change', value: (l) => l.change },
    { header: 'note', value: (l) => l.note },
  ]);
}

/** One named table as CSV: its columns' labels as the header, raw values (the units are in the labels or a unit column). */
export function reportTableCsv(table: ReportTable): string {
  return toCsv(
    table.rows,
    table.columns.map((c) => ({
      header: c.unit && c.unit !== 'count' ? `${c.label} (${c.unit})` : c.label,
      value: (row: Record<string, ReportTableCell>) => row[c.id]?.value ?? null,
    })),
  );
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

const UNIT_WORDS: Record<FigureUnit, string> = {
  count: 'Counts',
  percent: 'Per cent',
  currency: 'Amounts',
  ratio: 'Ratios and means',
  hours: 'Hours',
  days: 'Days',
};

const CURRENT_FILL = '#1f4e79';
const PREVIOUS_FILL = '#9db8d3';

interface Bar {
  label: string;
  value: number | null;
  formatted: string;
  previous: number | null;
  previousFormatted: string;
}

const shortened = (text: string, max = 38) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * A horizontal bar chart, inline SVG (no script, no style attribute): per
 * row, the period's bar above the previous period's, both on one scale (one
 * unit per chart), each ending with its value as the reader reads it.
 */
export function barChartSvg(
  title: string,
  bars: readonly Bar[],
  legend: { current: string; previous: string },
): string {
  const shown = bars.filter((b) => b.value !== null || b.previous !== null);
  if (shown.length === 0) return '';
  const max = Math.max(...shown.flatMap((b) => [b.value ?? 0, b.previous ?? 0]), 0);
  const labelWidth = 250;
  const barArea = 300;
  const rowHeight = 30;
  const top = 24;
  const width = labelWidth + barArea + 110;
  const height = top + shown.length * rowHeight + 6;
  const scale = (v: number | null) =>
    v === null || max <= 0 ? 0 : Math.max(0, (Math.max(v, 0) / max) * barArea);
  const rows = shown
    .map((b, i) => {
      const y = top + i * rowHeight;
      const now = scale(b.value);
      const before = scale(b.previous);
      return [
        `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" font-size="11">${escapeHtml(shortened(b.label))}</text>`,
        `<rect x="${labelWidth}" y="${y + 2}" width="${now.toFixed(1)}" height="11" fill="${CURRENT_FILL}"><title>${escapeHtml(`${b.label}, ${legend.current}: ${b.formatted}`)}</title></rect>`,
        `<text x="${(labelWidth + now + 4).toFixed(1)}" y="${y + 11}" font-size="10">${escapeHtml(b.formatted)}</text>`,
        `<rect x="${labelWidth}" y="${y + 14}" width="${before.toFixed(1)}" height="11" fill="${PREVIOUS_FILL}"><title>${escapeHtml(`${b.label}, ${legend.previous}: ${b.previousFormatted}`)}</title></rect>`,
        `<text x="${(labelWidth + before + 4).toFixed(1)}" y="${y + 23}" font-size="10">${escapeHtml(b.previousFormatted)}</text>`,
      ].join('');
    })
    .join('');
  const legendSvg =
    `<rect x="${labelWidth}" y="4" width="10" height="10" fill="${CURRENT_FILL}"/>` +
    `<text x="${labelWidth + 14}" y="13" font-size="11">${escapeHtml(legend.current)}</text>` +
    `<rect x="${labelWidth + 120}" y="4" width="10" height="10" fill="${PREVIOUS_FILL}"/>` +
    `<text x="${labelWidth + 134}" y="13" font-size="11">${escapeHtml(legend.previous)}</text>`;
  return `<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${legendSvg}${rows}</svg>`;
}

const barOf = (labelCell: ReportTableCell | undefined, row: Record<string, ReportTableCell>) => ({
  label: String(labelCell?.value ?? ''),
  value: typeof row['value']?.value === 'number' ? row['value'].value : null,
  formatted: row['value']?.formatted ?? '',
  previous: typeof row['previous']?.value === 'number' ? row['previous'].value : null,
  previousFormatted: row['previous']?.formatted ?? '',
});

/** The charts of a table: one per unit (the headline figures mix units), none for a table not charted. */
function tableCharts(
  table: ReportTable,
  fn: Extract<FunctionSection, { status: 'reported' }>,
  legend: { current: string; previous: string },
): string {
  if (!table.chart) return '';
  if (table.id.endsWith('.figures')) {
    const headline = fn.figures.filter((f) => f.key === null);
    const units = [...new Set(headline.map((f) => f.unit))];
    return units
      .map((unit) =>
        barChartSvg(
          `${fn.title}: ${UNIT_WORDS[unit].toLowerCase()}, ${legend.current} and ${legend.previous}`,
          headline
            .filter((f) => f.unit === unit)
            .map((f) => ({
              label: f.label,
              value: f.value,
              formatted: f.formatted,
              previous: f.previous,
              previousFormatted: f.previousFormatted,
            })),
          legend,
        ),
      )
      .join('');
  }
  return barChartSvg(
    `${table.title}, ${legend.current} and ${legend.previous}`,
    table.rows.map((row) => barOf(row['key'], row)),
    legend,
  );
}

function tableHtml(table: ReportTable): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${table.columns
          .map((c, i) =>
            i === 0
              ? `<th scope="row">${escapeHtml(row[c.id]?.formatted)}</th>`
              : `<td>${escapeHtml(row[c.id]?.formatted)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table aria-labelledby="${escapeHtml(table.id)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function narrativeHtml(narrative: ReportNarrative | null): string {
  if (!narrative)
    return '<p class="no-narrative">No narrative has been written for this section.</p>';
  const paragraphs = narrative.text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return `<div class="narrative">${paragraphs}<p class="by">Written by ${escapeHtml(narrative.author)} on ${escapeHtml(narrative.writtenAt.slice(0, 10))}.</p></div>`;
}

const REPORT_STYLE = `
body{font-family:Georgia,serif;max-width:56rem;margin:2rem auto;color:#111}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .6rem;text-align:left}
td{text-align:right}
.not-reported,.no-narrative{font-style:italic}.notes{font-size:.85rem;color:#333}
.narrative{border-left:3px solid #1f4e79;padding-left:1rem}.by{font-size:.85rem;color:#333}
.submission{border:1px solid #1f4e79;padding:.5rem 1rem}svg.chart{display:block;margin:.5rem 0}
@media print{body{margin:0}section{page-break-before:always}nav{page-break-after:always}table,svg{page-break-inside:avoid}}
`;

/**
 * The Content-Security-Policy the printable report is served with: nothing
 * may load or run but its own style sheet (allowed by its hash), so even a
 * value that escaped escaping could not run a script or send data anywhere.
 * The charts are inline <svg> elements (markup, not a resource).
 */
export const PROGRESS_REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(REPORT_STYLE).digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A printable page (no script, no external resource; every value escaped):
 * a table of contents, then every section with its narrative, its tables
 * (labels, formatted figures, previous period, change), a bar chart of the
 * period against the previous one per table, and how the figures are counted.
 */
export function progressReportHtml(report: ProgressReport): string {
  const legend = {
    current: report.period.label,
    previous: `${report.previousPeriod.label} (previous)`,
  };
  const contents = report.functions
    .map((fn) => {
      const tables =
        fn.status === 'reported'
          ? `<ol>${fn.tables.map((t) => `<li><a href="#${escapeHtml(t.id)}">${escapeHtml(t.title)}</a></li>`).join('')}</ol>`
          : '';
      return `<li><a href="#${escapeHtml(fn.function)}">${escapeHtml(fn.title)}</a>${fn.status === 'reported' ? '' : ' (not reported yet)'}${tables}</li>`;
    })
    .join('');
  const sections = report.functions
    .map((fn) => {
      const body =
        fn.status === 'reported'
          ? `${fn.tables.map((t) => `<h3 id="${escapeHtml(t.id)}">${escapeHtml(t.title)}</h3>${tableCharts(t, fn, legend)}${tableHtml(t)}`).join('')}<h3>How the figures are counted</h3><ul class="notes">${fn.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
          : `<p class="not-reported">${escapeHtml(fn.note)}</p>`;
      return `<section id="${escapeHtml(fn.function)}"><h2>${escapeHtml(fn.title)}</h2>${narrativeHtml(fn.narrative)}${body}</section>`;
    })
    .join('\n');
  const asOf = report.asOf ? ` as it stood on ${escapeHtml(report.asOf)}` : '';
  const submission = report.submission
    ? `<p class="submission">Submitted version ${report.submission.version}, frozen on ${escapeHtml(report.submission.submittedAt)} by ${escapeHtml(report.submission.submittedBy)}${report.submission.note ? `: ${escapeHtml(report.submission.note)}` : ''}.</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>${REPORT_STYLE}</style></head>
<body><h1>${escapeHtml(report.title)}</h1>
${submission}<p>Period ${escapeHtml(report.period.label)}: from ${escapeHtml(report.period.from.slice(0, 10))} to before ${escapeHtml(report.period.to.slice(0, 10))}${asOf}. Every figure is set beside the previous period, ${escapeHtml(report.previousPeriod.label)} (from ${escapeHtml(report.previousPeriod.from.slice(0, 10))} to before ${escapeHtml(report.previousPeriod.to.slice(0, 10))}), with the change. Generated ${escapeHtml(report.generatedAt)}.</p>
<nav><h2>Contents</h2><ol>${contents}</ol></nav>
${sections}
</body></html>
`;
}
