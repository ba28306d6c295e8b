import { figuresByName, foldFacts } from '../../test/support/report-figures';
import type { Condition } from '../query/domain/analyst-query';
import type { Row } from '../registry/reporting-view';
import { parseReportPeriod } from '../report/domain/report-period';
import {
  evolveCourseFacts,
  evolveOfferingFacts,
  evolveParticipationFacts,
} from './domain/training.facts';
import { evolveProgrammeFacts } from './domain/programme.facts';
import {
  PROGRAMME_TARGET_FIGURES_2026_Q1,
  scriptedProgrammeHistory,
  STAFF_TRAINING_FIGURES_2026_Q1,
  CAPACITY_BUILDING_FIGURES_2026_Q1,
} from './training-history.fixture';
import {
  TRAINING_COURSES_VIEW,
  TRAINING_OFFERINGS_VIEW,
  TRAINING_PARTICIPATIONS_VIEW,
  TRAINING_PROGRAMMES_VIEW,
  trainingReporting,
} from './training.reporting-plugin';

describe('the training reporting plugin', () => {
  const events = scriptedProgrammeHistory().events;
  const rows: Record<string, Row[]> = {
    [TRAINING_COURSES_VIEW]: foldFacts(events, evolveCourseFacts, 'courseId') as unknown as Row[],
    [TRAINING_OFFERINGS_VIEW]: foldFacts(
      events,
      evolveOfferingFacts,
      'offeringId',
    ) as unknown as Row[],
    [TRAINING_PARTICIPATIONS_VIEW]: foldFacts(
      events,
      evolveParticipationFacts,
      'enrolmentId',
    ) as unknown as Row[],
    [TRAINING_PROGRAMMES_VIEW]: foldFacts(
      events,
      evolveProgrammeFacts,
      'programmeId',
    ) as unknown as Row[],
  };

  it('computes both sections from its views, reading each view once per report, before the end of the period', async () => {
    const reads: Array<[string, readonly Condition[]]> = [];
    const documents = async (view: string, conditions: readonly Condition[]) => {
      reads.push([view, conditions]);
      return rows[view] ?? [];
    };
    const period = parseReportPeriod('2026-Q1');
    const [staff, capacity] = await Promise.all(
      trainingReporting.sections.map((s) => s.compute(period, documents)),
    );
    expect(staff?.function).toBe('training');
    expect(figuresByName(staff?.figures ?? [])).toEqual(STAFF_TRAINING_FIGURES_2026_Q1);
    expect(capacity?.function).toBe('capacity-building');
    expect(figuresByName(capacity?.figures ?? [])).toEqual({
      ...CAPACITY_BUILDING_FIGURES_2026_Q1,
      ...PROGRAMME_TARGET_FIGURES_2026_Q1,
    });
    expect(reads).toEqual([
      [TRAINING_COURSES_VIEW, [{ field: 'createdAt', op: 'lt', value: period.to }]],
      [TRAINING_OFFERINGS_VIEW, [{ field: 'plannedAt', op: 'lt', value: period.to }]],
      [TRAINING_PARTICIPATIONS_VIEW, [{ field: 'requestedAt', op: 'lt', value: period.to }]],
      [TRAINING_PROGRAMMES_VIEW, [{ field: 'launchedAt', op: 'lt', value: period.to }]],
    ]);
  });

  it('declares only fields its documents have, and no personal data', () => {
    for (const view of trainingReporting.views) {
      const names = Object.keys(view.fields);
      expect(names).not.toEqual(expect.arrayContaining(['personId']));
      for (const doc of rows[view.name] ?? [])
        for (const name of names)
          expect({ view: view.name, name, has: name in doc }).toEqual({
            view: view.name,
            name,
            has: true,
          });
    }
  });
});
