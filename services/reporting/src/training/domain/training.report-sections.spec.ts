import { figuresByName, foldFacts } from '../../../test/support/report-figures';
import { parseReportPeriod } from '../../report/domain/report-period';
import {
  CAPACITY_BUILDING_FIGURES_2026_Q1,
  scriptedTrainingHistory,
  STAFF_TRAINING_FIGURES_2026_Q1,
} from '../training-history.fixture';
import {
  evolveCourseFacts,
  evolveOfferingFacts,
  evolveParticipationFacts,
  type ParticipationFacts,
} from './training.facts';
import {
  CONSTITUENT_GROUP_LABELS,
  COURSE_KIND_LABELS,
  REGION_LABELS,
  SEX_LABELS,
} from './training.labels';
import { TRAINING_BREAKDOWN_KEYS, TRAINING_METRIC_LABELS } from './training.metric-labels';
import {
  capacityBuildingFigures,
  capacityBuildingReportSection,
  previousPeriodMetric,
  staffTrainingFigures,
  staffTrainingReportSection,
  type TrainingReportData,
} from './training.report-sections';

/** The three training views as folded from the scripted history, recorded up to `until`. */
function data(until = '9999'): TrainingReportData {
  const events = scriptedTrainingHistory().events.filter((e) => e.recordedAt <= until);
  return {
    courses: foldFacts(events, evolveCourseFacts, 'courseId'),
    offerings: foldFacts(events, evolveOfferingFacts, 'offeringId'),
    participations: foldFacts(events, evolveParticipationFacts, 'enrolmentId'),
  };
}

const staff = (period: string, until?: string) =>
  figuresByName(staffTrainingReportSection(parseReportPeriod(period), data(until)).figures);
const capacity = (period: string, until?: string) =>
  figuresByName(capacityBuildingReportSection(parseReportPeriod(period), data(until)).figures);

const EMPTY_STAFF = {
  offeringsHeld: 0,
  staffTrained: 0,
  courseCompletions: 0,
  completionRatePercent: null,
  knowledgeGainMeanPoints: null,
  knowledgeGainParticipants: 0,
  satisfactionMean: null,
  satisfactionResponses: 0,
};

const EMPTY_CAPACITY = {
  offeringsHeld: 0,
  peopleTrained: 0,
  courseCompletions: 0,
  countriesReached: 0,
  completionRatePercent: null,
  knowledgeGainMeanPoints: null,
  knowledgeGainParticipants: 0,
  satisfactionMean: null,
  satisfactionResponses: 0,
};

/** The figures of a period renamed as the previous period's. */
const asPrevious = (figures: Record<string, number | null>) =>
  Object.fromEntries(
    Object.entries(figures).map(([name, value]) => {
      const [metric = '', ...key] = name.split('.');
      return [[previousPeriodMetric(metric), ...key].join('.'), value];
    }),
  );

describe('staff training section (figures worked by hand)', () => {
  it('2026-Q1 against 2025-Q4: offerings held by kind, staff trained once each, by sex, rate, gain, satisfaction', () => {
    expect(staff('2026-Q1')).toEqual(STAFF_TRAINING_FIGURES_2026_Q1);
  });

  it("2026-Q2 has no activity; its previous period is 2026-Q1's figures", () => {
    const current = Object.fromEntries(
      Object.entries(STAFF_TRAINING_FIGURES_2026_Q1).filter(
        ([name]) => !name.startsWith('previousPeriod'),
      ),
    );
    expect(staff('2026-Q2')).toEqual({ ...EMPTY_STAFF, ...asPrevious(current) });
  });

  it('a period with no activity, after one with none: zeros, nothing to measure, no breakdowns', () => {
    expect(staff('2027-Q3')).toEqual({ ...EMPTY_STAFF, ...asPrevious(EMPTY_STAFF) });
  });

  it('a year counts a person trained in two quarters once; 2025 is its previous year', () => {
    const year = staff('2026');
    expect(year).toMatchObject({
      staffTrained: 2,
      courseCompletions: 3,
      previousPeriodStaffTrained: 1,
      previousPeriodOfferingsHeld: 1,
    });
    expect(
      staffTrainingFigures(parseReportPeriod('2025-2026'), data()).find(
        (f) => f.metric === 'staffTrained',
      ),
    ).toMatchObject({ value: 2 }); // p5 and p6 (p6 in both years) once each
  });

  it('as the events stood on 2026-03-20: o3 not held yet, its results not recorded', () => {
    expect(staff('2026-Q1', '2026-03-20T00:00:00.000Z')).toMatchObject({
      offeringsHeld: 1,
      staffTrained: 2,
      courseCompletions: 2,
      completionRatePercent: 100,
      knowledgeGainMeanPoints: 20,
      knowledgeGainParticipants: 1,
    });
  });

  it('says plainly that staff training has no targets, and names the previous period', () => {
    const section = staffTrainingReportSection(parseReportPeriod('2026-Q1'), data());
    expect(section).toMatchObject({ function: 'training', context: 'training' });
    expect(section.notes).toContainEqual(
      expect.stringMatching(
        /^Results against targets: targets are set on capacity-building programmes/,
      ),
    );
    expect(section.notes).toContainEqual(
      expect.stringContaining('Previous period: 2025-Q4 (from 2025-10-01 to before 2026-01-01)'),
    );
  });
});

describe('capacity building section (figures worked by hand)', () => {
  it('2026-Q1 against 2025-Q4: people trained by constituent group, sex and region, countries, rate, gain', () => {
    expect(capacity('2026-Q1')).toEqual(CAPACITY_BUILDING_FIGURES_2026_Q1);
  });

  it('a period with no activity is empty', () => {
    expect(capacity('2027-Q3')).toEqual({ ...EMPTY_CAPACITY, ...asPrevious(EMPTY_CAPACITY) });
  });

  it('counts neither staff nor withdrawn, declined or cancelled enrolments', () => {
    const figures = capacityBuildingFigures(parseReportPeriod('2026-Q1'), data());
    const byName = figuresByName(figures);
    // p4 withdrew from o1 and p10's offering o5 was cancelled: neither is a result; staff p5, p6, p7 are not constituents.
    expect(byName['peopleTrained']).toBe(3);
    expect(byName['completionRatePercent']).toBe(75);
  });

  it('a constituent without a group is not counted; a person in two groups counts once in each', () => {
    const base = data();
    const p1 = base.participations.find((p) => p.enrolmentId === 'e1') as ParticipationFacts;
    const extra: ParticipationFacts[] = [
      { ...p1, enrolmentId: 'x1', offeringId: 'o3', constituentGroup: 'partner-institution' },
      { ...p1, enrolmentId: 'x2', personId: 'nobody', constituentGroup: null },
    ];
    const byName = figuresByName(
      capacityBuildingFigures(parseReportPeriod('2026-Q1'), {
        ...base,
        participations: [...base.participations, ...extra],
      }),
    );
    expect(byName).toMatchObject({
      peopleTrained: 3,
      courseCompletions: 4,
      'peopleTrainedByConstituentGroup.Partner institution': 2,
      'peopleTrainedByConstituentGroup.Government': 1,
      'peopleTrainedBySex.Female': 1,
    });
  });

  it('shows labels, never codes, in its breakdowns', () => {
    const labels = new Set([
      ...Object.values(COURSE_KIND_LABELS),
      ...Object.values(CONSTITUENT_GROUP_LABELS),
      ...Object.values(SEX_LABELS),
      ...Object.values(REGION_LABELS),
    ]);
    for (const section of [
      capacityBuildingReportSection(parseReportPeriod('2026-Q1'), data()),
      staffTrainingReportSection(parseReportPeriod('2026-Q1'), data()),
    ]) {
      const keys = section.figures.flatMap((f) => (f.key === null ? [] : [f.key]));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(labels.has(key)).toBe(true);
      expect(section.notes).toContainEqual(expect.stringMatching(/^Results against targets/));
    }
  });
});

describe('labels of the training figures', () => {
  it('every figure either section computes has a label, and every breakdown a heading', () => {
    const figures = [
      ...staffTrainingReportSection(parseReportPeriod('2026-Q1'), data()).figures,
      ...capacityBuildingReportSection(parseReportPeriod('2026-Q1'), data()).figures,
    ];
    for (const { metric } of figures) {
      expect({ metric, label: TRAINING_METRIC_LABELS[metric] }).toEqual({
        metric,
        label: expect.any(String),
      });
      const by = /By(\w+)$/.exec(metric)?.[1];
      if (by) expect(TRAINING_BREAKDOWN_KEYS[by]).toEqual(expect.any(String));
    }
    expect(TRAINING_METRIC_LABELS['previousPeriodStaffTrainedBySex']).toBe(
      'Staff trained by sex, previous period',
    );
  });
});
