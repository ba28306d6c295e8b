import { FOCAL_POINT_FUNCTIONS, type FocalPointFunctionId } from './focal-point-functions';
import type { ReportPeriod } from './report-period';

/** One figure of a section, flat so it renders the same in JSON, CSV and HTML. */
export interface ReportFigure {
  /** e.g. requestsReceived. */
  metric: string;
  /** The breakdown key (a kind, a theme), or null for the headline figure. */
  key: string | null;
  /** null when it cannot be computed (a median of no resolved request). */
  value: number | null;
  unit?: 'count' | 'hours';
}

export interface ReportedFunction {
  function: FocalPointFunctionId;
  title: string;
  status: 'reported';
  context: string;
  /** Headline figures and breakdowns. */
  figures: ReportFigure[];
  /** Plain-language notes on how the figures are counted. */
  notes: string[];
}

export interface UnreportedFunction {
  function: FocalPointFunctionId;
  title: string;
  status: 'not-reported';
  /** Said plainly: there is no service (or no reporting of it) yet, so no figure is shown. */
  note: string;
}

export type FunctionSection = ReportedFunction | UnreportedFunction;

export interface ProgressReport {
  title: string;
  period: ReportPeriod;
  /** The report as it stood at this instant (replayed), or absent for the current figures. */
  asOf?: string;
  generatedAt: string;
  functions: FunctionSection[];
}

/** What a context's reporting contributes for one function (computed by the context's plugin). */
export interface ComputedSection {
  function: FocalPointFunctionId;
  context: string;
  figures: ReportFigure[];
  notes: string[];
}

/**
 * Puts the report together (pure): every focal point function in order, with
 * the figures its context computed, or a plain statement that nothing reports
 * it yet — never zeros for a function with no service.
 */
export function assembleProgressReport(input: {
  period: ReportPeriod;
  generatedAt: string;
  asOf?: string;
  sections: readonly ComputedSection[];
}): ProgressReport {
  const functions = FOCAL_POINT_FUNCTIONS.map((fn): FunctionSection => {
    const section = input.sections.find((s) => s.function === fn.id);
    if (section) {
      return {
        function: fn.id,
        title: fn.title,
        status: 'reported',
        context: section.context,
        figures: section.figures,
        notes: section.notes,
      };
    }
    return {
      function: fn.id,
      title: fn.title,
      status: 'not-reported',
      note: fn.servedBy
        ? `Not reported yet: the ${fn.servedBy} service does not publish events that reporting reads, so there are no figures for this function (not zero: unknown).`
        : 'Not reported yet: no service of the platform records this function, so there are no figures for it (not zero: unknown).',
    };
  });
  return {
    title: `Social Finance Programme: progress report to the Governing Body, ${input.period.label}`,
    period: input.period,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    generatedAt: input.generatedAt,
    functions,
  };
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
