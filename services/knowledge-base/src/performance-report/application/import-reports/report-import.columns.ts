import {
  ADJUSTMENT_FIELDS,
  OPENING_CLOSING_FIELDS,
  PERFORMANCE_INPUT_LABELS,
  SINGLE_VALUE_FIELDS,
} from '@sfp/contracts';

/**
 * The template of a performance-report import: one row per report, one column
 * per field of the file-report body (POST /institutions/{id}/performance-reports),
 * named by its dotted path, plus the institution's id. A column's message in
 * the error report names the same path.
 */
export interface ImportColumn {
  /** The header, e.g. `inputs.totalAssets.opening`. */
  name: string;
  kind: 'text' | 'number' | 'date';
  required: boolean;
  description: string;
}

const column = (
  name: string,
  kind: ImportColumn['kind'],
  description: string,
  required = true,
): ImportColumn => ({ name, kind, required, description });

/** The figures' columns, from the groups and labels of @sfp/contracts (the body's own fields). */
const FIGURES: ImportColumn[] = [
  ...OPENING_CLOSING_FIELDS.flatMap((key) => [
    column(
      `inputs.${key}.opening`,
      'number',
      `${PERFORMANCE_INPUT_LABELS[key]}, start of the period`,
    ),
    column(
      `inputs.${key}.closing`,
      'number',
      `${PERFORMANCE_INPUT_LABELS[key]}, end of the period`,
    ),
  ]),
  ...SINGLE_VALUE_FIELDS.map((key) =>
    column(`inputs.${key}`, 'number', PERFORMANCE_INPUT_LABELS[key]),
  ),
  ...ADJUSTMENT_FIELDS.map((key) =>
    column(
      `inputs.adjustments.${key}`,
      'number',
      `${PERFORMANCE_INPUT_LABELS[key]} (optional: give all four or none; without them FSS, AROA and AROE are not computable)`,
      false,
    ),
  ),
];

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column('institutionId', 'text', 'The institution’s id (a UUID, as the console shows it)'),
  column('period.start', 'date', 'First day of the period (YYYY-MM-DD)'),
  column('period.end', 'date', 'Last day of the period (YYYY-MM-DD)'),
  column('currency', 'text', 'ISO 4217 code of the figures, e.g. KES'),
  column('fx.periodAverage', 'number', 'Units of the currency per USD, average of the period'),
  column('fx.periodEnd', 'number', 'Units of the currency per USD at the period end'),
  ...FIGURES,
];

const BY_NAME = new Map(IMPORT_COLUMNS.map((c) => [c.name, c]));

export function importColumn(name: string): ImportColumn | undefined {
  return BY_NAME.get(name);
}

/** A cell as read from the file: text, a number, or nothing. */
export type Cell = string | number | undefined;

/**
 * The file-report body (with the institution's id) a row gives: a numeric
 * column's text is read as a number when it is one (kept as text otherwise, so
 * that validation names it), an empty cell is left out (validation names a
 * required one), the adjustments only when one of them is given.
 */
export function bodyOfRow(row: ReadonlyMap<string, Cell>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { name, kind } of IMPORT_COLUMNS) {
    const cell = row.get(name);
    if (cell === undefined || cell === '') continue;
    const value = kind === 'number' && typeof cell === 'string' ? numberOrText(cell) : cell;
    setPath(body, name.split('.'), kind === 'number' ? value : String(value).trim());
  }
  return body;
}

function numberOrText(text: string): number | string {
  const trimmed = text.trim().replace(/[\s,_](?=\d{3}\b)/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = (target[head] ??= {}) as Record<string, unknown>;
  setPath(next, rest, value);
}
