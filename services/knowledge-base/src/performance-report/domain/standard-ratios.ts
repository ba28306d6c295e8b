import {
  INDICATOR_LABELS,
  INDICATOR_UNITS,
  INDICATORS,
  type Indicator,
  type IndicatorUnit,
} from '@sfp/contracts';
import type { NormalisedFigures } from './normalised-figures';

/** A ratio's value, or why it has none: never NaN or Infinity. */
export type RatioValue = { value: number } | { value: null; reason: string };

export type RatioUnit = IndicatorUnit;

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

/** The standard ratios: the contracts' indicators (libs/contracts), with their labels and units. */
export const RATIO_KEYS = INDICATORS;
export type RatioKey = Indicator;
export type Ratios = Record<RatioKey, RatioValue>;

export const RATIO_DEFINITIONS: Readonly<Record<RatioKey, RatioDefinition>> = {
  oss: {
    key: 'oss',
    label: INDICATOR_LABELS.oss,
    formula: 'financial revenue / (financial expense + net impairment loss + operating expense)',
    unit: INDICATOR_UNITS.oss,
    better: 'higher',
  },
  fss: {
    key: 'fss',
    label: INDICATOR_LABELS.fss,
    formula:
      'financial revenue / (adjusted financial expense + adjusted impairment loss + adjusted operating expense)',
    unit: INDICATOR_UNITS.fss,
    better: 'higher',
  },
  roa: {
    key: 'roa',
    label: INDICATOR_LABELS.roa,
    formula: 'net operating income after taxes, excluding donations / average total assets',
    unit: INDICATOR_UNITS.roa,
    better: 'higher',
  },
  roe: {
    key: 'roe',
    label: INDICATOR_LABELS.roe,
    formula: 'net operating income after taxes, excluding donations / average equity',
    unit: INDICATOR_UNITS.roe,
    better: 'higher',
  },
  aroa: {
    key: 'aroa',
    label: INDICATOR_LABELS.aroa,
    formula:
      '(net operating income − subsidy, inflation and impairment adjustments) / average total assets',
    unit: INDICATOR_UNITS.aroa,
    better: 'higher',
  },
  aroe: {
    key: 'aroe',
    label: INDICATOR_LABELS.aroe,
    formula: '(net operating income − adjustments) / average equity',
    unit: INDICATOR_UNITS.aroe,
    better: 'higher',
  },
  portfolioYield: {
    key: 'portfolioYield',
    label: INDICATOR_LABELS.portfolioYield,
    formula: 'interest, fees and commissions on the loan portfolio / average GLP',
    unit: INDICATOR_UNITS.portfolioYield,
    better: 'neither',
  },
  par30: {
    key: 'par30',
    label: INDICATOR_LABELS.par30,
    formula: '(outstanding principal of loans > 30 days overdue + renegotiated loans) / GLP',
    unit: INDICATOR_UNITS.par30,
    better: 'lower',
    iris: 'FP2635',
  },
  writeOffRatio: {
    key: 'writeOffRatio',
    label: INDICATOR_LABELS.writeOffRatio,
    formula: 'loans written off in the period / average GLP',
    unit: INDICATOR_UNITS.writeOffRatio,
    better: 'lower',
  },
  riskCoverage: {
    key: 'riskCoverage',
    label: INDICATOR_LABELS.riskCoverage,
    formula: 'impairment loss allowance / PAR30 balance',
    unit: INDICATOR_UNITS.riskCoverage,
    better: 'higher',
  },
  impairmentExpenseRatio: {
    key: 'impairmentExpenseRatio',
    label: INDICATOR_LABELS.impairmentExpenseRatio,
    formula: 'net impairment loss on loans / average GLP',
    unit: INDICATOR_UNITS.impairmentExpenseRatio,
    better: 'lower',
  },
  operatingExpenseRatio: {
    key: 'operatingExpenseRatio',
    label: INDICATOR_LABELS.operatingExpenseRatio,
    formula: 'operating expense / average GLP',
    unit: INDICATOR_UNITS.operatingExpenseRatio,
    better: 'lower',
  },
  costPerBorrower: {
    key: 'costPerBorrower',
    label: INDICATOR_LABELS.costPerBorrower,
    formula: 'operating expense / average active borrowers',
    unit: INDICATOR_UNITS.costPerBorrower,
    better: 'lower',
  },
  borrowersPerLoanOfficer: {
    key: 'borrowersPerLoanOfficer',
    label: INDICATOR_LABELS.borrowersPerLoanOfficer,
    formula: 'active borrowers / loan officers',
    unit: INDICATOR_UNITS.borrowersPerLoanOfficer,
    better: 'neither',
    iris: 'PI9250',
  },
  borrowersPerStaff: {
    key: 'borrowersPerStaff',
    label: INDICATOR_LABELS.borrowersPerStaff,
    formula: 'active borrowers / personnel',
    unit: INDICATOR_UNITS.borrowersPerStaff,
    better: 'neither',
  },
  averageLoanBalancePerBorrower: {
    key: 'averageLoanBalancePerBorrower',
    label: INDICATOR_LABELS.averageLoanBalancePerBorrower,
    formula: 'GLP / active borrowers',
    unit: INDICATOR_UNITS.averageLoanBalancePerBorrower,
    better: 'neither',
  },
  depth: {
    key: 'depth',
    label: INDICATOR_LABELS.depth,
    formula: '(GLP / active borrowers) / GNI per capita (same country and year, USD)',
    unit: INDICATOR_UNITS.depth,
    better: 'neither',
  },
  womenBorrowersShare: {
    key: 'womenBorrowersShare',
    label: INDICATOR_LABELS.womenBorrowersShare,
    formula: 'active women borrowers / active borrowers',
    unit: INDICATOR_UNITS.womenBorrowersShare,
    better: 'higher',
  },
  averageSavingsPerSaver: {
    key: 'averageSavingsPerSaver',
    label: INDICATOR_LABELS.averageSavingsPerSaver,
    formula: 'voluntary savings / voluntary savers',
    unit: INDICATOR_UNITS.averageSavingsPerSaver,
    better: 'neither',
  },
  averageSavingsPerSaverToGni: {
    key: 'averageSavingsPerSaverToGni',
    label: INDICATOR_LABELS.averageSavingsPerSaverToGni,
    formula: '(voluntary savings / voluntary savers) / GNI per capita',
    unit: INDICATOR_UNITS.averageSavingsPerSaverToGni,
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
