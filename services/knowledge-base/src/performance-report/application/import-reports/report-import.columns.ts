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
const amount = (name: string, description: string) => column(name, 'number', description);
const adjustment = (name: string, description: string) =>
  column(
    `inputs.adjustments.${name}`,
    'number',
    `${description} (optional: give all four or none; without them FSS, AROA and AROE are not computable)`,
    false,
  );

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column('institutionId', 'text', 'The institution’s id (a UUID, as the console shows it)'),
  column('period.start', 'date', 'First day of the period (YYYY-MM-DD)'),
  column('period.end', 'date', 'Last day of the period (YYYY-MM-DD)'),
  column('currency', 'text', 'ISO 4217 code of the figures, e.g. KES'),
  amount('fx.periodAverage', 'Units of the currency per USD, average of the period'),
  amount('fx.periodEnd', 'Units of the currency per USD at the period end'),
  amount('inputs.totalAssets.opening', 'Total assets at the start of the period'),
  amount('inputs.totalAssets.closing', 'Total assets at the end of the period'),
  amount('inputs.equity.opening', 'Equity at the start of the period (may be negative)'),
  amount('inputs.equity.closing', 'Equity at the end of the period (may be negative)'),
  amount('inputs.grossLoanPortfolio.opening', 'Gross loan portfolio at the start of the period'),
  amount('inputs.grossLoanPortfolio.closing', 'Gross loan portfolio at the end of the period'),
  amount('inputs.impairmentAllowance', 'Impairment loss allowance at period end'),
  amount('inputs.voluntarySavings', 'Voluntary savings at period end'),
  amount('inputs.par30Balance', 'Outstanding principal of loans more than 30 days overdue'),
  amount('inputs.renegotiatedLoans', 'Renegotiated loans not already in the PAR30 balance'),
  amount('inputs.writeOffs', 'Loans written off in the period'),
  amount('inputs.financialRevenue', 'Financial revenue of the period'),
  amount('inputs.portfolioRevenue', 'Interest, fees and commissions on the loan portfolio'),
  amount('inputs.financialExpense', 'Financial expense'),
  amount('inputs.impairmentExpense', 'Net impairment loss on loans (may be negative)'),
  amount('inputs.operatingExpense', 'Operating expense'),
  amount(
    'inputs.netOperatingIncomeAfterTaxes',
    'Net operating income after taxes, excluding donations (may be negative)',
  ),
  adjustment('subsidisedFundingCost', 'Subsidised cost of funds adjustment'),
  adjustment('inKindSubsidies', 'In-kind subsidies'),
  adjustment('inflationOnEquity', 'Inflation adjustment on equity'),
  adjustment('impairmentLoss', 'Impairment loss adjustment to a standard provisioning policy'),
  amount('inputs.activeBorrowers.opening', 'Active borrowers at the start of the period'),
  amount('inputs.activeBorrowers.closing', 'Active borrowers at the end of the period'),
  amount('inputs.activeWomenBorrowers', 'Active women borrowers at period end'),
  amount('inputs.ruralClients', 'Rural clients at period end'),
  amount('inputs.voluntarySavers', 'Voluntary savers at period end'),
  amount('inputs.loanOfficers', 'Loan officers at period end'),
  amount('inputs.personnel', 'Personnel at period end'),
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
