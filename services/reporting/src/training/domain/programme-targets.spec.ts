import { figuresByName, foldFacts } from '../../../test/support/report-figures';
import { parseReportPeriod } from '../../report/domain/report-period';
import {
  PROGRAMME_TARGET_FIGURES_2026_Q1,
  scriptedProgrammeHistory,
  scriptedTrainingHistory,
  type TrainingHistory,
} from '../training-history.fixture';
import {
  evaluateProgrammeTarget,
  programmeTargetResults,
  type ProgrammeTargetResult,
} from './programme-targets';
import {
  evolveProgrammeFacts,
  type ProgrammeFacts,
  type ProgrammeTargetFacts,
} from './programme.facts';
import {
  evolveCourseFacts,
  evolveOfferingFacts,
  evolveParticipationFacts,
  type ParticipationFacts,
} from './training.facts';
import { capacityBuildingReportSection, type TrainingReportData } from './training.report-sections';

function data(events: TrainingHistory['events']): TrainingReportData {
  return {
    courses: foldFacts(events, evolveCourseFacts, 'courseId'),
    offerings: foldFacts(events, evolveOfferingFacts, 'offeringId'),
    participations: foldFacts(events, evolveParticipationFacts, 'enrolmentId'),
    programmes: foldFacts(events, evolveProgrammeFacts, 'programmeId'),
  };
}

const targetFigures = (section: { figures: Parameters<typeof figuresByName>[0] }) =>
  Object.fromEntries(
    Object.entries(figuresByName(section.figures)).filter(
      ([metric]) => metric.startsWith('programmeTargets') || metric.startsWith('resultsAgainst'),
    ),
  );

/** A programme of 2026 (365 days) for the rule's table. */
const programme: ProgrammeFacts = {
  programmeId: 'pg-table',
  title: 'Programme for Senegal',
  scopeKind: 'country',
  region: null,
  country: 'SN',
  organisation: null,
  constituentGroup: null,
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  status: 'active',
  offeringIds: ['o-a', 'o-b'],
  targets: [],
  targetCount: 0,
  launchedAt: '2025-12-01T09:00:00.000Z',
  targetsSetAt: '2025-12-01T09:00:00.000Z',
  closedAt: null,
};

let enrolment = 0;
function row(p: Partial<ParticipationFacts>): ParticipationFacts {
  enrolment += 1;
  return {
    enrolmentId: `e-${enrolment}`,
    offeringId: 'o-a',
    personId: `p-${enrolment}`,
    sex: 'female',
    staff: false,
    constituentGroup: 'government',
    country: 'SN',
    status: 'completed',
    result: 'completed',
    attendancePercent: 100,
    preTest: null,
    postTest: null,
    knowledgeGain: null,
    certified: false,
    requestedAt: '2026-01-05T09:00:00.000Z',
    enrolledAt: '2026-01-05T09:00:00.000Z',
    resultAt: '2026-02-01T17:00:00.000Z',
    withdrawnAt: null,
    lastEventAt: '2026-02-01T17:00:00.000Z',
    ...p,
  };
}
const completed = (n: number, p: Partial<ParticipationFacts> = {}) =>
  Array.from({ length: n }, () => row(p));
const failed = (n: number) => completed(n, { status: 'failed', result: 'failed' });

const target = (t: Partial<ProgrammeTargetFacts>): ProgrammeTargetFacts => ({
  indicator: 'people-trained',
  value: 100,
  sex: null,
  constituentGroup: null,
  dueOn: '2026-12-31',
  ...t,
});

/** The middle of the programme, 2026-07-02: 182 of 365 days elapsed. */
const MID_YEAR = '2026-07-02T00:00:00.000Z';
const evaluate = (t: Partial<ProgrammeTargetFacts>, rows: ParticipationFacts[], asOf = MID_YEAR) =>
  evaluateProgrammeTarget(programme, target(t), rows, asOf);

describe('programme targets against results', () => {
  it('sets the scripted programme against its targets at the end of 2026-Q1, figures by hand', () => {
    const section = capacityBuildingReportSection(
      parseReportPeriod('2026-Q1'),
      data(scriptedProgrammeHistory().events),
    );
    expect(targetFigures(section)).toEqual(PROGRAMME_TARGET_FIGURES_2026_Q1);
    expect(section.notes).toContainEqual(
      expect.stringMatching(
        /^Results against targets: each target of a capacity-building programme/,
      ),
    );
    expect(section.notes).toContainEqual(
      'Social finance in West Africa — Constituents trained (people), Female: 1 against a target of 5 (due 2026-12-31, 1.2 expected by the end of the period): At risk.',
    );
    expect(section.notes).toContainEqual(
      'Social finance in West Africa — Knowledge gain, mean (post-test minus pre-test, points): 15 against a target of 15 (due 2026-03-31, met): On track.',
    );
    expect(section.notes.join(' ')).not.toMatch(/no training programme has targets/);
  });

  it('has no data before the programme starts (2025-Q4), and says plainly when no programme has targets', () => {
    const q4 = capacityBuildingReportSection(
      parseReportPeriod('2025-Q4'),
      data(scriptedProgrammeHistory().events),
    );
    expect(targetFigures(q4)).toMatchObject({
      programmeTargets: 5,
      'programmeTargetsByStatus.No data': 5,
    });
    const none = capacityBuildingReportSection(
      parseReportPeriod('2026-Q1'),
      data(scriptedTrainingHistory().events),
    );
    expect(targetFigures(none)).toEqual({});
    expect(none.notes).toContainEqual(
      expect.stringMatching(/^Results against targets: no training programme has targets/),
    );
  });

  describe('the rule (people trained pro rata: 100 by 2026-12-31, 49.9 expected on 2026-07-02)', () => {
    const cases: Array<
      [string, Partial<ProgrammeTargetFacts>, ParticipationFacts[], string, string]
    > = [
      ['at or above what is expected: on track', {}, completed(50), MID_YEAR, 'on-track'],
      ['from 80 % of it: at risk', {}, completed(40), MID_YEAR, 'at-risk'],
      ['below 80 % of it: off track', {}, completed(39), MID_YEAR, 'off-track'],
      ['due and met: on track', { dueOn: '2026-06-30' }, completed(100), MID_YEAR, 'on-track'],
      [
        'due and missed, even closely: off track',
        { dueOn: '2026-06-30' },
        completed(99),
        MID_YEAR,
        'off-track',
      ],
      [
        'due, with results after the due date not counting: off track',
        { dueOn: '2026-06-30' },
        [...completed(99), ...completed(5, { resultAt: '2026-07-01T10:00:00.000Z' })],
        '2026-09-30T00:00:00.000Z',
        'off-track',
      ],
      ['before the programme starts: no data', {}, [], '2025-12-15T00:00:00.000Z', 'no-data'],
      [
        'a rate at or above its target: on track',
        { indicator: 'completion-rate', value: 80 },
        [...completed(4), ...failed(1)],
        MID_YEAR,
        'on-track',
      ],
      [
        'a rate from 80 % of its target: at risk',
        { indicator: 'completion-rate', value: 80 },
        [...completed(2), ...failed(1)],
        MID_YEAR,
        'at-risk',
      ],
      [
        'a rate below: off track',
        { indicator: 'completion-rate', value: 80 },
        [...completed(1), ...failed(1)],
        MID_YEAR,
        'off-track',
      ],
      [
        'a rate with no result: no data',
        { indicator: 'completion-rate', value: 80 },
        [],
        MID_YEAR,
        'no-data',
      ],
      [
        'a knowledge gain with no test: no data',
        { indicator: 'knowledge-gain', value: 10 },
        completed(3),
        MID_YEAR,
        'no-data',
      ],
      [
        'a knowledge gain met',
        { indicator: 'knowledge-gain', value: 10 },
        [
          row({ preTest: 40, postTest: 55, knowledgeGain: 15 }),
          row({ preTest: 50, postTest: 55, knowledgeGain: 5 }),
        ],
        MID_YEAR,
        'on-track',
      ],
    ];
    it.each(cases)('%s', (_what, t, rows, asOf, status) => {
      expect(evaluate(t, rows, asOf).status).toBe(status);
    });

    it('says what is expected and reached', () => {
      expect(evaluate({}, completed(40))).toMatchObject<Partial<ProgrammeTargetResult>>({
        label: 'Constituents trained (people)',
        target: 100,
        actual: 40,
        expected: 49.9,
        due: false,
      });
    });
  });

  it('counts people once, of the target’s sex and group, constituents of its offerings only, results before the end of the period', () => {
    const rows = [
      row({ personId: 'same', offeringId: 'o-a' }),
      row({ personId: 'same', offeringId: 'o-b' }),
      row({ sex: 'male' }),
      row({ constituentGroup: 'workers-organisation' }),
      row({ staff: true, constituentGroup: null }),
      row({ offeringId: 'elsewhere' }),
      row({ resultAt: '2026-07-15T09:00:00.000Z' }),
      row({ status: 'withdrawn', result: null, resultAt: null }),
    ];
    const pg = {
      ...programme,
      targets: [
        target({}),
        target({ sex: 'female' }),
        target({ constituentGroup: 'workers-organisation' }),
        target({ sex: 'female', constituentGroup: 'government' }),
      ],
    };
    const period = {
      label: '2026-Q2',
      kind: 'quarter' as const,
      from: '2026-04-01T00:00:00.000Z',
      to: MID_YEAR,
    };
    expect(programmeTargetResults(period, [pg], rows).map((r) => [r.label, r.actual])).toEqual([
      ['Constituents trained (people)', 3],
      ['Constituents trained (people), Female', 2],
      ["Constituents trained (people), Workers' organisation", 1],
      ['Constituents trained (people), Female, Government', 1],
    ]);
  });
});
