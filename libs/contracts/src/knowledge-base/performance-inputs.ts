/**
 * The figures of a performance report (`inputs` of the API), grouped as the
 * knowledge base checks and scales them: money or people, balances at both
 * ends of the period or one value. The knowledge base's PerformanceInputs
 * has exactly these fields (its spec checks it).
 */

/** Money balances at the start and the end of the period (averages need both). */
export const MONEY_OPENING_CLOSING = ['totalAssets', 'equity', 'grossLoanPortfolio'] as const;
/** People counted at the start and the end of the period. */
export const COUNT_OPENING_CLOSING = ['activeBorrowers'] as const;
/** Money balances at the end of the period. */
export const MONEY_STOCKS = [
  'impairmentAllowance',
  'voluntarySavings',
  'par30Balance',
  'renegotiatedLoans',
] as const;
/** Money flows of the period. */
export const MONEY_FLOWS = [
  'writeOffs',
  'financialRevenue',
  'portfolioRevenue',
  'financialExpense',
  'impairmentExpense',
  'operatingExpense',
  'netOperatingIncomeAfterTaxes',
] as const;
/** People at the end of the period. */
export const COUNT_FIELDS = [
  'activeWomenBorrowers',
  'ruralClients',
  'voluntarySavers',
  'loanOfficers',
  'personnel',
] as const;
/** The subsidy and inflation adjustments (`inputs.adjustments`, optional: FSS, AROA and AROE need them). */
export const ADJUSTMENT_FIELDS = [
  'subsidisedFundingCost',
  'inKindSubsidies',
  'inflationOnEquity',
  'impairmentLoss',
] as const;

/** The figures given at the start and the end of the period. */
export const OPENING_CLOSING_FIELDS = [...MONEY_OPENING_CLOSING, ...COUNT_OPENING_CLOSING] as const;
/** The figures given once (at the period end, or for the period). */
export const SINGLE_VALUE_FIELDS = [...MONEY_STOCKS, ...MONEY_FLOWS, ...COUNT_FIELDS] as const;
/** Every figure, each once: the opening-and-closing ones, the single values, the adjustments. */
export const PERFORMANCE_INPUT_FIELDS = [
  ...OPENING_CLOSING_FIELDS,
  ...SINGLE_VALUE_FIELDS,
  ...ADJUSTMENT_FIELDS,
] as const;

export type OpeningClosingField =
  | (typeof MONEY_OPENING_CLOSING)[number]
  | (typeof COUNT_OPENING_CLOSING)[number];
export type SingleValueField =
  | (typeof MONEY_STOCKS)[number]
  | (typeof MONEY_FLOWS)[number]
  | (typeof COUNT_FIELDS)[number];
export type AdjustmentField = (typeof ADJUSTMENT_FIELDS)[number];
export type PerformanceInputField = OpeningClosingField | SingleValueField | AdjustmentField;

/** How each figure is named to people. */
export const PERFORMANCE_INPUT_LABELS: Readonly<Record<PerformanceInputField, string>> = {
  totalAssets: 'Total assets',
  equity: 'Equity (may be negative)',
  grossLoanPortfolio: 'Gross loan portfolio',
  activeBorrowers: 'Active borrowers',
  impairmentAllowance: 'Impairment loss allowance (period end)',
  voluntarySavings: 'Voluntary savings (period end)',
  par30Balance: 'PAR30 balance (loans > 30 days overdue)',
  renegotiatedLoans: 'Renegotiated loans not in PAR30',
  writeOffs: 'Write-offs in the period',
  financialRevenue: 'Financial revenue',
  portfolioRevenue: 'Portfolio revenue',
  financialExpense: 'Financial expense',
  impairmentExpense: 'Impairment expense (may be negative)',
  operatingExpense: 'Operating expense',
  netOperatingIncomeAfterTaxes: 'Net operating income after taxes',
  activeWomenBorrowers: 'Active women borrowers',
  ruralClients: 'Rural clients',
  voluntarySavers: 'Voluntary savers',
  loanOfficers: 'Loan officers',
  personnel: 'Personnel',
  subsidisedFundingCost: 'Subsidised cost of funds',
  inKindSubsidies: 'In-kind subsidies',
  inflationOnEquity: 'Inflation on equity',
  impairmentLoss: 'Impairment loss adjustment',
};
