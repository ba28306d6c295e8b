import {
  changeOf,
  FIGURE_UNITS,
  currencyOfMetric,
  formatChange,
  formatFigure,
  unitOfMetric,
  type FigureUnit,
} from './figure-format';
import { FOCAL_POINT_FUNCTIONS, type FocalPointFunctionId } from './focal-point-functions';
import type { ReportPeriod } from './report-period';

/** One figure of a section as a context's plugin computes it, flat so it renders the same in JSON, CSV and HTML. */
export interface ReportFigure {
  /** e.g. requestsReceived (a code, for machines). */
  metric: string;
  /** The breakdown key (a kind, a theme), or null for the headline figure. */
  key: string | null;
  /** null when it cannot be computed (a median of no resolved request). */
  value: number | null;
  /** Absent: read from the metric's name (unitOfMetric). A percent is in per cent (83.3), never a fraction. */
  unit?: FigureUnit;
  /** The figure as a reader reads it; absent: the report's catalogue of labels. */
  label?: string;
  /** ISO 4217, for a currency figure (absent: USD for …Usd, the key for …ByCurrency). */
  currency?: string;
}

/** A figure as the report shows it: the period's value and the previous period's, with the change, all written for the reader. */
export interface ShownFigure {
  metric: string;
  key: string | null;
  /** What the figure is, e.g. "Requests received by kind". */
  label: string;
  /** The key as words (e.g. "Programme guidance"), null for a headline figure. */
  keyLabel: string | null;
  unit: FigureUnit;
  currency?: string;
  value: number | null;
  /** e.g. "1,234", "83.3%", "USD 2,500", "312 hours", "n/a". */
  formatted: string;
  /** The same figure for the previous period of the same kind (null: unknown or not computable). */
  previous: number | null;
  previousFormatted: string;
  /** value − previous (null when either is null). */
  change: number | null;
  /** e.g. "+3", "−2.5 points", "no change", "n/a". */
  changeFormatted: string;
}

/** A column of a named table; `unit` absent: text, or a figure whose unit is per row (see the row's `unit` cell). */
export interface ReportTableColumn {
  id: string;
  label: string;
  unit?: FigureUnit;
}

/** A cell: the value for machines (JSON, CSV), the text for readers (HTML, console). */
export interface ReportTableCell {
  value: string | number | null;
  formatted: string;
}

/** A named table of a section, served as JSON and CSV (GET /reports/progress?table=<id>). */
export interface ReportTable {
  /** Unique in the report, e.g. help-desk-and-service.figures. */
  id: string;
  title: string;
  columns: ReportTableColumn[];
  rows: Array<Record<string, ReportTableCell>>;
  /** Whether the printable page draws it as a bar chart of the period against the previous one. */
  chart: boolean;
}

/** A table a plugin computes (rows of raw values; the report formats them by the columns' units). */
export interface ComputedTable {
  /** Unique in the section, e.g. targets-against-results. */
  id: string;
  title: string;
  columns: ReportTableColumn[];
  rows: Array<Record<string, string | number | null>>;
}

/** The narrative of a section, as an operator last wrote it. */
export interface ReportNarrative {
  text: string;
  author: string;
  writtenAt: string;
}

export interface ReportedFunction {
  function: FocalPointFunctionId;
  title: string;
  status: 'reported';
  context: string;
  /** Headline figures and breakdowns, each with the previous period and the change. */
  figures: ShownFigure[];
  /** The same figures as named tables (headline, one per breakdown), then the context's own tables. */
  tables: ReportTable[];
  /** Plain-language notes on how the figures are counted. */
  notes: string[];
  narrative: ReportNarrative | null;
}

export interface UnreportedFunction {
  function: FocalPointFunctionId;
  title: string;
  status: 'not-reported';
  /** Said plainly: there is no service (or no reporting of it) yet, so no figure is shown. */
  note: string;
  narrative: ReportNarrative | null;
}

export type FunctionSection = ReportedFunction | UnreportedFunction;

/** A frozen (submitted) version of the report: what the stored snapshot says about itself. */
export interface ReportSubmissionInfo {
  submissionId: string;
  version: number;
  submittedAt: string;
  submittedBy: string;
  note: string | null;
}

export interface ProgressReport {
  title: string;
  period: ReportPeriod;
  /** The period every figure's `previous` is from. */
  previousPeriod: ReportPeriod;
  /** The report as it stood at this instant (replayed), or absent for the current figures. */
  asOf?: string;
  generatedAt: string;
  /** Present in a submitted version only. */
  submission?: ReportSubmissionInfo;
  functions: FunctionSection[];
}

/** What a context's reporting contributes for one function (computed by the context's plugin). */
export interface ComputedSection {
  function: FocalPointFunctionId;
  context: string;
  figures: ReportFigure[];
  notes: string[];
  /** Tables of the context's own (e.g. targets against results), beside those made from the figures. */
  tables?: ComputedTable[];
}

/** Words for the report's codes (the application's catalogue, see report-labels.ts). */
export interface ReportLabels {
  metric(metric: string): string;
  /** The heading of a breakdown's key column, e.g. "Theme". */
  breakdownKey(metric: string): string;
  /** A key as words. */
  key(key: string): string;
}

/**
 * A section's own previous-period figures (metrics prefixed previousPeriod…,
 * from when sections computed them themselves): the report now computes
 * every section for the previous period, so these are left out.
 */
const OWN_PREVIOUS_PERIOD = /^previousPeriod[A-Z]/;

const figureId = (f: Pick<ReportFigure, 'metric' | 'key'>) => `${f.metric}\u0000${f.key ?? ''}`;

/**
 * The period's figures beside the previous period's (pure): every figure of
 * the period with its previous value and the change; a breakdown key seen in
 * the previous period only is shown too (0 now for a count, else unknown).
 */
export function figuresBesidePrevious(
  current: readonly ReportFigure[],
  previous: readonly ReportFigure[],
  labels: ReportLabels,
): ShownFigure[] {
  const now = current.filter((f) => !OWN_PREVIOUS_PERIOD.test(f.metric));
  const before = previous.filter((f) => !OWN_PREVIOUS_PERIOD.test(f.metric));
  const previousById = new Map(before.map((f) => [figureId(f), f]));
  const seen = new Set(now.map(figureId));
  const breakdownsNow = new Set(now.filter((f) => f.key !== null).map((f) => f.metric));
  const goneNow = before
    .filter((f) => f.key !== null && !seen.has(figureId(f)))
    .map((f) => ({ ...f, value: (f.unit ?? unitOfMetric(f.metric)) === 'count' ? 0 : null }));
  // Keep each breakdown's rows together: the keys seen only before follow the metric's last row;
  // a breakdown with no key now (no SLA breach this period) follows, whole.
  const ordered: ReportFigure[] = [];
  for (const [i, f] of now.entries()) {
    ordered.push(f);
    if (f.key !== null && now[i + 1]?.metric !== f.metric)
      ordered.push(...goneNow.filter((g) => g.metric === f.metric));
  }
  ordered.push(...goneNow.filter((g) => !breakdownsNow.has(g.metric)));
  const isCount = (f: ReportFigure) => (f.unit ?? unitOfMetric(f.metric)) === 'count';
  return ordered.map((f) => {
    const before = previousById.get(figureId(f));
    // A key counted now and not before was counted 0 times before (when the previous period was computed).
    const previousValue = before
      ? before.value
      : f.key !== null && isCount(f) && previous.length > 0
        ? 0
        : null;
    return shownFigure(f, previousValue, labels);
  });
}

function shownFigure(f: ReportFigure, previous: number | null, labels: ReportLabels): ShownFigure {
  const unit = f.unit ?? unitOfMetric(f.metric);
  const currency =
    f.currency ?? (unit === 'currency' ? currencyOfMetric(f.metric, f.key) : undefined);
  const change = changeOf(f.value, previous);
  return {
    metric: f.metric,
    key: f.key,
    label: f.label ?? labels.metric(f.metric),
    keyLabel: f.key === null ? null : labels.key(f.key),
    unit,
    ...(currency ? { currency } : {}),
    value: f.value,
    formatted: formatFigure(f.value, unit, currency),
    previous,
    previousFormatted: formatFigure(previous, unit, currency),
    change,
    changeFormatted: formatChange(change, unit, currency),
  };
}

const cell = (value: string | number | null, formatted?: string): ReportTableCell => ({
  value,
  formatted: formatted ?? (value === null ? '' : String(value)),
});

/**
 * The figures as named tables (pure): the headline figures (one row each,
 * with its unit), then one table per breakdown (one row per key), each with
 * the period, the previous period and the change; then the context's own
 * tables, their cells formatted by their columns' units.
 */
export function sectionTables(
  fn: FocalPointFunctionId,
  figures: readonly ShownFigure[],
  own: readonly ComputedTable[],
  periods: { period: ReportPeriod; previous: ReportPeriod },
  labels: ReportLabels,
): ReportTable[] {
  const current = `${periods.period.label}`;
  const before = `${periods.previous.label} (previous period)`;
  const row = (f: ShownFigure) => ({
    value: cell(f.value, f.formatted),
    previous: cell(f.previous, f.previousFormatted),
    change: cell(f.change, f.changeFormatted),
  });
  const headline = figures.filter((f) => f.key === null);
  const tables: ReportTable[] = [];
  if (headline.length > 0)
    tables.push({
      id: `${fn}.figures`,
      title: 'Figures',
      columns: [
        { id: 'figure', label: 'Figure' },
        { id: 'value', label: current },
        { id: 'previous', label: before },
        { id: 'change', label: 'Change' },
        { id: 'unit', label: 'Unit' },
      ],
      rows: headline.map((f) => ({
        figure: cell(f.label),
        ...row(f),
        unit: cell(f.currency ? `${f.unit} (${f.currency})` : f.unit),
      })),
      chart: true,
    });
  const metrics = [...new Set(figures.filter((f) => f.key !== null).map((f) => f.metric))];
  for (const metric of metrics) {
    const items = figures.filter((f) => f.metric === metric && f.key !== null);
    const unit = items[0]?.unit ?? 'count';
    tables.push({
      id: `${fn}.${metric}`,
      title: items[0]?.label ?? labels.metric(metric),
      columns: [
        { id: 'key', label: labels.breakdownKey(metric) },
        { id: 'value', label: current, unit },
        { id: 'previous', label: before, unit },
        { id: 'change', label: 'Change', unit },
      ],
      rows: items.map((f) => ({ key: cell(f.keyLabel ?? f.key), ...row(f) })),
      chart: true,
    });
  }
  for (const table of own)
    tables.push({
      id: `${fn}.${table.id}`,
      title: table.title,
      columns: table.columns,
      rows: table.rows.map((r) =>
        Object.fromEntries(
          table.columns.map((c) => {
            const value = r[c.id] ?? null;
            // A column without a unit takes its row's (the row's `unit` cell) when the row names one.
            const unit =
              c.unit ?? (c.id === 'unit' ? undefined : FIGURE_UNITS.find((u) => u === r['unit']));
            return [
              c.id,
              unit && (typeof value === 'number' || value === null)
                ? cell(value, formatFigure(value, unit))
                : cell(value),
            ];
          }),
        ),
      ),
      chart: false,
    });
  return tables;
}

/**
 * Puts the report together (pure): every focal point function in order, with
 * the figures its context computed for the period beside those of the
 * previous period, as figures and as tables, with the section's narrative;
 * or a plain statement that nothing reports it yet — never zeros for a
 * function with no service.
 */
export function assembleProgressReport(input: {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  generatedAt: string;
  asOf?: string;
  sections: readonly ComputedSection[];
  /** The same sections computed for the previous period. */
  previousSections: readonly ComputedSection[];
  narratives?: Partial<Record<FocalPointFunctionId, ReportNarrative>>;
  labels: ReportLabels;
}): ProgressReport {
  const functions = FOCAL_POINT_FUNCTIONS.map((fn): FunctionSection => {
    const section = input.sections.find((s) => s.function === fn.id);
    const narrative = input.narratives?.[fn.id] ?? null;
    if (section) {
      const before = input.previousSections.find((s) => s.function === fn.id);
      const figures = figuresBesidePrevious(section.figures, before?.figures ?? [], input.labels);
      return {
        function: fn.id,
        title: fn.title,
        status: 'reported',
        context: section.context,
        figures,
        tables: sectionTables(
          fn.id,
          figures,
          section.tables ?? [],
          { period: input.period, previous: input.previousPeriod },
          input.labels,
        ),
        notes: section.notes,
        narrative,
      };
    }
    return {
      function: fn.id,
      title: fn.title,
      status: 'not-reported',
      note: fn.servedBy
        ? `Not reported yet: the ${fn.servedBy} service does not publish events that reporting reads, so there are no figures for this function (not zero: unknown).`
        : 'Not reported yet: no service of the platform records this function, so there are no figures for it (not zero: unknown).',
      narrative,
    };
  });
  return {
    title: `Social Finance Programme: progress report to the Governing Body, ${input.period.label}`,
    period: input.period,
    previousPeriod: input.previousPeriod,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    generatedAt: input.generatedAt,
    functions,
  };
}

/** Every named table of the report, in order. */
export function reportTables(report: ProgressReport): ReportTable[] {
  return report.functions.flatMap((fn) => (fn.status === 'reported' ? fn.tables : []));
}

/**
 * The items counted per key, as figures (keys sorted, so output is stable):
 * an item counts once under each of its distinct keys.
 */
export function breakdown<T>(
  metric: string,
  items: readonly T[],
  keys: (item: T) => readonly string[],
): ReportFigure[] {
  const counts = countBy(items, keys);
  return Object.keys(counts)
    .sort()
    .map((key) => ({ metric, key, value: counts[key] as number, unit: 'count' as const }));
}

function countBy<T>(
  items: readonly T[],
  keys: (item: T) => readonly string[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items)
    for (const key of new Set(keys(item))) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
