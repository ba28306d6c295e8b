/**
 * What an institution reports for one period, in its reporting currency
 * (money) or in people (counts). Definitions follow the SEEP / MFRS and MIX
 * conventions of docs/knowledge-base.md.
 */

/** A stock at the start and at the end of the period: averages need both. */
export interface OpeningClosing {
  opening: number;
  closing: number;
}

/** The reporting period, as ISO dates (inclusive). At most one year. */
export interface ReportPeriod {
  start: string;
  end: string;
}

/** Units of the reporting currency per one US dollar. */
export interface FxRates {
  /** Average rate of the period: converts flows. */
  periodAverage: number;
  /** Rate at the period end: converts stocks. */
  periodEnd: number;
}

/** The adjustments of FSS, AROA and AROE (all period flows, ≥ 0). */
export interface SubsidyAdjustments {
  /** Market cost of funds minus the cost actually paid on subsidised funding. */
  subsidisedFundingCost: number;
  /** Goods and services donated or paid by others (e.g. staff seconded, premises). */
  inKindSubsidies: number;
  /** Inflation on equity (average equity × inflation rate, minus inflation on net fixed assets). */
  inflationOnEquity: number;
  /** Adjustment of the impairment loss to a standard provisioning policy (0 when none). */
  impairmentLoss: number;
}

export interface PerformanceInputs {
  // Balance sheet (stocks)
  totalAssets: OpeningClosing;
  equity: OpeningClosing;
  /** GLP: outstanding principal of all loans, without accrued interest and written-off loans. */
  grossLoanPortfolio: OpeningClosing;
  /** Impairment loss allowance (loan loss reserve) at period end. */
  impairmentAllowance: number;
  /** Voluntary savings (deposits) at period end. */
  voluntarySavings: number;

  // Portfolio quality (stocks at period end, and one flow)
  /** Outstanding principal of all loans with an instalment more than 30 days overdue (whole balance). */
  par30Balance: number;
  /** Outstanding principal of renegotiated loans not already in par30Balance. */
  renegotiatedLoans: number;
  /** Loans written off in the period (flow). */
  writeOffs: number;

  // Income statement (flows of the period)
  /** All financial revenue (portfolio and other financial assets). */
  financialRevenue: number;
  /** Interest, fees and commissions on the loan portfolio. */
  portfolioRevenue: number;
  financialExpense: number;
  /** Net impairment loss on loans (may be negative when recoveries exceed new provisions). */
  impairmentExpense: number;
  operatingExpense: number;
  /** Net operating income after taxes, excluding donations (may be negative). */
  netOperatingIncomeAfterTaxes: number;
  /** Absent: FSS, AROA and AROE are not computable. */
  adjustments?: SubsidyAdjustments;

  // Outreach (people)
  activeBorrowers: OpeningClosing;
  /** Active women borrowers at period end. */
  activeWomenBorrowers: number;
  ruralClients: number;
  voluntarySavers: number;
  loanOfficers: number;
  personnel: number;
}

/** A report as filed: period, currency, rates and inputs. */
export interface ReportFigures {
  period: ReportPeriod;
  /** ISO 4217. */
  currency: string;
  fx: FxRates;
  inputs: PerformanceInputs;
}

/**
 * The fields of PerformanceInputs by unit and kind (for checks and scaling):
 * defined in the platform's contracts (libs/contracts), from which the
 * console builds its form. performance-inputs.spec.ts checks they name every
 * field of PerformanceInputs, and only those.
 */
export {
  ADJUSTMENT_FIELDS,
  COUNT_FIELDS,
  COUNT_OPENING_CLOSING,
  MONEY_FLOWS,
  MONEY_OPENING_CLOSING,
  MONEY_STOCKS,
} from '@sfp/contracts';
