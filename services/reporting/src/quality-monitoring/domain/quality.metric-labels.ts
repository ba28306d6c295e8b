import { qualityPreviousPeriodMetric } from './quality.report-section';

/** What each figure of the quality-monitoring section is, as a reader reads it (for the report's renderers). */
const PERIOD_LABELS: Readonly<Record<string, string>> = {
  proposalsSubmitted: 'Proposals submitted',
  proposalsReviewed: 'Proposals reviewed (decided)',
  proposalDecisions: 'Decisions on proposals',
  approvalRatePercent: 'Approval rate (% of decisions, with or without conditions)',
  redFlagsFound: 'Red flags found',
  decisionsWithRedFlags: 'Decisions on proposals with a red flag',
  turnaroundMedianWorkingDays: 'Review turnaround, median (working days)',
  withinServiceLevelPercent: 'Decided within the service level (%)',
  linkagesMade: 'Linkages made between proposals and tools',
  approvedComponents: 'Financial components approved',
  approvedAmountUsd: 'Financial components approved, amount (USD)',
  proposalDecisionsByDecision: 'Decisions on proposals by decision',
  redFlagsByFlag: 'Red flags found by kind (decisions raising each)',
  linkagesMadeByToolKind: 'Linkages made by kind of tool',
};

/** Labels of every metric of the quality-monitoring section, the previous period's included. */
export const QUALITY_METRIC_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PERIOD_LABELS).flatMap(([metric, label]) => [
    [metric, label],
    [qualityPreviousPeriodMetric(metric), `${label}, previous period`],
  ]),
);

/** Column headings of the breakdowns, by what follows `By` in the metric's name. */
export const QUALITY_BREAKDOWN_KEYS: Readonly<Record<string, string>> = {
  Decision: 'Decision',
  Flag: 'Red flag',
  ToolKind: 'Kind of tool',
};
