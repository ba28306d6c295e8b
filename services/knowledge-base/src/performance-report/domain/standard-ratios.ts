import type { NormalisedFigures } from './normalised-figures';

/** A ratio's value, or why it has none: never NaN or Infinity. */
export type RatioValue = { value: number } | { value: null; reason: string };

export type RatioUnit = 'fraction' | 'usd' | 'people';

export interface RatioDefinition {
  key: RatioKey;
  label: string;
  formula: string;
  unit: RatioUnit;
  /** Which way is better, for targets and benchmarks' reading. */
  better: 'higher' | 'lower' | 'neither';
  /** The IRIS+ metric id, where the domain brief gives one. */
  iris?: string;
}

export const RATIO_KEYS = [
  'oss',
  'fss',
  'roa',
  'roe',
  'aroa',
  'aroe',
  'portfolioYield',
  'par30',
  'writeOffRatio',
  'riskCoverage',
  'impairmentExpenseRatio',
  'operatingExpenseRatio',
  'costPerBorrower',
  'borrowersPerLoanOfficer',
  'borrowersPerStaff',
  'averageLoanBalancePerBorrower',
  'depth',
  'womenBorrowersShare',
  'averageSavingsPerSaver',
  'averageSavingsPerSaverToGni',
] as const;
export type RatioKey = (typeof RATIO_KEYS)[number];
export type Ratios = Record<RatioKey, RatioValue>;

export const RATIO_DEFINITIONS: Readonly<Record<RatioKey, RatioDefinition>> = {
  oss: {
    key: 'oss',
    label: 'Operational self-sufficiency',
    formula: 'financial revenue / (financial expense + net impairment loss + operating expense)',
    unit: 'fraction',
    better: 'higher',
  },
  fss: {
    key: 'fss',
    label: 'Financial self-sufficiency',
    formula:
      'financial revenue / (adjusted financial expense + adjusted impairment loss + adjusted operating expense)',
    unit: 'fraction',
    better: 'higher',
  },
  roa: {
    key: 'roa',
    label: 'Return on assets',
    formula: 'net operating income after taxes, excluding donations / average total assets',
    unit: 'fraction',
    better: 'higher',
  },
  roe: {
    key: 'roe',
    label: 'Return on equity',
    formula: 'net operating income after taxes, excluding donations / average equity',
    unit: 'fraction',
    better: 'higher',
  },
  aroa: {
    key: 'aroa',
    label: 'Adjusted return on assets',
    formula:
      '(net operating income − subsidy, inflation and impairment adjustments) / average total assets',
    unit: 'fraction',
    better: 'higher',
  },
  aroe: {
    key: 'aroe',
    label: 'Adjusted return on equity',
    formula: '(net operating income − adjustments) / average equity',
    unit: 'fraction',
    better: 'higher',
  },
  portfolioYield: {
    key: 'portfolioYield',
    label: 'Portfolio yield',
    formula: 'interest, fees and commissions on the loan portfolio / average GLP',
    unit: 'fraction',
    better: 'neither',
  },
  par30: {
    key: 'par30',
    label: 'Portfolio at risk > 30 days',
    formula: '(outstanding principal of loans > 30 days overdue + renegotiated loans) / GLP',
    unit: 'fraction',
    better: 'lower',
    iris: 'FP2635',
  },
  writeOffRatio: {
    key: 'writeOffRatio',
    label: 'Write-off ratio',
    formula: 'loans written off in the period / average GLP',
    unit: 'fraction',
    better: 'lower',
  },
  riskCoverage: {
    key: 'riskCoverage',
    label: 'Risk coverage ratio',
    formula: 'impairment loss allowance / PAR30 balance',
    unit: 'fraction',
    better: 'higher',
  },
  impairmentExpenseRatio: {
    key: 'impairmentExpenseRatio',
    label: 'Impairment expense ratio',
    formula: 'net impairment loss on loans / average GLP',
    unit: 'fraction',
    better: 'lower',
  },
  operatingExpenseRatio: {
    key: 'operatingExpenseRatio',
    label: 'Operating expense ratio',
    formula: 'operating expense / average GLP',
    unit: 'fraction',
    better: 'lower',
  },
  costPerBorrower: {
    key: 'costPerBorrower',
    label: 'Cost per borrower (USD)',
    formula: 'operating expense / average active borrowers',
    unit: 'usd',
    better: 'lower',
  },
  borrowersPerLoanOfficer: {
    key: 'borrowersPerLoanOfficer',
    label: 'Borrowers per loan officer',
    formula: 'active borrowers / loan officers',
    unit: 'people',
    better: 'neither',
    iris: 'PI9250',
  },
  borrowersPerStaff: {
    key: 'borrowersPerStaff',
    label: 'Borrowers per staff member',
    formula: 'active borrowers / personnel',
    unit: 'people',
    better: 'neither',
  },
  averageLoanBalancePerBorrower: {
    key: 'averageLoanBalancePerBorrower',
    label: 'Average loan balance per borrower (USD)',
    formula: 'GLP / active borrowers',
    unit: 'usd',
    better: 'neither',
  },
  depth: {
    key: 'depth',
    label: 'Depth: average loan balance per borrower / GNI per capita',
    formula: '(GLP / active borrowers) / GNI per capita (same country and year, USD)',
    unit: 'fraction',
    better: 'neither',
  },
  womenBorrowersShare: {
    key: 'womenBorrowersShare',
    label: 'Women borrowers',
    formula: 'active women borrowers / active borrowers',
    unit: 'fraction',
    better: 'higher',
  },
  averageSavingsPerSaver: {
    key: 'averageSavingsPerSaver',
    label: 'Average savings balance per saver (USD)',
    formula: 'voluntary savings / voluntary savers',
    unit: 'usd',
    better: 'neither',
  },
  averageSavingsPerSaverToGni: {
    key: 'averageSavingsPerSaverToGni',
    label: 'Average savings per saver / GNI per capita',
    formula: '(voluntary savings / voluntary savers) / GNI per capita',
    unit: 'fraction',
    better: 'neither',
  },
};

/**
 * The standard ratios of one report (or of a portfolio's summed figures).
 * A ratio whose denominator is zero, negative where only a positive one makes
 * sense, or missing (no GNI per capita, no adjustments) has no value and says
 * why. `gniPerCapitaUsd` is for the institution's country and the report's year.
 */
export function standardRatios(f: NormalisedFigures, gniPerCapitaUsd?: number): Ratios {
  const expenses = f.financialExpense + f.impairmentExpense + f.operatingExpense;
  const adj = f.adjustments;
  const noAdjustments = 'the report gives no subsidy and inflation adjustments';
  const adjustedExpenses = adj
    ? expenses + adj.financialExpense + adj.impairmentExpense + adj.operatingExpense
    : undefined;
  const adjustedIncome = adj
    ? f.netOperatingIncome - adj.financialExpense - adj.impairmentExpense - adj.operatingExpense
    : undefined;
  const averageLoan = divide(f.glpClosing, f.activeBorrowers, 'active borrowers');
  const averageSavings = divide(f.voluntarySavings, f.voluntarySavers, 'voluntary savers');
  const gni = gniPerCapitaUsd;
  const noGni = 'no GNI per capita is recorded for the country and year';

  return {
    oss: divide(
      f.financialRevenue,
      expenses,
      'financial expense + impairment loss + operating expense',
    ),
    fss:
      adjustedExpenses === undefined
        ? absent(noAdjustments)
        : divide(f.financialRevenue, adjustedExpenses, 'adjusted expenses'),
    roa: divide(f.netOperatingIncome, f.averageTotalAssets, 'average total assets'),
    roe: divide(f.netOperatingIncome, f.averageEquity, 'average equity'),
    aroa:
      adjustedIncome === undefined
        ? absent(noAdjustments)
        : divide(adjustedIncome, f.averageTotalAssets, 'average total assets'),
    aroe:
      adjustedIncome === undefined
        ? absent(noAdjustments)
        : divide(adjustedIncome, f.averageEquity, 'average equity'),
    portfolioYield: divide(f.portfolioRevenue, f.averageGlp, 'average GLP'),
    par30: divide(f.portfolioAtRisk30, f.glpClosing, 'GLP'),
    writeOffRatio: divide(f.writeOffs, f.averageGlp, 'average GLP'),
    riskCoverage: divide(f.impairmentAllowance, f.portfolioAtRisk30, 'PAR30 balance'),
    impairmentExpenseRatio: divide(f.impairmentExpense, f.averageGlp, 'average GLP'),
    operatingExpenseRatio: divide(f.operatingExpense, f.averageGlp, 'average GLP'),
    costPerBorrower: divide(
      f.operatingExpense,
      f.averageActiveBorrowers,
      'average active borrowers',
    ),
    borrowersPerLoanOfficer: divide(f.activeBorrowers, f.loanOfficers, 'loan officers'),
    borrowersPerStaff: divide(f.activeBorrowers, f.personnel, 'personnel'),
    averageLoanBalancePerBorrower: averageLoan,
    depth: ofGni(averageLoan, gni, noGni),
    womenBorrowersShare: divide(f.activeWomenBorrowers, f.activeBorrowers, 'active borrowers'),
    averageSavingsPerSaver: averageSavings,
    averageSavingsPerSaverToGni: ofGni(averageSavings, gni, noGni),
  };
}

function absent(reason: string): RatioValue {
  return { value: null, reason };
}

function divide(numerator: number, denominator: number, what: string): RatioValue {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator))
    return absent(`${what} or its numerator is not a finite number`);
  if (denominator === 0) return absent(`${what} is zero`);
  if (denominator < 0) return absent(`${what} is negative`);
  const value = numerator / denominator;
  if (!Number.isFinite(value)) return absent('the quotient is too large to represent');
  return { value: value === 0 ? 0 : value };
}

function ofGni(amount: RatioValue, gni: number | undefined, noGni: string): RatioValue {
  if (amount.value === null) return amount;
  if (gni === undefined) return absent(noGni);
  return divide(amount.value, gni, 'GNI per capita');
}
