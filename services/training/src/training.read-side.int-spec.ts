import { randomBytes } from 'node:crypto';
import { httpClient } from '@sfp/testing';
import { startEmbeddedTraining, type EmbeddedTraining } from '../test/support/embedded-training';
import { courseBody, enrolmentBody, offeringBody } from '../test/support/training-requests';

type Json = Record<string, any>;

/**
 * The read side over HTTP as the embedded platform serves it: the catalogue,
 * the calendar, the roster, the public certificate check and the statistics,
 * each read right after the command that changed it (minPosition), with the
 * validation pipe refusing what its DTO refuses.
 */
describe('training read side (over HTTP, embedded)', () => {
  let training: EmbeddedTraining;
  let http: ReturnType<typeof httpClient>;
  const run = randomBytes(4).toString('hex');
  let courseId = '';
  let offeringId = '';
  let position = 0;
  const enrolments: Record<string, string> = {};
  let verificationCode = '';

  const command = async (path: string, body: Json = {}, headers: Record<string, string> = {}) => {
    const answer = await http.post<Json>(path, body, headers);
    expect([200, 201]).toContain(answer.status);
    if (typeof answer.body['position'] === 'number') position = answer.body['position'];
    return answer.body;
  };

  beforeAll(async () => {
    training = await startEmbeddedTraining();
    http = httpClient(training.url);
    courseId = (await command('/courses', courseBody({ code: `SFP-RS-${run}` })))['courseId'];
    await command(`/courses/${courseId}/publish`, {}, { 'if-match': '"1"' });
    offeringId = (await command('/offerings', offeringBody(courseId, { capacity: 1 })))[
      'offeringId'
    ];
    await command(`/offerings/${offeringId}/open`);
    for (const who of ['Amina Wanjiru', 'Baraka Odhiambo', 'Chebet Kiprop']) {
      enrolments[who] = (
        await command(`/offerings/${offeringId}/enrolments`, enrolmentBody(who, run))
      )['enrolmentId'];
    }
  });
  afterAll(async () => training?.close());

  it('lists the course in the catalogue and reads it with its revisions and ETag', async () => {
    const list = await http.get<Json>(
      `/courses?kind=regional-course&status=published&minPosition=${position}`,
    );
    expect(list.status).toBe(200);
    expect(list.body['items'].map((c: Json) => c['courseId'])).toContain(courseId);
    const detail = await http.get<Json>(`/courses/${courseId}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe('"2"');
    expect(detail.body['revisions']).toHaveLength(1);
    expect((await http.get<Json>('/courses?kind=seminar')).status).toBe(400);
    const missing = await http.get<Json>('/courses/6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b');
    expect([missing.status, missing.body['code']]).toEqual([404, 'COURSE_NOT_FOUND']);
  });

  it('shows the offering in the calendar, full with two waiting, and its roster in order', async () => {
    const calendar = await http.get<Json>(
      `/offerings?region=africa&from=2026-11-01&to=2026-11-30&minPosition=${position}`,
    );
    expect(calendar.status).toBe(200);
    expect(calendar.body['items'].find((o: Json) => o['offeringId'] === offeringId)).toMatchObject({
      courseKind: 'regional-course',
      status: 'full',
      capacity: 1,
      seatsTaken: 1,
      waitlistLength: 2,
    });
    const roster = await http.get<Json>(`/offerings/${offeringId}/roster`);
    expect(roster.status).toBe(200);
    expect(roster.body['waitlist']).toEqual([
      enrolments['Baraka Odhiambo'],
      enrolments['Chebet Kiprop'],
    ]);
    const csv = await http.get(`/offerings/${offeringId}/roster?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[2]).toContain('waitlisted,1,Baraka Odhiambo');
    expect((await http.get(`/offerings?from=2026-02-30`)).status).toBe(400);
  });

  it('checks the certificate publicly once the offering completes, and after an erasure', async () => {
    await command(`/offerings/${offeringId}/capacity`, { capacity: 3 });
    await command(`/offerings/${offeringId}/start`);
    const present = Object.values(enrolments);
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-18'])
      await command(`/offerings/${offeringId}/attendance`, { day, present });
    for (const enrolmentId of present)
      await command(`/offerings/${offeringId}/scores`, { enrolmentId, preTest: 50, postTest: 80 });
    await command(`/offerings/${offeringId}/complete`);

    const detail = await http.get<Json>(`/offerings/${offeringId}`);
    expect(detail.headers.get('etag')).toBe(`"${detail.body['streamVersion']}"`);
    const amina = detail.body['enrolments'].find(
      (e: Json) => e['enrolmentId'] === enrolments['Amina Wanjiru'],
    );
    expect(amina).toMatchObject({ status: 'completed', certificate: { status: 'valid' } });
    verificationCode = amina['certificate']['verificationCode'];

    const checked = await http.get<Json>(`/certificates/${verificationCode}`);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ holder: 'Amina Wanjiru', status: 'valid' });
    const unknown = await http.get<Json>('/certificates/ZZZZ-ZZZZ-ZZZZ');
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    expect((await http.get('/certificates/short')).status).toBe(400);

    await command('/personal-data/erasures', {
      email: enrolmentBody('Amina Wanjiru', run).participant.email,
    });
    expect((await http.get<Json>(`/certificates/${verificationCode}`)).body).toMatchObject({
      holder: 'holder erased',
      holderErased: true,
    });
  });

  it('answers the statistics as JSON and CSV', async () => {
    const stats = await http.get<Json>(`/statistics?country=KE&minPosition=${position}`);
    expect(stats.status).toBe(200);
    expect(stats.body['participants']).toMatchObject({ n: 3, bySex: { female: 3 } });
    expect(stats.body['completion']['overall']).toEqual({ completed: 3, failed: 0, n: 3, rate: 1 });
    expect(stats.body['knowledgeGain']['overall']).toMatchObject({ n: 3, meanGain: 30 });
    const csv = await http.get(`/statistics?country=KE&format=csv`);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="training-statistics.csv"',
    );
    expect(csv.text).toContain('completionRate,all,all,3,1');
  });
});
