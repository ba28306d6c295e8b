import type { ReportFigures } from '../performance-inputs';

/**
 * Worked example A (docs/knowledge-base.md): a year in USD with round
 * figures, so every ratio can be checked by hand.
 */
export function workedExampleA(): ReportFigures {
  return {
    period: { start: '2025-01-01', end: '2025-12-31' },
    currency: 'USD',
    fx: { periodAverage: 1, periodEnd: 1 },
    inputs: {
      totalAssets: { opening: 900_000, closing: 1_100_000 },
      equity: { opening: 180_000, closing: 220_000 },
      grossLoanPortfolio: { opening: 700_000, closing: 900_000 },
      impairmentAllowance: 36_000,
      voluntarySavings: 250_000,
      par30Balance: 30_000,
      renegotiatedLoans: 6_000,
      writeOffs: 8_000,
      financialRevenue: 260_000,
      portfolioRevenue: 240_000,
      financialExpense: 40_000,
      impairmentExpense: 12_000,
      operatingExpense: 160_000,
      netOperatingIncomeAfterTaxes: 30_000,
      adjustments: {
        subsidisedFundingCost: 10_000,
        inKindSubsidies: 5_000,
        inflationOnEquity: 6_000,
        impairmentLoss: 1_000,
      },
      activeBorrowers: { opening: 3_000, closing: 5_000 },
      activeWomenBorrowers: 3_250,
      ruralClients: 2_500,
      voluntarySavers: 2_000,
      loanOfficers: 25,
      personnel: 80,
    },
  };
}

/** Worked example B: a quarter in KES at 125 per USD on average and 100 at the end. */
export function workedExampleB(): ReportFigures {
  return {
    period: { start: '2025-04-01', end: '2025-06-30' },
    currency: 'KES',
    fx: { periodAverage: 125, periodEnd: 100 },
    inputs: {
      totalAssets: { opening: 120_000_000, closing: 140_000_000 },
      equity: { opening: 25_000_000, closing: 27_000_000 },
      grossLoanPortfolio: { opening: 80_000_000, closing: 100_000_000 },
      impairmentAllowance: 4_000_000,
      voluntarySavings: 30_000_000,
      par30Balance: 5_000_000,
      renegotiatedLoans: 0,
      writeOffs: 1_125_000,
      financialRevenue: 10_000_000,
      portfolioRevenue: 9_000_000,
      financialExpense: 2_000_000,
      impairmentExpense: 500_000,
      operatingExpense: 4_500_000,
      netOperatingIncomeAfterTaxes: 2_500_000,
      activeBorrowers: { opening: 9_000, closing: 11_000 },
      activeWomenBorrowers: 7_700,
      ruralClients: 6_000,
      voluntarySavers: 12_000,
      loanOfficers: 0,
      personnel: 40,
    },
  };
}
