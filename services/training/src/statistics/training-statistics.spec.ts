import { trainingStatistics, statisticsRows, type OfferingFigures } from './training-statistics';
import type { Participation } from './participation';

const offering = {
  offeringId: 'o-1',
  courseId: 'c-1',
  courseKind: 'workshop' as const,
  region: 'americas' as const,
  country: 'PE',
  language: 'es' as const,
  startsOn: '2025-06-02',
  endsOn: '2025-06-04',
  year: '2025',
};

let next = 0;
const participation = (change: Partial<Participation>): Participation => ({
  ...offering,
  enrolmentId: `e-${++next}`,
  status: 'enrolled',
  sex: 'female',
  staff: false,
  constituentGroup: 'employers-organisation',
  participantCountry: 'PE',
  ...change,
});

const figures = (change: Partial<OfferingFigures>): OfferingFigures => ({
  status: 'completed',
  waitlistLength: 0,
  peakWaitlistLength: 0,
  evaluation: { submitted: 0, items: {} },
  ...change,
});

describe('training statistics', () => {
  const enrolments: Participation[] = [
    participation({ status: 'completed', preTest: 30, postTest: 70 }),
    participation({ status: 'completed', preTest: 50, postTest: 60, sex: 'male' }),
    participation({
      status: 'failed',
      preTest: 55,
      postTest: 50,
      staff: true,
      constituentGroup: undefined,
    }),
    participation({
      status: 'completed',
      courseKind: 'e-learning',
      year: '2026',
      region: 'africa',
      postTest: 90,
    }),
    participation({ status: 'enrolled', constituentGroup: undefined, sex: 'not-stated' }),
    participation({ status: 'waitlisted' }),
    participation({ status: 'withdrawn', preTest: 10, postTest: 20 }),
    participation({ status: 'cancelled' }),
  ];
  const offerings: OfferingFigures[] = [
    figures({
      peakWaitlistLength: 3,
      waitlistLength: 1,
      evaluation: {
        submitted: 3,
        items: { 'objectives-met': { sum: 13, n: 3 }, 'overall-satisfaction': { sum: 9, n: 2 } },
      },
    }),
    figures({ status: 'open', waitlistLength: 2, peakWaitlistLength: 2 }),
    figures({
      status: 'cancelled',
      evaluation: { submitted: 1, items: { 'objectives-met': { sum: 2, n: 1 } } },
    }),
  ];
  const s = trainingStatistics(enrolments, offerings);

  it('counts as participants the enrolments that held a seat, by group, sex, region and year', () => {
    expect(s.participants).toEqual({
      n: 5,
      byConstituentGroup: { 'employers-organisation': 3, none: 1, staff: 1 },
      bySex: { female: 3, male: 1, 'not-stated': 1 },
      byRegion: { africa: 1, americas: 4 },
      byYear: { '2025': 4, '2026': 1 },
    });
  });

  it('rates completion over those with a result, per course kind and per year', () => {
    expect(s.completion.overall).toEqual({ completed: 3, failed: 1, n: 4, rate: 0.75 });
    expect(s.completion.byCourseKind).toEqual({
      'e-learning': { completed: 1, failed: 0, n: 1, rate: 1 },
      workshop: { completed: 2, failed: 1, n: 3, rate: 0.6667 },
    });
    expect(s.completion.byYear['2026']).toEqual({ completed: 1, failed: 0, n: 1, rate: 1 });
  });

  it('measures knowledge gain over those with both scores only', () => {
    // (30→70), (50→60), (55→50), (10→20); the post-test alone does not count.
    expect(s.knowledgeGain.overall).toEqual({
      n: 4,
      meanPreTest: 36.25,
      meanPostTest: 50,
      meanGain: 13.75,
    });
    expect(s.knowledgeGain.byCourseKind['e-learning']).toBeUndefined();
  });

  it('averages satisfaction per item with its n; an item nobody answered has no mean', () => {
    expect(s.satisfaction.evaluations).toBe(4);
    expect(s.satisfaction.items['objectives-met']).toEqual({ n: 4, mean: 3.75 });
    expect(s.satisfaction.items['overall-satisfaction']).toEqual({ n: 2, mean: 4.5 });
    expect(s.satisfaction.items['materials-useful']).toEqual({ n: 0, mean: null });
  });

  it('reports the waitlists: who waits now where enrolment goes on, and the longest ones', () => {
    expect(s.waitlists).toEqual({
      offerings: 3,
      waitingNow: 2,
      offeringsWithWaitlist: 2,
      meanPeak: 1.67,
      maxPeak: 3,
    });
  });

  it('has no rate or mean for nothing', () => {
    const none = trainingStatistics([], []);
    expect(none.completion.overall.rate).toBeNull();
    expect(none.knowledgeGain.overall.meanGain).toBeNull();
    expect(none.waitlists).toEqual({
      offerings: 0,
      waitingNow: 0,
      offeringsWithWaitlist: 0,
      meanPeak: null,
      maxPeak: 0,
    });
  });

  it('lays every figure out as a row with its n', () => {
    const rows = statisticsRows(s);
    expect(rows).toContainEqual({
      measure: 'completionRate',
      breakdown: 'courseKind',
      key: 'workshop',
      n: 3,
      value: 0.6667,
    });
    expect(rows).toContainEqual({
      measure: 'participants',
      breakdown: 'sex',
      key: 'male',
      n: 1,
      value: 1,
    });
    expect(rows).toContainEqual({
      measure: 'satisfaction',
      breakdown: 'item',
      key: 'materials-useful',
      n: 0,
      value: null,
    });
  });
});
