import { randomBytes } from 'node:crypto';
import { httpClient } from '@sfp/testing';
import { startEmbeddedTraining, type EmbeddedTraining } from './support/embedded-training';
import { courseBody, enrolmentBody, offeringBody } from './support/training-requests';

type Json = Record<string, any>;

/**
 * Training over HTTP as the embedded platform runs it (SQLite event store and
 * read models, embedded bus): an operator writes and publishes a course, plans
 * and opens an offering, enrols participants up to its capacity and onto the
 * waitlist, runs it and completes it with certificates.
 */
describe('training, embedded (e2e over HTTP)', () => {
  let training: EmbeddedTraining;
  let http: ReturnType<typeof httpClient>;
  const run = randomBytes(4).toString('hex');

  beforeAll(async () => {
    training = await startEmbeddedTraining();
    http = httpClient(training.url);
  });
  afterAll(async () => training?.close());

  const publishedCourse = async (overrides: Json = {}): Promise<string> => {
    const created = await http.post<Json>('/courses', courseBody(overrides));
    expect(created.status).toBe(201);
    const id = created.body['courseId'] as string;
    const published = await http.post<Json>(`/courses/${id}/publish`, {}, { 'if-match': '"1"' });
    expect(published.status).toBe(200);
    return id;
  };
  const openOffering = async (courseId: string, plan: Json = {}): Promise<string> => {
    const planned = await http.post<Json>('/offerings', offeringBody(courseId, plan));
    expect(planned.status).toBe(201);
    const id = planned.body['offeringId'] as string;
    expect((await http.post(`/offerings/${id}/open`, {})).status).toBe(200);
    return id;
  };
  const enrol = (offeringId: string, who: string) =>
    http.post<Json>(`/offerings/${offeringId}/enrolments`, enrolmentBody(who, run));
  const eventsOf = async (offeringId: string) =>
    (await training.events.readStream(`offering-${offeringId}`)).map((e) => ({
      type: e.type,
      data: e.data as Json,
    }));

  it('runs an offering from the course to the certificates, with a waitlist on the way', async () => {
    // The course: created as a draft, published; its answer carries id, version and position.
    const created = await http.post<Json>('/courses', courseBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      courseId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamVersion: 1,
      position: expect.any(Number),
      changed: true,
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const courseId = created.body['courseId'] as string;
    expect(created.headers.get('location')).toBe(`/api/training/courses/${courseId}`);
    const revised = await http.post<Json>(
      `/courses/${courseId}/revisions`,
      { ...courseBody({ durationHours: 21 }), reason: 'Field visit shortened to half a day' },
      { 'if-match': '"1"' },
    );
    expect(revised.status).toBe(200);
    expect(revised.headers.get('etag')).toBe('"2"');
    const stale = await http.post<Json>(`/courses/${courseId}/publish`, {}, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body['code']).toBe('WRONG_EXPECTED_VERSION');
    const published = await http.post<Json>(
      `/courses/${courseId}/publish`,
      {},
      { 'if-match': '"2"' },
    );
    expect(published.status).toBe(200);

    // The offering: planned with capacity 2 and opened.
    const offeringId = await openOffering(courseId);

    // Three enrol for two seats: the third waits, first in line.
    const amina = await enrol(offeringId, 'Amina Wanjiru');
    const baraka = await enrol(offeringId, 'Baraka Odhiambo');
    const chebet = await enrol(offeringId, 'Chebet Kiprop');
    expect([amina.status, baraka.status, chebet.status]).toEqual([201, 201, 201]);
    expect(amina.body).toMatchObject({ status: 'enrolled', offeringId });
    expect(baraka.body).toMatchObject({ status: 'enrolled' });
    expect(chebet.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(amina.body).not.toHaveProperty('waitlistPosition');

    // The same person again: 409.
    const again = await enrol(offeringId, 'Amina Wanjiru');
    expect(again.status).toBe(409);
    expect(again.body['code']).toBe('ALREADY_ENROLLED');

    // Baraka withdraws: Chebet, first on the waitlist, takes the seat.
    const withdrawn = await http.post<Json>(
      `/offerings/${offeringId}/enrolments/${baraka.body['enrolmentId']}/withdraw`,
      { reason: 'Mission to Kisumu in the week of the course' },
    );
    expect(withdrawn.status).toBe(200);
    const promoted = (await eventsOf(offeringId)).filter(
      (e) => e.type === 'training.WaitlistedParticipantPromoted',
    );
    expect(promoted.map((e) => e.data)).toEqual([
      expect.objectContaining({ enrolmentId: chebet.body['enrolmentId'], cause: 'withdrawal' }),
    ]);

    // Capacity below the two seats taken: 400.
    const tooSmall = await http.post<Json>(`/offerings/${offeringId}/capacity`, { capacity: 1 });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.body['code']).toBe('CAPACITY_BELOW_ENROLMENT');
    expect(tooSmall.body['detail']).toContain('below the 2 participants already enrolled');

    // Run it: three days, Amina present each day, Chebet on the first only.
    expect((await http.post(`/offerings/${offeringId}/start`, {})).status).toBe(200);
    const aminaId = amina.body['enrolmentId'] as string;
    const chebetId = chebet.body['enrolmentId'] as string;
    for (const [day, present] of [
      ['2026-11-16', [aminaId, chebetId]],
      ['2026-11-17', [aminaId]],
      ['2026-11-18', [aminaId]],
    ] as const) {
      const recorded = await http.post<Json>(`/offerings/${offeringId}/attendance`, {
        day,
        present,
      });
      expect(recorded.status).toBe(200);
    }
    for (const [enrolmentId, postTest] of [
      [aminaId, 84],
      [chebetId, 91],
    ] as const) {
      const scored = await http.post<Json>(`/offerings/${offeringId}/scores`, {
        enrolmentId,
        preTest: 52,
        postTest,
      });
      expect(scored.status).toBe(200);
    }

    // Completion: Amina completes (100 % attendance, 84 %); Chebet fails on attendance (33.3 %).
    const completed = await http.post<Json>(`/offerings/${offeringId}/complete`, {});
    expect(completed.status).toBe(200);
    const events = await eventsOf(offeringId);
    const certificates = events.filter((e) => e.type === 'training.CertificateIssued');
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.data).toMatchObject({
      enrolmentId: aminaId,
      courseId,
      courseRevision: 1,
      startsOn: '2026-11-16',
      endsOn: '2026-11-18',
      certificateId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      verificationCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/),
    });
    expect(events.find((e) => e.type === 'training.ParticipantFailed')?.data).toMatchObject({
      enrolmentId: chebetId,
      attendancePercent: 33.3,
      shortfalls: ['attendance'],
    });

    // The certificate can be revoked, once it exists; an unknown one is a 404.
    const certificateId = certificates[0]!.data['certificateId'] as string;
    const revoked = await http.post<Json>(
      `/offerings/${offeringId}/certificates/${certificateId}/revoke`,
      { reason: 'Attendance sheet of 17 November found falsified' },
    );
    expect(revoked.status).toBe(200);
    const unknown = await http.post<Json>(
      `/offerings/${offeringId}/certificates/${chebetId}/revoke`,
      { reason: 'No such certificate' },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body['code']).toBe('CERTIFICATE_NOT_FOUND');

    // A participant's questionnaire, once.
    const evaluation = {
      enrolmentId: aminaId,
      ratings: [
        { item: 'objectives-met', score: 5 },
        { item: 'overall-satisfaction', score: 4 },
      ],
      comment: 'The field visit to the SACCO was the most useful part',
    };
    const evaluated = await http.post<Json>(`/offerings/${offeringId}/evaluations`, evaluation);
    expect(evaluated.status).toBe(201);
    expect(evaluated.body['evaluationId']).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    const twice = await http.post<Json>(`/offerings/${offeringId}/evaluations`, evaluation);
    expect(twice.status).toBe(409);
    expect(twice.body['code']).toBe('EVALUATION_ALREADY_SUBMITTED');
  });

  it('two enrolments racing for the last seat: exactly one is enrolled, the other waitlisted', async () => {
    const offeringId = await openOffering(await publishedCourse({ code: 'SFP-MF-102' }));
    expect((await enrol(offeringId, 'Dalia Mwangi')).body['status']).toBe('enrolled');

    const racers = await Promise.all([
      enrol(offeringId, 'Esther Njeri'),
      enrol(offeringId, 'Faith Achieng'),
    ]);
    expect(racers.map((r) => r.status)).toEqual([201, 201]);
    expect(racers.map((r) => r.body['status']).sort()).toEqual(['enrolled', 'waitlisted']);
    expect(racers.find((r) => r.body['status'] === 'waitlisted')?.body).toMatchObject({
      waitlistPosition: 1,
    });
    // Decided one after the other on the offering's stream: two seats taken, one waiting.
    const events = await eventsOf(offeringId);
    expect(events.filter((e) => e.type === 'training.ParticipantEnrolled')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'training.ParticipantWaitlisted')).toHaveLength(1);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const courseId = await publishedCourse({ code: 'SFP-MF-103' });

    // Dates in the wrong order: the domain's rule, on the field it concerns.
    const backwards = await http.post<Json>(
      '/offerings',
      offeringBody(courseId, {
        schedule: { startsOn: '2026-11-18', endsOn: '2026-11-16', timeZone: 'Africa/Nairobi' },
      }),
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      code: 'RULE_VIOLATED',
      fieldErrors: [
        { field: 'plan.schedule.endsOn', messages: ['The offering cannot end before it starts'] },
      ],
    });

    // A date that does not exist, a time zone that is no IANA name.
    const badDates = await http.post<Json>(
      '/offerings',
      offeringBody(courseId, {
        schedule: { startsOn: '2026-02-30', endsOn: '2026-03-02', timeZone: 'Nairobi Time' },
      }),
    );
    expect(badDates.status).toBe(400);
    expect(badDates.body['code']).toBe('VALIDATION_FAILED');
    const fields = (badDates.body['fieldErrors'] as Json[]).map((f) => f['field']).sort();
    expect(fields).toEqual(['plan.schedule.startsOn', 'plan.schedule.timeZone']);

    // Scores out of range.
    const offeringId = await openOffering(courseId);
    const { body: enrolled } = await enrol(offeringId, 'Grace Wambui');
    await http.post(`/offerings/${offeringId}/start`, {});
    const outOfRange = await http.post<Json>(`/offerings/${offeringId}/scores`, {
      enrolmentId: enrolled['enrolmentId'],
      preTest: -5,
      postTest: 140,
    });
    expect(outOfRange.status).toBe(400);
    expect((outOfRange.body['fieldErrors'] as Json[]).map((f) => f['field']).sort()).toEqual([
      'postTest',
      'preTest',
    ]);

    // Enrolment closed once the offering runs: 409.
    const late = await enrol(offeringId, 'Hawa Chepkoech');
    expect(late.status).toBe(409);
    expect(late.body['code']).toBe('ILLEGAL_TRANSITION');

    // An offering of a course that does not exist, or is not published.
    const none = await http.post<Json>(
      '/offerings',
      offeringBody('0b6f1a52-6d0e-4c1b-9a57-3a4c2f7d9e10'),
    );
    expect(none.status).toBe(404);
    expect(none.body['code']).toBe('COURSE_NOT_FOUND');
    const draft = await http.post<Json>('/courses', courseBody({ code: 'SFP-MF-104' }));
    const unpublished = await http.post<Json>(
      '/offerings',
      offeringBody(draft.body['courseId'] as string),
    );
    expect(unpublished.status).toBe(409);
    expect(unpublished.body['code']).toBe('COURSE_NOT_PUBLISHED');
  });

  it('erasing a participant shreds their name and e-mail in the enrolment events', async () => {
    const offeringId = await openOffering(await publishedCourse({ code: 'SFP-MF-105' }));
    const body = enrolmentBody('Imani Atieno', run);
    expect((await http.post(`/offerings/${offeringId}/enrolments`, body)).status).toBe(201);
    const erased = await http.post<Json>('/personal-data/erasures', {
      email: body['participant'].email,
    });
    expect(erased.status).toBe(200);
    expect(erased.body['erased']).toBe(true);
    const [enrolled] = (await eventsOf(offeringId)).filter(
      (e) => e.type === 'training.ParticipantEnrolled',
    );
    expect(enrolled!.data['participant']).toMatchObject({
      name: '[erased]',
      email: '[erased]',
      organisation: 'Central Organisation of Trade Unions (Kenya)',
    });
  });
});
