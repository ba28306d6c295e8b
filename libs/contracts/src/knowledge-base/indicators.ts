/**
 * The standard ratios computed from every performance report (docs/knowledge-base.md),
 * by which targets are set and peers compared. Their formulas live with the
 * computation in the knowledge base (standard-ratios.ts).
 */
export const INDICATORS = [
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
export type Indicator = (typeof INDICATORS)[number];

/** A fraction (0.05 is 5 %), an amount in US dollars, or a number of people. */
export type IndicatorUnit = 'fraction' | 'usd' | 'people';

export const INDICATOR_UNITS: Readonly<Record<Indicator, IndicatorUnit>> = {
  oss: 'fraction',
  fss: 'fraction',
  roa: 'fraction',
  roe: 'fraction',
  aroa: 'fraction',
  aroe: 'fraction',
  portfolioYield: 'fraction',
  par30: 'fraction',
  writeOffRatio: 'fraction',
  riskCoverage: 'fraction',
  impairmentExpenseRatio: 'fraction',
  operatingExpenseRatio: 'fraction',
  costPerBorrower: 'usd',
  borrowersPerLoanOfficer: 'people',
  borrowersPerStaff: 'people',
  averageLoanBalancePerBorrower: 'usd',
  depth: 'fraction',
  womenBorrowersShare: 'fraction',
  averageSavingsPerSaver: 'usd',
  averageSavingsPerSaverToGni: 'fraction',
};

/** How an indicator is named to people. */
export const INDICATOR_LABELS: Readonly<Record<Indicator, string>> = {
  oss: 'Operational self-sufficiency (OSS)',
  fss: 'Financial self-sufficiency (FSS)',
  roa: 'Return on assets',
  roe: 'Return on equity',
  aroa: 'Adjusted return on assets',
  aroe: 'Adjusted return on equity',
  portfolioYield: 'Portfolio yield',
  par30: 'Portfolio at risk > 30 days (PAR30)',
  writeOffRatio: 'Write-off ratio',
  riskCoverage: 'Risk coverage',
  impairmentExpenseRatio: 'Impairment expense ratio',
  operatingExpenseRatio: 'Operating expense ratio',
  costPerBorrower: 'Cost per borrower (USD)',
  borrowersPerLoanOfficer: 'Borrowers per loan officer',
  borrowersPerStaff: 'Borrowers per staff member',
  averageLoanBalancePerBorrower: 'Average loan balance per borrower (USD)',
  depth: 'Depth (average loan / GNI per capita)',
  womenBorrowersShare: 'Women borrowers share',
  averageSavingsPerSaver: 'Average savings per saver (USD)',
  averageSavingsPerSaverToGni: 'Average savings per saver / GNI per capita',
};
