import type { ComputedSection, ReportFigure } from '../../report/domain/progress-report';
import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import { previousReportPeriod } from '../../report/domain/previous-period';
import {
  programmeTargetResults,
  programmeTargetSentence,
  TARGET_STATUS_LABELS,
  type ProgrammeTargetResult,
} from './programme-targets';
import type { ProgrammeFacts } from './programme.facts';
import type { CourseFacts, OfferingFacts, ParticipationFacts } from './training.facts';
import {
  CONSTITUENT_GROUP_LABELS,
  COURSE_KIND_LABELS,
  labelOf,
  REGION_LABELS,
  SEX_LABELS,
} from './training.labels';
import { TRAINING_SOURCE } from './training.public-events';

/** What the training sections are computed from: the rows of the training views. */
export interface TrainingReportData {
  courses: readonly CourseFacts[];
  offerings: readonly OfferingFacts[];
  participations: readonly ParticipationFacts[];
  /** Capacity-building programmes and their targets (none: no target to report against). */
  programmes?: readonly ProgrammeFacts[];
}

/** The prefix of the previous period's figures: `staffTrained` and `previousPeriodStaffTrained`. */
export const PREVIOUS_PERIOD_PREFIX = 'previousPeriod';

/** The name of a figure of the previous period: staffTrainedBySex → previousPeriodStaffTrainedBySex. */
export const previousPeriodMetric = (metric: string) =>
  `${PREVIOUS_PERIOD_PREFIX}${metric.charAt(0).toUpperCase()}${metric.slice(1)}`;

const TARGETS_NOTE =
  'Results against targets: no training programme has targets recorded in the platform by the end of the period, so the results above are not set against any target (none is shown, none is assumed).';

const STAFF_TARGETS_NOTE =
  'Results against targets: targets are set on capacity-building programmes for constituents (see that section); staff training has none, so the results above are not set against any target.';

/** How a programme target's status is decided (the knowledge base's statuses and words). */
const TARGET_RULE_NOTE =
  "Results against targets: each target of a capacity-building programme, with the value its programme's offerings reached by the end of the period (their constituents' results recorded before it, or before the target's due date once passed). Status, in the knowledge base's words: once the target's due date has passed, On track when met and Off track when missed; before, the value is set against what is expected by the end of the period (for people trained, the target times the share of the time from the programme's first day to the due date that has elapsed; for a rate, the target itself): On track at or above it, At risk from 80 % of it, Off track below; No data when the programme has not started or there is nothing to measure yet.";

/** The key of a target's figure: what it is and how it stands. */
const targetKey = (r: ProgrammeTargetResult) =>
  `${r.programmeTitle} — ${r.label} (target ${r.target}, due ${r.dueOn}): ${TARGET_STATUS_LABELS[r.status]}`;

/**
 * Results against the programmes' targets at the end of the period (pure):
 * targets evaluated, by status, and each target's value reached (keyed by
 * programme, indicator, target and status); with notes saying the rule and
 * each target in a sentence.
 */
export function programmeTargetFigures(
  period: ReportPeriod,
  data: TrainingReportData,
): { figures: ReportFigure[]; notes: string[] } {
  const results = programmeTargetResults(period, data.programmes ?? [], data.participations);
  if (results.length === 0) return { figures: [], notes: [TARGETS_NOTE] };
  return {
    figures: [
      count('programmeTargets', results.length),
      ...countBy('programmeTargetsByStatus', results, (r) => TARGET_STATUS_LABELS[r.status]),
      ...results.map((r) => ({
        metric: 'resultsAgainstTargetsByTarget',
        key: targetKey(r),
        value: r.actual,
      })),
    ],
    notes: [TARGET_RULE_NOTE, ...results.map(programmeTargetSentence)],
  };
}

/** A figure rounded to one decimal, as a reader reads it (83.3, not 83.33333). */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

const meanOf = (values: readonly number[]): number | null =>
  values.length === 0 ? null : oneDecimal(values.reduce((s, v) => s + v, 0) / values.length);

/** A headline count. */
const count = (metric: string, value: number): ReportFigure => ({
  metric,
  key: null,
  value,
  unit: 'count',
});

/** A headline measure (a rate, a mean); null when there is nothing to measure. */
const measure = (metric: string, value: number | null): ReportFigure => ({
  metric,
  key: null,
  value,
});

/**
 * Counts of distinct people per key (keys in label order, so output is
 * stable): a person counts once under each key, however many courses they
 * completed.
 */
function peopleBy(
  metric: string,
  rows: readonly ParticipationFacts[],
  key: (row: ParticipationFacts) => string,
): ReportFigure[] {
  const byKey = new Map<string, Set<string>>();
  for (const row of rows) {
    const k = key(row);
    byKey.set(k, (byKey.get(k) ?? new Set()).add(row.personId));
  }
  return [...byKey.keys()]
    .sort()
    .map((k) => ({ metric, key: k, value: byKey.get(k)?.size ?? 0, unit: 'count' as const }));
}

function countBy<T>(metric: string, items: readonly T[], key: (item: T) => string): ReportFigure[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.keys()]
    .sort()
    .map((k) => ({ metric, key: k, value: counts.get(k) ?? 0, unit: 'count' as const }));
}

/** What the two sections share: results in the period of one group of participants. */
interface PeriodResults {
  /** Participations whose result (completed or failed) was recorded in the period. */
  results: ParticipationFacts[];
  completed: ParticipationFacts[];
  /** Offerings completed in the period in which someone of the group had a result. */
  offeringsHeld: OfferingFacts[];
  kindOf: (offering: OfferingFacts) => string;
  regionOf: (row: ParticipationFacts) => string;
  completionRatePercent: number | null;
  knowledgeGains: number[];
  satisfactionMean: number | null;
  satisfactionResponses: number;
}

function periodResults(
  period: ReportPeriod,
  data: TrainingReportData,
  inGroup: (row: ParticipationFacts) => boolean,
): PeriodResults {
  const offerings = new Map(data.offerings.map((o) => [o.offeringId, o]));
  const courses = new Map(data.courses.map((c) => [c.courseId, c]));
  const group = data.participations.filter((p) => inGroup(p) && p.result !== null);
  const results = group.filter((p) => inPeriod(period, p.resultAt));
  const completed = results.filter((p) => p.result === 'completed');
  const attended = new Set(group.map((p) => p.offeringId));
  const offeringsHeld = data.offerings.filter(
    (o) => inPeriod(period, o.completedAt) && attended.has(o.offeringId),
  );
  const responses = offeringsHeld.reduce((n, o) => n + o.satisfactionResponses, 0);
  const total = offeringsHeld.reduce((n, o) => n + o.satisfactionTotal, 0);
  return {
    results,
    completed,
    offeringsHeld,
    kindOf: (o) => {
      const kind = courses.get(o.courseId)?.kind;
      return kind ? labelOf(COURSE_KIND_LABELS, kind) : 'Kind not known';
    },
    regionOf: (p) => {
      const region = offerings.get(p.offeringId)?.region;
      return region ? labelOf(REGION_LABELS, region) : 'Region not known';
    },
    completionRatePercent:
      results.length === 0 ? null : oneDecimal((completed.length / results.length) * 100),
    knowledgeGains: results
      .map((p) => p.knowledgeGain)
      .filter((g): g is number => typeof g === 'number'),
    satisfactionMean: responses === 0 ? null : oneDecimal(total / responses),
    satisfactionResponses: responses,
  };
}

const people = (rows: readonly ParticipationFacts[]) => new Set(rows.map((p) => p.personId)).size;

const sexOf = (p: ParticipationFacts) => labelOf(SEX_LABELS, p.sex);

/** Staff training figures of one period (pure). */
export function staffTrainingFigures(
  period: ReportPeriod,
  data: TrainingReportData,
): ReportFigure[] {
  const r = periodResults(period, data, (p) => p.staff);
  return [
    count('offeringsHeld', r.offeringsHeld.length),
    count('staffTrained', people(r.completed)),
    count('courseCompletions', r.completed.length),
    measure('completionRatePercent', r.completionRatePercent),
    measure('knowledgeGainMeanPoints', meanOf(r.knowledgeGains)),
    count('knowledgeGainParticipants', r.knowledgeGains.length),
    measure('satisfactionMean', r.satisfactionMean),
    count('satisfactionResponses', r.satisfactionResponses),
    ...countBy('offeringsHeldByKind', r.offeringsHeld, r.kindOf),
    ...peopleBy('staffTrainedBySex', r.completed, sexOf),
  ];
}

/** Capacity building figures of one period (pure). */
export function capacityBuildingFigures(
  period: ReportPeriod,
  data: TrainingReportData,
): ReportFigure[] {
  const r = periodResults(period, data, (p) => !p.staff && p.constituentGroup !== null);
  return [
    count('offeringsHeld', r.offeringsHeld.length),
    count('peopleTrained', people(r.completed)),
    count('courseCompletions', r.completed.length),
    count('countriesReached', new Set(r.completed.map((p) => p.country)).size),
    measure('completionRatePercent', r.completionRatePercent),
    measure('knowledgeGainMeanPoints', meanOf(r.knowledgeGains)),
    count('knowledgeGainParticipants', r.knowledgeGains.length),
    measure('satisfactionMean', r.satisfactionMean),
    count('satisfactionResponses', r.satisfactionResponses),
    ...countBy('offeringsHeldByKind', r.offeringsHeld, r.kindOf),
    ...peopleBy('peopleTrainedByConstituentGroup', r.completed, (p) =>
      labelOf(CONSTITUENT_GROUP_LABELS, p.constituentGroup),
    ),
    ...peopleBy('peopleTrainedBySex', r.completed, sexOf),
    ...peopleBy('peopleTrainedByRegion', r.completed, r.regionOf),
  ];
}

/** The period's figures, then the previous period's under the same names prefixed with PREVIOUS_PERIOD_PREFIX. */
function withPreviousPeriod(
  period: ReportPeriod,
  data: TrainingReportData,
  figuresOf: (period: ReportPeriod, data: TrainingReportData) => ReportFigure[],
): { figures: ReportFigure[]; previous: ReportPeriod } {
  const previous = previousReportPeriod(period);
  return {
    previous,
    figures: [
      ...figuresOf(period, data),
      ...figuresOf(previous, data).map((f) => ({
        ...f,
        metric: previousPeriodMetric(f.metric),
      })),
    ],
  };
}

const previousPeriodNote = (previous: ReportPeriod) =>
  `Previous period: ${previous.label} (from ${previous.from.slice(0, 10)} to before ${previous.to.slice(0, 10)}); each figure of the report is set beside its value then, with the change.`;

const COMMON_NOTES = [
  'Completion rate: participants who completed, in per cent of those whose result (completed or failed) was recorded in the period; withdrawals and declined enrolments are not results.',
  'Knowledge gain: post-test minus pre-test score, in percentage points, averaged over the participants with a result in the period who took both tests (their number is given).',
  'Satisfaction: mean answer to "overall satisfaction" (1 = strongly disagree, 5 = strongly agree) of the anonymous questionnaires of the offerings held in the period; everyone who answered for those offerings counts.',
];

/**
 * Staff training for a period and the previous one (pure): offerings held
 * (completed in the period, with at least one staff participant with a
 * result) by kind of course; staff trained (distinct people who completed a
 * course in the period) by sex; course completions; completion rate;
 * knowledge gain; satisfaction.
 */
export function staffTrainingReportSection(
  period: ReportPeriod,
  data: TrainingReportData,
): ComputedSection {
  const { figures, previous } = withPreviousPeriod(period, data, staffTrainingFigures);
  return {
    function: 'training',
    context: TRAINING_SOURCE,
    figures,
    notes: [
      'Staff: participants enrolled as staff of the Office. Staff trained: distinct people who completed a course in the period (a person who completed two courses counts once; course completions counts both).',
      'Offerings held: offerings completed in the period in which at least one staff member had a result, by kind of course.',
      ...COMMON_NOTES,
      previousPeriodNote(previous),
      STAFF_TARGETS_NOTE,
    ],
  };
}

/**
 * Capacity building of constituents for a period and the previous one
 * (pure): people trained (distinct constituents who completed a course in the
 * period) by constituent group, by sex and by region of the offering;
 * countries reached (their countries); offerings held by kind; completion
 * rate; knowledge gain; satisfaction.
 */
export function capacityBuildingReportSection(
  period: ReportPeriod,
  data: TrainingReportData,
): ComputedSection {
  const { figures, previous } = withPreviousPeriod(period, data, capacityBuildingFigures);
  const targets = programmeTargetFigures(period, data);
  return {
    function: 'capacity-building',
    context: TRAINING_SOURCE,
    figures: [...figures, ...targets.figures],
    notes: [
      "Constituents: participants enrolled for a constituent group (Government, Employers' organisation, Workers' organisation, Partner institution), not as staff. People trained: distinct people who completed a course in the period.",
      'Countries reached: distinct countries of the people trained. By region: the region where the offering ran.',
      'Offerings held: offerings completed in the period in which at least one constituent had a result, by kind of course.',
      ...COMMON_NOTES,
      previousPeriodNote(previous),
      ...targets.notes,
    ],
  };
}
