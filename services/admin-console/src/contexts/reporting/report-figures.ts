// How the console reads the progress report's figures: the API gives each
// figure its label, unit and reading (`formatted`), the previous period's
// value and the change; a figure that lacks one is read here from its unit,
// so a code or a raw fraction is never shown.
import type { Bar } from '../../components/charts';
import { formatChange, formatInUnit, label, sentence } from '../../components/format';
import type { FigureValue, ReportFigure, ReportTable, ReportTableColumn } from './reporting.api';

const numberOf = (v: number | null | FigureValue | undefined): number | null =>
  v === undefined || v === null ? null : typeof v === 'number' ? v : v.value;

const readingOf = (v: number | null | FigureValue | undefined): string | undefined =>
  v !== null && typeof v === 'object' ? v.formatted : undefined;

/** A figure as one row of a section's table: its label, this period, the previous one, the change. */
export interface FigureRow {
  id: string;
  label: string;
  unit: string | undefined;
  value: number | null;
  current: string;
  previousValue: number | null;
  previous: string;
  change: string;
  /** Whether the API gave a previous period at all (older reports do not). */
  hasPrevious: boolean;
}

export function figureRow(f: ReportFigure): FigureRow {
  const previousValue = numberOf(f.previous);
  const change = numberOf(f.change);
  return {
    id: `${f.metric}:${f.key ?? ''}`,
    label: f.key === null ? metricLabel(f) : keyLabel(f),
    unit: f.unit,
    value: f.value,
    current: f.formatted ?? formatInUnit(f.value, f.unit, f.currency),
    previousValue,
    previous:
      f.previousFormatted ??
      readingOf(f.previous) ??
      formatInUnit(previousValue, f.unit, f.currency),
    change:
      f.changeFormatted ??
      readingOf(f.change) ??
      formatChange(
        change ?? (f.value !== null && previousValue !== null ? f.value - previousValue : null),
        f.unit,
        f.currency,
      ),
    hasPrevious: f.previous !== undefined,
  };
}

/** The figure's label: the API's, or its metric as a sentence ('requestsReceived' → 'Requests received'). */
export function metricLabel(f: ReportFigure): string {
  return f.label ?? sentence(f.metric);
}

/** A breakdown's key as a label ('nbfi' → 'NBFI'). */
function keyLabel(f: ReportFigure): string {
  return f.keyLabel ?? (f.key ? label(f.key) : (f.label ?? sentence(f.metric)));
}

/** A section's figures: its totals, and its breakdowns by metric (one chart each). */
export function sectionFigures(figures: readonly ReportFigure[]) {
  const totals = figures.filter((f) => f.key === null);
  const breakdowns = new Map<
    string,
    { title: string; unit?: string; currency?: string; bars: Bar[]; rows: FigureRow[] }
  >();
  for (const f of figures) {
    if (f.key === null) continue;
    const group = breakdowns.get(f.metric) ?? {
      title: metricLabel(f),
      unit: f.unit,
      currency: f.currency,
      bars: [],
      rows: [],
    };
    const row = figureRow(f);
    group.rows.push(row);
    group.bars.push({
      label: row.label,
      value: f.value ?? 0,
      ...(row.hasPrevious ? { previous: row.previousValue } : {}),
    });
    breakdowns.set(f.metric, group);
  }
  return { totals: totals.map(figureRow), breakdowns };
}

/** A column's id (the API names it `id` or `key`). */
export const columnId = (c: ReportTableColumn, index: number): string =>
  c.id ?? c.key ?? String(index);

/** A cell of a table as the reader reads it: its own reading, or its value in the column's unit. */
/** A unit code of a table's unit column, as words. */
const UNIT_WORDS: Record<string, string> = {
  count: 'Number',
  percent: 'Per cent',
  currency: 'Amount',
  ratio: 'Ratio',
  hours: 'Hours',
  days: 'Days',
};

export function cellText(
  table: ReportTable,
  row: ReportTable['rows'][number],
  index: number,
): string {
  const column = table.columns[index] as ReportTableColumn;
  const cell = Array.isArray(row) ? row[index] : row[columnId(column, index)];
  if (cell === null || cell === undefined || cell === '') return '—';
  if (columnId(column, index) === 'unit') {
    const code = typeof cell === 'object' ? (cell as { value?: unknown }).value : cell;
    const [unit, currency] = String(code).split(' ');
    return `${UNIT_WORDS[unit ?? ''] ?? String(code)}${currency ? ` ${currency}` : ''}`;
  }
  if (typeof cell === 'object') {
    const c = cell as { formatted?: unknown; value?: unknown; label?: unknown };
    if (typeof c.formatted === 'string' && c.formatted !== '') return c.formatted;
    if (typeof c.label === 'string') return c.label;
    return cellText(
      table,
      table.columns.map((_, i) => (i === index ? c.value : null)),
      index,
    );
  }
  if (typeof cell === 'number') return formatInUnit(cell, column.unit);
  if (typeof cell === 'boolean') return cell ? 'Yes' : 'No';
  return String(cell);
}
