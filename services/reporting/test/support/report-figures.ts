import type { RecordedEvent } from '@sfp/event-sourcing';

/**
 * Folds public events into facts as a reporting view keeps them: one per
 * value of the data's `idField`, each the result of `evolve`.
 */
export function foldFacts<T>(
  events: readonly RecordedEvent[],
  evolve: (
    current: T | undefined,
    event: { type: string; data: Record<string, unknown> },
  ) => T | undefined,
  idField: string,
): T[] {
  const byId = new Map<string, T>();
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    const id = String(data[idField]);
    const next = evolve(byId.get(id), { type: event.type, data });
    if (next) byId.set(id, next);
  }
  return [...byId.values()];
}

/** One figure of a report section, as computed or as served (JSON). */
export interface FigureLike {
  metric: string;
  key: string | null;
  value: number | null;
}

/** A section's figures by name: `metric` for a headline figure, `metric.key` for a breakdown. */
export function figuresByName(figures: readonly FigureLike[]): Record<string, number | null> {
  return Object.fromEntries(
    figures.map((f) => [f.key === null ? f.metric : `${f.metric}.${f.key}`, f.value]),
  );
}

/** The help desk's figures of 2026-Q1, worked by hand from scriptedHistory (help-desk-history.ts). */
export const HELP_DESK_FIGURES_2026_Q1 = {
  requestsReceived: 4,
  requestsResolved: 3,
  requestsCancelled: 1,
  medianHoursToResolution: 312,
  meanHoursToResolution: 240,
  slaBreaches: 2,
  'requestsReceivedByKind.referral': 3,
  'requestsReceivedByKind.programme-guidance': 1,
  'requestsReceivedByTheme.youth': 2,
  'requestsReceivedByTheme.gender': 2,
  'requestsReceivedByTheme.poverty': 1,
  'requestsResolvedByKind.referral': 1,
  'requestsResolvedByKind.programme-guidance': 1,
  'requestsResolvedByKind.fund-instrument-guidelines': 1,
  'requestsResolvedByTheme.youth': 2,
  'requestsResolvedByTheme.gender': 1,
  'requestsResolvedByTheme.poverty': 1,
  'requestsResolvedByTheme.microinsurance': 1,
  'slaBreachesByPriority.normal': 1,
  'slaBreachesByPriority.urgent': 1,
};

/** The help desk's figures of a period with no activity: zero counts, no time to measure, no breakdowns. */
export const HELP_DESK_FIGURES_EMPTY = {
  requestsReceived: 0,
  requestsResolved: 0,
  requestsCancelled: 0,
  medianHoursToResolution: null,
  meanHoursToResolution: null,
  slaBreaches: 0,
};

/**
 * The knowledge management figures of 2026-Q1, worked by hand from
 * scriptedKnowledgeBaseHistory (knowledge-base-history.ts).
 */
/**
 * The outreach and sustainability figures of a period in which no report's
 * period ends (the scripted history's reports all cover 2025): no value, n = 0.
 */
const KNOWLEDGE_OUTCOMES_NONE = {
  institutionsWithFigures: 0,
  impactAssessmentsCompleted: 0,
  ...Object.fromEntries(
    [
      ['activeBorrowers', 'Total', 'activeBorrowers'],
      ['activeSavers', 'Total', 'activeSavers'],
      ['womenBorrowersPercent', 'Weighted', 'womenBorrowers'],
      ['ruralClientsPercent', 'Weighted', 'ruralClients'],
      ['depthRatio', 'Weighted', 'depth'],
      ['ossPercent', 'Weighted', 'oss'],
      ['fssPercent', 'Weighted', 'fss'],
      ['par30Percent', 'Weighted', 'par30'],
      ['writeOffPercent', 'Weighted', 'writeOff'],
    ].flatMap(([metric, aggregate, n]) => [
      [`${metric}${aggregate}`, null],
      [`${metric}Median`, null],
      [`${n}Institutions`, 0],
    ]),
  ),
} as Record<string, number | null>;

export const KNOWLEDGE_MANAGEMENT_FIGURES_2026_Q1 = {
  ...KNOWLEDGE_OUTCOMES_NONE,
  institutionsRegistered: 2,
  institutionsReporting: 2,
  performanceReportsFiled: 3,
  performanceReportsRestated: 1,
  targetsDue: 2, // T1 (at-risk), T2 (no-data); T3 withdrawn, T4 due in Q2
  targetStatusChanges: 3, // T1 on-track 01-21, T4 off-track 02-16, T1 at-risk 03-11
  'institutionsReportingByRegion.africa': 1,
  'institutionsReportingByRegion.asia-pacific': 1,
  'targetsDueByStatus.at-risk': 1,
  'targetsDueByStatus.no-data': 1,
  'targetsDueByIndicator.oss': 1,
  'targetsDueByIndicator.par30': 1,
  'targetsDueByTrend.worsening': 1, // T1 (portfolio): 1.1 then 0.95
  'targetsDueByTrend.no-previous': 1, // T2: never evaluated
  'targetStatusChangesByStatus.at-risk': 1,
  'targetStatusChangesByStatus.off-track': 1,
  'targetStatusChangesByStatus.on-track': 1,
};

/** The knowledge management figures of a period in which nothing happened: zeros, no breakdowns. */
export const KNOWLEDGE_MANAGEMENT_FIGURES_EMPTY = {
  ...KNOWLEDGE_OUTCOMES_NONE,
  institutionsRegistered: 0,
  institutionsReporting: 0,
  performanceReportsFiled: 0,
  performanceReportsRestated: 0,
  targetsDue: 0,
  targetStatusChanges: 0,
};
