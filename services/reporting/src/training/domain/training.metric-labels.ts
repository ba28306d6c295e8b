import { previousPeriodMetric } from './training.report-sections';

/** What each figure of the training sections is, as a reader reads it (for the report's renderers). */
const PERIOD_LABELS: Readonly<Record<string, string>> = {
  offeringsHeld: 'Offerings held',
  staffTrained: 'Staff trained (people)',
  peopleTrained: 'Constituents trained (people)',
  courseCompletions: 'Course completions',
  countriesReached: 'Countries reached',
  completionRatePercent: 'Completion rate (%)',
  knowledgeGainMeanPoints: 'Knowledge gain, mean (post-test minus pre-test, points)',
  knowledgeGainParticipants: 'Knowledge gain: participants with both tests',
  satisfactionMean: 'Satisfaction, mean (1 to 5)',
  satisfactionResponses: 'Satisfaction: answers',
  offeringsHeldByKind: 'Offerings held by kind of course',
  staffTrainedBySex: 'Staff trained by sex',
  peopleTrainedByConstituentGroup: 'Constituents trained by constituent group',
  peopleTrainedBySex: 'Constituents trained by sex',
  peopleTrainedByRegion: 'Constituents trained by region of the offering',
};

/** Results against programme targets: evaluated at the end of the period only (no previous period). */
const TARGET_LABELS: Readonly<Record<string, string>> = {
  programmeTargets: 'Programme targets',
  programmeTargetsByStatus: 'Programme targets by status',
  resultsAgainstTargetsByTarget: 'Results against targets (value reached, by target and status)',
};

/** Labels of every metric of the two training sections, the previous period's included. */
export const TRAINING_METRIC_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(PERIOD_LABELS).flatMap(([metric, label]) => [
      [metric, label],
      [previousPeriodMetric(metric), `${label}, previous period`],
    ]),
  ),
  ...TARGET_LABELS,
};

/**
 * Column headings of the breakdowns, by what follows `By` in the metric's name
 * (Kind and Region as the renderers already head them).
 */
export const TRAINING_BREAKDOWN_KEYS: Readonly<Record<string, string>> = {
  Kind: 'Kind',
  Sex: 'Sex',
  ConstituentGroup: 'Constituent group',
  Region: 'Region',
  Status: 'Status',
  Target: 'Target',
};
