import type { Request } from 'express';
import type { Principal } from '@sfp/auth';
import { ReadSideHarness } from './testing/read-side.harness';
import { response, schemaErrors } from '@sfp/testing';
import {
  AMINA,
  BANGKOK,
  CLAIRE,
  courseSteps,
  DAKAR,
  dakarEnrolmentSteps,
  dakarRunSteps,
  ENROLMENT,
  FATOU,
  KOFI,
  VERIFICATION_CODE,
  bangkokSteps,
} from './testing/training-story';
import type { Participant } from '@sfp/contracts';
import { offeringStreamId } from '../../training.context';
import { ParticipantEnrolled, ParticipantWaitlisted } from '../domain/offering.events';
import { OfferingsQueryController } from './offerings.http.controller';
import {
  OfferingDetailSchema,
  ROSTER_CSV_COLUMNS,
  RosterCsvSchema,
  RosterSchema,
} from './offering.schemas';
import type { OfferingDetail } from '@sfp/contracts';

const OPERATOR: Principal = { kind: 'person', id: 'op-1', name: 'op', roles: ['operator'] };
const requestOf = (principal: Principal) => ({ principal }) as unknown as Request;

describe('the roster of an offering, read from its stream', () => {
  const harness = new ReadSideHarness();
  const controller = () => new OfferingsQueryController(harness.engine, harness.store);
  const detail = async (id = DAKAR): Promise<OfferingDetail> => {
    const res = response();
    const answer = await controller().detail({ id }, requestOf(OPERATOR), res);
    expect(schemaErrors(OfferingDetailSchema, answer)).toEqual([]);
    expect(res.headers['etag']).toBe(`"${answer.streamVersion}"`);
    return answer;
  };
  const play = async (steps: typeof courseSteps) => {
    for (const [stream, events] of steps) await harness.append(stream, events);
  };
  const enrolment = (d: OfferingDetail, id: string) =>
    d.enrolments.find((e) => e.enrolmentId === id);

  beforeAll(() => play([...courseSteps, ...bangkokSteps, ...dakarEnrolmentSteps]));
  afterAll(() => harness.close());

  it('keeps the waitlist in arrival order, through a promotion and an approval onto it', async () => {
    const d = await detail();
    expect(d).toMatchObject({ status: 'full', capacity: 2, seatsTaken: 2, waitlistLength: 2 });
    expect(d.waitlist).toEqual([ENROLMENT.kofi, ENROLMENT.claire]);
    expect(d.enrolments.map((e) => [e.participant.name, e.status, e.waitlistPosition])).toEqual([
      ['Amina Diallo', 'enrolled', undefined],
      ['Ousmane Ba', 'withdrawn', undefined],
      ['Fatou Ndiaye', 'enrolled', undefined],
      ['Kofi Mensah', 'waitlisted', 1],
      ['Claire Martin', 'waitlisted', 2],
    ]);
    expect(enrolment(d, ENROLMENT.claire)).toMatchObject({
      supervisor: 'user-supervisor-1',
      participant: { ...CLAIRE },
      personalDataErased: false,
    });
    expect(enrolment(d, ENROLMENT.ousmane)?.ended).toEqual({
      reason: 'Called to a ministerial meeting',
      at: '2026-02-02T09:00:00.000Z',
    });
  });

  it('shows attendance per day, the scores as last recorded, results and the certificate', async () => {
    await play(dakarRunSteps);
    const d = await detail();
    expect(d).toMatchObject({
      status: 'completed',
      sessionDays: ['2026-03-09', '2026-03-10'],
      completion: { completed: 1, failed: 1 },
      evaluationsSubmitted: 2,
    });
    expect(enrolment(d, ENROLMENT.amina)).toMatchObject({
      status: 'completed',
      attendance: [
        { day: '2026-03-09', present: true },
        { day: '2026-03-10', present: true },
      ],
      preTest: 40,
      postTest: 85,
      result: { outcome: 'completed', attendancePercent: 100 },
      certificate: { verificationCode: VERIFICATION_CODE, status: 'valid' },
    });
    expect(enrolment(d, ENROLMENT.fatou)).toMatchObject({
      status: 'failed',
      attendance: [
        { day: '2026-03-09', present: true },
        { day: '2026-03-10', present: false },
      ],
      preTest: 50,
      postTest: 55,
      result: { outcome: 'failed', attendancePercent: 50, shortfalls: ['attendance', 'post-test'] },
    });
    expect(enrolment(d, ENROLMENT.fatou)?.certificate).toBeUndefined();
    expect(enrolment(d, ENROLMENT.kofi)?.attendance).toEqual([]);
  });

  it('answers the roster alone, and as CSV', async () => {
    const roster = await controller().roster({ id: DAKAR }, {}, requestOf(OPERATOR), response());
    expect(schemaErrors(RosterSchema, roster)).toEqual([]);
    const res = response();
    const csv = String(
      await controller().roster({ id: DAKAR }, { format: 'csv' }, requestOf(OPERATOR), res),
    );
    expect(schemaErrors(RosterCsvSchema, csv)).toEqual([]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(ROSTER_CSV_COLUMNS.map((c) => c.header).join(','));
    expect(lines[1]).toBe(
      `${ENROLMENT.amina},completed,,Amina Diallo,amina.diallo@example.org,"Ministry of Labour, Senegal",government,SN,female,false,2026-03-09; 2026-03-10,,40,85,completed,100,${VERIFICATION_CODE},valid`,
    );
    expect(lines[4]).toContain(`${ENROLMENT.kofi},waitlisted,1,Kofi Mensah`);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="training-roster-${DAKAR}.csv"`,
    );
  });

  it('cancels the active enrolments with their offering, and empties the waitlist', async () => {
    const d = await detail(BANGKOK);
    expect(d).toMatchObject({
      status: 'cancelled',
      seatsTaken: 0,
      waitlist: [],
      cancellation: { reason: 'Too few participants' },
    });
    expect(d.enrolments.map((e) => e.status)).toEqual(['cancelled']);
  });

  it('shows a department’s system only the enrolments its department made; the counts stay whole', async () => {
    const offeringId = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';
    const stream = offeringStreamId(offeringId);
    const [planning] = dakarEnrolmentSteps;
    const plannedHere = (planning?.[1] ?? []).map((e) => ({
      type: e.type,
      data: { ...(e.data as object), offeringId },
    }));
    await harness.append(stream, plannedHere);
    const by = (department: string | undefined, event: { type: string; data: unknown }) =>
      harness.append(
        stream,
        [event],
        '2026-02-10T09:00:00.000Z',
        department
          ? { kind: 'integration-client', id: `client-${department}`, department }
          : undefined,
      );
    const ids = [1, 2, 3].map((n) => `d000000${n}-0000-4000-8000-00000000000${n}`);
    const enrolled = (enrolmentId: string, participant: Participant) =>
      ParticipantEnrolled.of({
        offeringId,
        enrolmentId,
        participant,
        enrolledBy: 'a learning system',
        enrolledAt: '2026-02-10T09:00:00.000Z',
      });
    await by('regional-office-africa', enrolled(ids[0] ?? '', KOFI));
    await by(undefined, enrolled(ids[1] ?? '', FATOU));
    await by(
      'hr-learning',
      ParticipantWaitlisted.of({
        offeringId,
        enrolmentId: ids[2] ?? '',
        participant: CLAIRE,
        waitlistPosition: 1,
        waitlistedBy: 'client-hr-learning',
        waitlistedAt: '2026-02-11T09:00:00.000Z',
      }),
    );
    const client: Principal = {
      kind: 'integration-client',
      id: 'client-hr',
      name: 'learning system',
      roles: ['integration'],
      department: 'hr-learning',
    };
    const seen = await controller().detail({ id: offeringId }, requestOf(client), response());
    expect(seen.enrolments.map((e) => [e.participant.name, e.waitlistPosition])).toEqual([
      ['Claire Martin', 1],
    ]);
    expect(seen).toMatchObject({ seatsTaken: 2, waitlistLength: 1, waitlist: [ids[2]] });
    const all = await detail(offeringId);
    expect(all.enrolments).toHaveLength(3);
  });

  it('shows an erased participant as erased, and everything else as it was', async () => {
    const before = await detail();
    expect(await harness.keys.erase(AMINA.personId)).toBe(true);
    const after = await detail();
    expect(enrolment(after, ENROLMENT.amina)).toEqual({
      ...enrolment(before, ENROLMENT.amina),
      participant: { ...AMINA, name: '[erased]', email: '[erased]' },
      personalDataErased: true,
    });
    expect(after.enrolments.filter((e) => e.personalDataErased)).toHaveLength(1);
    expect(enrolment(after, ENROLMENT.fatou)?.participant).toEqual(FATOU);
    expect(enrolment(after, ENROLMENT.kofi)?.participant).toEqual(KOFI);
  });

  it('answers 404 for an offering never planned', async () => {
    await expect(
      controller().detail(
        { id: '11111111-2222-4333-8444-555555555555' },
        requestOf(OPERATOR),
        response(),
      ),
    ).rejects.toMatchObject({ response: { code: 'OFFERING_NOT_FOUND' } });
  });
});
