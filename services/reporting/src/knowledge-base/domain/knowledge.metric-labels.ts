import { INDICATOR_LABELS, REGIONS, TARGET_STATUSES } from '@sfp/contracts';
import type { TargetTrend } from './targets-against-results';

/** What each figure of the knowledge management section is, as a reader reads it. */
export const KNOWLEDGE_METRIC_LABELS: Readonly<Record<string, string>> = {
  institutionsRegistered: 'Institutions registered',
  institutionsReporting: 'Institutions reporting (a report filed in the period)',
  performanceReportsFiled: 'Performance reports filed',
  performanceReportsRestated: 'Performance reports restated',
  institutionsWithFigures: 'Institutions whose latest report covers the period',
  activeBorrowersTotal: 'Active borrowers, total',
  activeBorrowersMedian: 'Active borrowers, median per institution',
  activeBorrowersInstitutions: 'Active borrowers, institutions reporting them (n)',
  activeSaversTotal: 'Active voluntary savers, total',
  activeSaversMedian: 'Active voluntary savers, median per institution',
  activeSaversInstitutions: 'Active voluntary savers, institutions reporting them (n)',
  womenBorrowersPercentWeighted: 'Women borrowers (% of active borrowers, weighted by borrowers)',
  womenBorrowersPercentMedian: 'Women borrowers (%), median per institution',
  womenBorrowersInstitutions: 'Women borrowers, institutions reporting them (n)',
  ruralClientsPercentWeighted: 'Rural clients (% of active borrowers, weighted by borrowers)',
  ruralClientsPercentMedian: 'Rural clients (%), median per institution',
  ruralClientsInstitutions: 'Rural clients, institutions reporting them (n)',
  depthRatioWeighted: 'Depth: average loan / GNI per capita (weighted by borrowers)',
  depthRatioMedian: 'Depth: average loan / GNI per capita, median per institution',
  depthInstitutions: 'Depth, institutions with a value (n)',
  ossPercentWeighted: 'Operational self-sufficiency (OSS, %, weighted by expenses)',
  ossPercentMedian: 'Operational self-sufficiency (OSS, %), median per institution',
  ossInstitutions: 'OSS, institutions with a value (n)',
  fssPercentWeighted: 'Financial self-sufficiency (FSS, %, weighted by adjusted expenses)',
  fssPercentMedian: 'Financial self-sufficiency (FSS, %), median per institution',
  fssInstitutions: 'FSS, institutions with a value (n)',
  par30PercentWeighted: 'Portfolio at risk > 30 days (PAR30, %, weighted by gross loan portfolio)',
  par30PercentMedian: 'Portfolio at risk > 30 days (PAR30, %), median per institution',
  par30Institutions: 'PAR30, institutions with a value (n)',
  writeOffPercentWeighted: 'Write-off ratio (%, weighted by average gross loan portfolio)',
  writeOffPercentMedian: 'Write-off ratio (%), median per institution',
  writeOffInstitutions: 'Write-off ratio, institutions with a value (n)',
  impactAssessmentsCompleted: 'Impact assessments completed',
  impactFindingsByFinding: 'Findings of the impact assessments completed, by result',
  targetsDue: 'Targets due',
  targetStatusChanges: 'Target status changes',
  institutionsReportingByRegion: 'Institutions reporting by region',
  targetsDueByStatus: 'Targets due by status',
  targetsDueByIndicator: 'Targets due by indicator',
  targetsDueByTrend: 'Targets due by trend (against the report before)',
  targetStatusChangesByStatus: 'Target status changes by new status',
};

/** Column headings of the breakdowns, by what follows `By` in the metric's name. */
export const KNOWLEDGE_BREAKDOWN_KEYS: Readonly<Record<string, string>> = {
  Region: 'Region',
  Status: 'Status',
  Indicator: 'Indicator',
  Trend: 'Trend',
  Finding: 'Result',
};

export const REGION_LABELS: Readonly<Record<(typeof REGIONS)[number], string>> = {
  africa: 'Africa',
  americas: 'Americas',
  'arab-states': 'Arab States',
  'asia-pacific': 'Asia and the Pacific',
  'europe-central-asia': 'Europe and Central Asia',
};

export const TARGET_STATUS_LABELS: Readonly<
  Record<(typeof TARGET_STATUSES)[number] | 'withdrawn', string>
> = {
  'no-data': 'No data yet',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  withdrawn: 'Withdrawn',
};

export const TARGET_TREND_LABELS: Readonly<Record<TargetTrend, string>> = {
  improving: 'Improving',
  steady: 'Steady',
  worsening: 'Worsening',
  'no-previous': 'No earlier value',
};

export const FINDING_LABELS: Readonly<Record<string, string>> = {
  positive: 'Positive',
  null: 'No effect found (null result)',
  negative: 'Negative',
  mixed: 'Mixed',
};

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  income: 'Income',
  'business-profit': 'Business profit',
  consumption: 'Consumption',
  assets: 'Assets',
  'womens-decision-making': "Women's decision-making",
  'child-labour': 'Child labour',
  'occupational-safety-and-health': 'Occupational safety and health',
  formalisation: 'Formalisation',
  vulnerability: 'Vulnerability',
  other: 'Other',
};

export const DESIGN_LABELS: Readonly<Record<string, string>> = {
  rct: 'Randomised controlled trial',
  'difference-in-differences': 'Difference in differences',
  matching: 'Matching',
  'regression-discontinuity': 'Regression discontinuity',
  'before-after': 'Before and after',
  qualitative: 'Qualitative',
};

/**
 * Words for the codes the section uses as breakdown keys (regions, target
 * statuses, indicators, trends, findings): the report's catalogue reads them.
 */
export const KNOWLEDGE_KEY_LABELS: Readonly<Record<string, string>> = {
  ...REGION_LABELS,
  ...TARGET_STATUS_LABELS,
  ...INDICATOR_LABELS,
  ...TARGET_TREND_LABELS,
  ...FINDING_LABELS,
};

/** A code in words from one of the tables above, the code itself when unknown. */
export function wordsFor(labels: Readonly<Record<string, string>>, code: string): string {
  return Object.prototype.hasOwnProperty.call(labels, code) ? (labels[code] as string) : code;
}
