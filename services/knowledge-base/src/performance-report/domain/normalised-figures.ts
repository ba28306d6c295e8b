import { COUNT_FIELDS, MONEY_FLOWS, type ReportFigures } from './performance-inputs';
import { periodLength } from './report-period';

/**
 * A report's figures ready for the ratios: money in USD (flows at the
 * period-average rate and annualised when the period is shorter than a year;
 * stocks, openings included, at the period-end rate), averages as the mean of
 * opening and closing. Several institutions' figures add up (aggregateFigures)
 * to a portfolio's.
 */
export interface NormalisedFigures {
  // Stocks (USD, period-end rate)
  glpClosing: number;
  averageGlp: number;
  averageTotalAssets: number;
  averageEquity: number;
  /** PAR30 balance including renegotiated loans. */
  portfolioAtRisk30: number;
  impairmentAllowance: number;
  voluntarySavings: number;
  // Flows (USD, period-average rate, annual)
  writeOffs: number;
  financialRevenue: number;
  portfolioRevenue: number;
  financialExpense: number;
  impairmentExpense: number;
  operatingExpense: number;
  netOperatingIncome: number;
  /** Present when the report gave its subsidy and inflation adjustments. */
  adjustments?: {
    financialExpense: number;
    impairmentExpense: number;
    operatingExpense: number;
  };
  // People
  activeBorrowers: number;
  averageActiveBorrowers: number;
  activeWomenBorrowers: number;
  ruralClients: number;
  voluntarySavers: number;
  loanOfficers: number;
  personnel: number;
}

export function normaliseFigures(figures: ReportFigures): NormalisedFigures {
  const { inputs, fx } = figures;
  const { annualisationFactor } = periodLength(figures.period);
  const stock = (amount: number) => amount / fx.periodEnd;
  const flow = (amount: number) => (amount / fx.periodAverage) * annualisationFactor;
  const average = (pair: { opening: number; closing: number }) =>
    (stock(pair.opening) + stock(pair.closing)) / 2;
  const a = inputs.adjustments;
  return {
    glpClosing: stock(inputs.grossLoanPortfolio.closing),
    averageGlp: average(inputs.grossLoanPortfolio),
    averageTotalAssets: average(inputs.totalAssets),
    averageEquity: average(inputs.equity),
    portfolioAtRisk30: stock(inputs.par30Balance + inputs.renegotiatedLoans),
    impairmentAllowance: stock(inputs.impairmentAllowance),
    voluntarySavings: stock(inputs.voluntarySavings),
    writeOffs: flow(inputs.writeOffs),
    financialRevenue: flow(inputs.financialRevenue),
    portfolioRevenue: flow(inputs.portfolioRevenue),
    financialExpense: flow(inputs.financialExpense),
    impairmentExpense: flow(inputs.impairmentExpense),
    operatingExpense: flow(inputs.operatingExpense),
    netOperatingIncome: flow(inputs.netOperatingIncomeAfterTaxes),
    ...(a
      ? {
          adjustments: {
            financialExpense: flow(a.subsidisedFundingCost + a.inflationOnEquity),
            impairmentExpense: flow(a.impairmentLoss),
            operatingExpense: flow(a.inKindSubsidies),
          },
        }
      : {}),
    activeBorrowers: inputs.activeBorrowers.closing,
    averageActiveBorrowers: (inputs.activeBorrowers.opening + inputs.activeBorrowers.closing) / 2,
    activeWomenBorrowers: inputs.activeWomenBorrowers,
    ruralClients: inputs.ruralClients,
    voluntarySavers: inputs.voluntarySavers,
    loanOfficers: inputs.loanOfficers,
    personnel: inputs.personnel,
  };
}

/** The flows of the report that keep their name (net operating income is renamed). */
type KeptFlow = Exclude<(typeof MONEY_FLOWS)[number], 'netOperatingIncomeAfterTaxes'>;
const KEPT_FLOWS = MONEY_FLOWS.filter(
  (key): key is KeptFlow => key !== 'netOperatingIncomeAfterTaxes',
);

const SUMMED: ReadonlyArray<Exclude<keyof NormalisedFigures, 'adjustments'>> = [
  'glpClosing',
  'averageGlp',
  'averageTotalAssets',
  'averageEquity',
  'portfolioAtRisk30',
  'impairmentAllowance',
  'voluntarySavings',
  ...KEPT_FLOWS,
  'netOperatingIncome',
  'activeBorrowers',
  'averageActiveBorrowers',
  ...COUNT_FIELDS,
];

/**
 * The figures of several institutions as one portfolio: every amount and
 * count summed, so a portfolio ratio weighs each institution by its size.
 * Adjustments only when every report has them. Undefined for none.
 */
export function aggregateFigures(
  list: readonly NormalisedFigures[],
): NormalisedFigures | undefined {
  if (list.length === 0) return undefined;
  const total = Object.fromEntries(
    SUMMED.map((key) => [key, list.reduce((sum, f) => sum + f[key], 0)]),
  ) as Omit<NormalisedFigures, 'adjustments'>;
  const adjustments = list.flatMap((f) => (f.adjustments ? [f.adjustments] : []));
  return {
    ...total,
    ...(adjustments.length === list.length
      ? {
          adjustments: {
            financialExpense: adjustments.reduce((s, a) => s + a.financialExpense, 0),
            impairmentExpense: adjustments.reduce((s, a) => s + a.impairmentExpense, 0),
            operatingExpense: adjustments.reduce((s, a) => s + a.operatingExpense, 0),
          },
        }
      : {}),
  };
}
