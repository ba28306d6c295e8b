import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OfferingSelectionDto } from '../offering/projections/offering-calendar.query.dto';
import { ReadSideHarness } from '../offering/projections/testing/read-side.harness';
import { response, schemaErrors } from '@sfp/testing';
import {
  AMINA,
  COURSE_A,
  COURSE_B,
  FATOU,
  ENROLMENT,
  wholeStory,
} from '../offering/projections/testing/training-story';
import { PARTICIPATIONS_PROJECTION, participationsProjection } from './participations.projection';
import { TrainingStatisticsController } from './training-statistics.http.controller';
import type { TrainingStatisticsAnswer } from '@sfp/contracts';
import { StatisticsCsvSchema, TrainingStatisticsSchema } from './training-statistics.schema';

describe('training statistics over the read side', () => {
  const harness = new ReadSideHarness();
  const statistics = async (query: Partial<OfferingSelectionDto> = {}) => {
    const answer = await new TrainingStatisticsController(harness.engine).statistics(
      query as OfferingSelectionDto,
      response(),
    );
    expect(schemaErrors(TrainingStatisticsSchema, answer)).toEqual([]);
    return answer as TrainingStatisticsAnswer;
  };
  const figures = ({ position: _position, ...rest }: TrainingStatisticsAnswer) => rest;

  beforeAll(async () => {
    for (const [stream, events] of wholeStory) await harness.append(stream, events);
    await harness.settle();
  });
  afterAll(() => harness.close());

  it('keeps no name or e-mail in the enrolments it counts', async () => {
    const doc = await harness.engine.readModel(PARTICIPATIONS_PROJECTION).get(ENROLMENT.amina);
    expect(doc).toMatchObject({
      record: 'enrolment',
      courseKind: 'regional-course',
      region: 'africa',
      year: '2026',
      constituentGroup: 'government',
      sex: 'female',
      status: 'completed',
      preTest: 40,
      postTest: 85,
    });
    expect(JSON.stringify(doc)).not.toMatch(/Amina|example\.org/);
  });

  it('answers the year’s figures, each with its n', async () => {
    const s = await statistics();
    expect(s.position).toBe(await harness.store.headPosition());
    expect(s.participants).toEqual({
      n: 2,
      byConstituentGroup: { government: 1, 'workers-organisation': 1 },
      bySex: { female: 2 },
      byRegion: { africa: 2 },
      byYear: { '2026': 2 },
    });
    expect(s.completion.overall).toEqual({ completed: 1, failed: 1, n: 2, rate: 0.5 });
    expect(s.completion.byCourseKind).toEqual({
      'regional-course': { completed: 1, failed: 1, n: 2, rate: 0.5 },
    });
    expect(s.knowledgeGain.overall).toEqual({
      n: 2,
      meanPreTest: 45,
      meanPostTest: 70,
      meanGain: 25,
    });
    expect(s.satisfaction.evaluations).toBe(2);
    expect(s.satisfaction.items).toMatchObject({
      'objectives-met': { n: 2, mean: 4 },
      'overall-satisfaction': { n: 2, mean: 3.5 },
      'materials-useful': { n: 1, mean: 2 },
      'trainers-effective': { n: 0, mean: null },
    });
    expect(s.waitlists).toEqual({
      offerings: 2,
      waitingNow: 0,
      offeringsWithWaitlist: 1,
      meanPeak: 1,
      maxPeak: 2,
    });
  });

  it('selects offerings by region, kind and dates', async () => {
    const asia = await statistics({ region: ['asia-pacific'] });
    expect(asia.participants.n).toBe(0);
    expect(asia.completion.overall.rate).toBeNull();
    expect(asia.waitlists.offerings).toBe(1);
    expect((await statistics({ to: '2025-12-31' })).waitlists.offerings).toBe(1);
    expect((await statistics({ courseKind: ['e-learning'] })).waitlists.offerings).toBe(0);
    expect((await statistics({ courseId: COURSE_A })).participants.n).toBe(2);
    expect((await statistics({ courseId: COURSE_B })).waitlists.offerings).toBe(0);
    expect((await statistics({ from: '2026-03-01', country: 'SN' })).participants.n).toBe(2);
  });

  it('exports the figures as CSV, one line per figure', async () => {
    const res = response();
    const csv = String(
      await new TrainingStatisticsController(harness.engine).statistics(
        { format: 'csv' } as OfferingSelectionDto,
        res,
      ),
    );
    expect(schemaErrors(StatisticsCsvSchema, csv)).toEqual([]);
    const lines = csv.trim().split('\r\n');
    expect(StatisticsCsvSchema.description).toContain(`header line ${lines[0]},`);
    expect(lines).toContain('completionRate,courseKind,regional-course,2,0.5');
    expect(lines).toContain('knowledgeGain,all,all,2,25');
    expect(lines).toContain('satisfaction,item,trainers-effective,0,');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="training-statistics.csv"',
    );
  });

  it('keeps every count and rate after the participants’ data is erased, and after a rebuild', async () => {
    const before = figures(await statistics());
    await harness.keys.erase(AMINA.personId);
    await harness.keys.erase(FATOU.personId);
    expect(figures(await statistics())).toEqual(before);

    const rebuilt = await harness.engine.rebuild(PARTICIPATIONS_PROJECTION, {
      ...participationsProjection,
      version: participationsProjection.version + 1,
    });
    await rebuilt.done;
    expect(figures(await statistics())).toEqual(before);
  });

  it('refuses a selection not in the lists', () => {
    const refused = validateSync(
      plainToInstance(OfferingSelectionDto, { courseKind: 'seminar', from: '2026-02-29' }),
      { whitelist: true, forbidNonWhitelisted: true },
    )
      .map((e) => e.property)
      .sort();
    expect(refused).toEqual(['courseKind', 'from']);
  });
});
