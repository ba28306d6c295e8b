import {
  RESEARCH_BREAKDOWN_KEYS,
  RESEARCH_METRIC_LABELS,
} from '../innovation-research/domain/research.metric-labels';
import {
  KNOWLEDGE_BREAKDOWN_KEYS,
  KNOWLEDGE_KEY_LABELS,
  KNOWLEDGE_METRIC_LABELS,
} from '../knowledge-base/domain/knowledge.metric-labels';
import {
  QUALITY_BREAKDOWN_KEYS,
  QUALITY_METRIC_LABELS,
} from '../quality-monitoring/domain/quality.metric-labels';
import {
  TRAINING_BREAKDOWN_KEYS,
  TRAINING_METRIC_LABELS,
} from '../training/domain/training.metric-labels';
import type { ReportLabels } from './domain/progress-report';

/**
 * What each figure of the progress report is, as a reader reads it: the
 * labels of every context's metrics (a figure that carries its own `label`
 * keeps it), the headings of the breakdowns' keys, and the words for the
 * codes used as keys (kinds, themes, priorities).
 */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  requestsReceived: 'Requests received',
  requestsResolved: 'Requests resolved',
  requestsCancelled: 'Requests cancelled',
  medianHoursToResolution: 'Median time to resolution (hours)',
  meanHoursToResolution: 'Mean time to resolution (hours)',
  slaBreaches: 'SLA breaches',
  requestsReceivedByKind: 'Requests received by kind',
  requestsReceivedByTheme: 'Requests received by theme',
  requestsResolvedByKind: 'Requests resolved by kind',
  requestsResolvedByTheme: 'Requests resolved by theme',
  slaBreachesByPriority: 'SLA breaches by priority',
  institutionsRegistered: 'Institutions registered',
  institutionsReporting: 'Institutions reporting',
  performanceReportsFiled: 'Performance reports filed',
  performanceReportsRestated: 'Performance reports restated',
  targetsDue: 'Targets due',
  targetStatusChanges: 'Target status changes',
  institutionsReportingByRegion: 'Institutions reporting by region',
  targetsDueByStatus: 'Targets due by status',
  targetsDueByIndicator: 'Targets due by indicator',
  targetStatusChangesByStatus: 'Target status changes by new status',
  ...KNOWLEDGE_METRIC_LABELS,
  ...TRAINING_METRIC_LABELS,
  ...RESEARCH_METRIC_LABELS,
  ...QUALITY_METRIC_LABELS,
};

export const BREAKDOWN_KEYS: Readonly<Record<string, string>> = {
  Kind: 'Kind',
  Theme: 'Theme',
  Priority: 'Priority',
  Region: 'Region',
  Status: 'Status',
  Indicator: 'Indicator',
  ...KNOWLEDGE_BREAKDOWN_KEYS,
  ...TRAINING_BREAKDOWN_KEYS,
  ...RESEARCH_BREAKDOWN_KEYS,
  ...QUALITY_BREAKDOWN_KEYS,
};

/** A code as words: "programme-guidance" → "Programme guidance"; anything else as it is. */
export function wordsOfCode(key: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)) return key;
  const words = key.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A metric's name as words when no label is known: requestsReceivedByKind → "Requests received by kind". */
function wordsOfMetric(metric: string): string {
  const words = metric.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const REPORT_LABELS: ReportLabels = {
  metric: (metric) => METRIC_LABELS[metric] ?? wordsOfMetric(metric),
  breakdownKey: (metric) => BREAKDOWN_KEYS[/By(\w+)$/.exec(metric)?.[1] ?? ''] ?? 'Key',
  // The knowledge base's codes (regions, target statuses, indicators, trends, findings) have their own words.
  key: (key) =>
    Object.prototype.hasOwnProperty.call(KNOWLEDGE_KEY_LABELS, key)
      ? (KNOWLEDGE_KEY_LABELS[key] as string)
      : wordsOfCode(key),
};
