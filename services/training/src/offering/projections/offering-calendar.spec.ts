import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ReadSideHarness } from './testing/read-side.harness';
import { response, schemaErrors } from '@sfp/testing';
import {
  BANGKOK,
  bangkokSteps,
  COURSE_A,
  COURSE_B,
  courseSteps,
  DAKAR,
  dakarEnrolmentSteps,
  dakarRunSteps,
  revisionSteps,
} from './testing/training-story';
import { OFFERING_CALENDAR_PROJECTION } from './offering-calendar.projection';
import { OfferingCalendarQueryDto } from './offering-calendar.query.dto';
import type { OfferingCalendarDocument } from './offering-entry';
import { OfferingsQueryController } from './offerings.http.controller';
import { OfferingCsvSchema, OfferingPageSchema } from './offering.schemas';

describe('the offering calendar', () => {
  const harness = new ReadSideHarness();
  const controller = () => new OfferingsQueryController(harness.engine, harness.store);
  const doc = async (id: string) =>
    harness.engine.readModel<OfferingCalendarDocument>(OFFERING_CALENDAR_PROJECTION).get(id);
  const list = async (query: Partial<OfferingCalendarQueryDto>) => {
    const page = await controller().list(query as OfferingCalendarQueryDto, response());
    if (typeof page === 'string') throw new Error('expected JSON');
    expect(schemaErrors(OfferingPageSchema, page)).toEqual([]);
    return page.items.map((o) => o.offeringId);
  };
  const play = async (steps: typeof courseSteps) => {
    for (const [stream, events] of steps) await harness.append(stream, events);
    await harness.settle();
  };

  beforeAll(() => play([...courseSteps, ...bangkokSteps, ...revisionSteps]));
  afterAll(() => harness.close());

  it('plans an offering with the kind of the course revision it was planned from', async () => {
    await play(dakarEnrolmentSteps.slice(0, 1));
    expect(await doc(DAKAR)).toMatchObject({
      record: 'offering',
      courseCode: 'SFP-MF-101',
      courseRevision: 1,
      courseKind: 'regional-course',
      startsOn: '2026-03-09',
      endsOn: '2026-03-10',
      timeZone: 'Africa/Dakar',
      deliveryMode: 'in-person',
      capacity: 2,
      seatsTaken: 0,
      waitlistLength: 0,
      status: 'open',
    });
  });

  it('counts seats, the waitlist and approvals through enrolments, a withdrawal and a promotion', async () => {
    const steps = dakarEnrolmentSteps.slice(1);
    const seen: Array<[string, number, number, number]> = [];
    for (const [stream, events] of steps) {
      await play([[stream, events]]);
      const d = await doc(DAKAR);
      seen.push([
        d?.status ?? '',
        d?.seatsTaken ?? -1,
        d?.waitlistLength ?? -1,
        d?.awaitingApproval ?? -1,
      ]);
    }
    expect(seen).toEqual([
      ['open', 1, 0, 0], // Amina enrolled
      ['full', 2, 0, 0], // Ousmane enrolled: full
      ['full', 2, 1, 0], // Fatou waits
      ['full', 2, 2, 0], // Kofi waits
      ['full', 2, 2, 1], // Claire (staff) awaits approval
      ['full', 2, 1, 1], // Ousmane withdrew, Fatou promoted
      ['full', 2, 2, 0], // Claire approved onto the waitlist
    ]);
    expect((await doc(DAKAR))?.peakWaitlistLength).toBe(2);
  });

  it('follows the run to completion and sums the evaluations per item, anonymously', async () => {
    await play(dakarRunSteps);
    const dakar = await doc(DAKAR);
    expect(dakar).toMatchObject({ status: 'completed', seatsTaken: 2, waitlistLength: 2 });
    expect(dakar?.evaluation).toEqual({
      submitted: 2,
      items: {
        'objectives-met': { sum: 8, n: 2 },
        'overall-satisfaction': { sum: 7, n: 2 },
        'materials-useful': { sum: 2, n: 1 },
      },
    });
    expect(JSON.stringify(dakar)).not.toContain('Very practical');
    expect(await doc(BANGKOK)).toMatchObject({
      status: 'cancelled',
      seatsTaken: 0,
      peakWaitlistLength: 0,
    });
  });

  it.each([
    [{}, [BANGKOK, DAKAR]],
    [{ sort: '-startsOn' as const }, [DAKAR, BANGKOK]],
    [{ region: ['africa' as const] }, [DAKAR]],
    [{ courseId: COURSE_A }, [BANGKOK, DAKAR]],
    [{ courseId: COURSE_B }, []],
    [{ country: 'TH' }, [BANGKOK]],
    [{ language: ['fr' as const, 'es' as const] }, [DAKAR]],
    [{ courseKind: ['regional-course' as const] }, [BANGKOK, DAKAR]],
    [{ courseKind: ['e-learning' as const] }, []],
    [{ status: ['cancelled' as const] }, [BANGKOK]],
    [{ from: '2026-01-01' }, [DAKAR]],
    [{ to: '2025-12-31' }, [BANGKOK]],
    [{ from: '2026-03-10', to: '2026-03-10' }, [DAKAR]],
    [{ from: '2025-11-22', to: '2026-03-08' }, []],
  ])('lists offerings selected by %j, by date', async (query, expected) => {
    expect(await list(query)).toEqual(expected);
  });

  it('exports the calendar as CSV', async () => {
    const res = response();
    const csv = String(await controller().list({ format: 'csv' } as OfferingCalendarQueryDto, res));
    expect(schemaErrors(OfferingCsvSchema, csv)).toEqual([]);
    const lines = csv.trim().split('\r\n');
    expect(OfferingCsvSchema.description).toContain(`header line ${lines[0]},`);
    expect(lines[2]).toBe(
      `${DAKAR},SFP-MF-101,Microfinance for decent work,1,regional-course,2026-03-09,2026-03-10,Africa/Dakar,in-person,"ILO Office, Dakar",africa,SN,fr,2,2,2,completed`,
    );
  });

  it('refuses dates that do not exist and values not in the lists', () => {
    const refused = (query: Record<string, unknown>) =>
      validateSync(plainToInstance(OfferingCalendarQueryDto, query), {
        whitelist: true,
        forbidNonWhitelisted: true,
      })
        .map((e) => e.property)
        .sort();
    expect(
      refused({
        from: '2026-02-30',
        to: '2026-13-01',
        region: 'europe',
        country: 'sn',
        cursor: '%',
        courseId: 'SFP-MF-101',
      }),
    ).toEqual(['country', 'courseId', 'cursor', 'from', 'region', 'to']);
    expect(refused({ from: '2028-02-29', courseKind: 'brief,workshop', minPosition: '3' })).toEqual(
      [],
    );
  });
});
