import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { httpClient } from '@sfp/testing';
import { startEmbeddedTraining, type EmbeddedTraining } from '../../test/support/embedded-training';
import { courseBody, enrolmentBody, offeringBody } from '../../test/support/training-requests';

type Json = Record<string, any>;

/**
 * The programme routes over HTTP, as the embedded platform hosts training
 * (SQLite stores, the platform's validation pipe and error filter): an
 * offering run to its end, a programme launched with targets, the offering
 * added, progress read back; each refusal with its status and code.
 */
describe('capacity-building programmes over HTTP (embedded e2e)', () => {
  const run = randomBytes(4).toString('hex');
  let host: EmbeddedTraining;
  let http: ReturnType<typeof httpClient>;
  let root: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    host = await startEmbeddedTraining();
    http = httpClient(host.url);
    root = httpClient(host.url.replace(/\/api\/training$/, ''));
  });

  afterAll(async () => {
    await host?.close();
  });

  /** An offering in Nairobi run to its end: Amina (40 → 80) and Baraka (50 → 80) complete, Chebet (60 → 50) fails. */
  async function heldOffering(): Promise<string> {
    const course = await http.post<Json>('/courses', courseBody({ code: 'SFP-MF-310' }));
    const courseId = course.body['courseId'] as string;
    expect((await http.post(`/courses/${courseId}/publish`, {})).status).toBe(200);
    const planned = await http.post<Json>('/offerings', offeringBody(courseId, { capacity: 3 }));
    const offeringId = planned.body['offeringId'] as string;
    expect((await http.post(`/offerings/${offeringId}/open`, {})).status).toBe(200);
    const who = [
      ['Amina Wanjiru', {}],
      ['Baraka Odhiambo', { sex: 'male', constituentGroup: 'government' }],
      ['Chebet Kiprop', {}],
    ] as const;
    const ids: string[] = [];
    for (const [name, overrides] of who) {
      const enrolled = await http.post<Json>(
        `/offerings/${offeringId}/enrolments`,
        enrolmentBody(name, run, overrides),
      );
      expect(enrolled.status).toBe(201);
      ids.push(enrolled.body['enrolmentId'] as string);
    }
    expect((await http.post(`/offerings/${offeringId}/start`, {})).status).toBe(200);
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-18'])
      expect(
        (await http.post(`/offerings/${offeringId}/attendance`, { day, present: ids })).status,
      ).toBe(200);
    for (const [i, [preTest, postTest]] of [
      [40, 80],
      [50, 80],
      [60, 50],
    ].entries())
      expect(
        (
          await http.post(`/offerings/${offeringId}/scores`, {
            enrolmentId: ids[i],
            preTest,
            postTest,
          })
        ).status,
      ).toBe(200);
    expect((await http.post(`/offerings/${offeringId}/complete`, {})).status).toBe(200);
    return offeringId;
  }

  it('launches a programme, sets its targets, adds an offering and reads its progress', async () => {
    const offeringId = await heldOffering();
    const launched = await http.post<Json>('/programmes', {
      title: 'Social finance capacity for Kenyan trade unions, 2026',
      scope: {
        kind: 'organisation',
        organisation: 'Central Organization of Trade Unions (Kenya)',
        constituentGroup: 'workers-organisation',
        country: 'KE',
      },
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(launched.status).toBe(201);
    const id = launched.body['programmeId'] as string;
    expect(launched.headers.get('location')).toBe(`/api/training/programmes/${id}`);

    const targets = await http.post<Json>(`/programmes/${id}/targets`, {
      targets: [
        { indicator: 'people-trained', value: 40, dueOn: '2026-12-31' },
        { indicator: 'people-trained', value: 20, sex: 'female', dueOn: '2026-12-31' },
        {
          indicator: 'people-trained',
          value: 25,
          constituentGroup: 'workers-organisation',
          dueOn: '2026-12-31',
        },
        { indicator: 'completion-rate', value: 80, dueOn: '2026-12-31' },
        { indicator: 'knowledge-gain', value: 15, dueOn: '2026-12-31' },
      ],
    });
    expect(targets.status).toBe(200);
    expect(targets.headers.get('etag')).toBe('"2"');
    const added = await http.post<Json>(`/programmes/${id}/offerings`, { offeringId });
    expect(added.status).toBe(200);

    const page = await http.get<Json>(`/programmes?minPosition=${added.body['position']}`);
    expect(page.status).toBe(200);
    const listed = (page.body['items'] as Json[]).find((p) => p['programmeId'] === id);
    const detail = await http.get<Json>(`/programmes/${id}`);
    expect(detail.status).toBe(200);
    expect(listed).toEqual(detail.body);
    expect(detail.body).toMatchObject({
      status: 'active',
      offeringIds: [offeringId],
      participantsWithResult: 3,
      participantsCompleted: 2,
    });
    expect(
      (detail.body['targets'] as Json[]).map((t) => [
        t['indicator'],
        t['actual'],
        t['percentOfTarget'],
      ]),
    ).toEqual([
      // Amina and Baraka.
      ['people-trained', 2, 5],
      // Amina (Chebet failed).
      ['people-trained', 1, 5],
      ['people-trained', 1, 4],
      // 2 of 3.
      ['completion-rate', 66.7, 83.4],
      // 40, 30 and -10 points: 20.
      ['knowledge-gain', 20, 133.3],
    ]);
  });

  it('refuses what the programme cannot take, with its status and code', async () => {
    const launched = await http.post<Json>('/programmes', {
      title: 'Social finance in Senegal',
      scope: { kind: 'country', country: 'SN' },
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    const id = launched.body['programmeId'] as string;

    const backwards = await http.post<Json>('/programmes', {
      title: 'Backwards',
      scope: { kind: 'region', region: 'africa' },
      startsOn: '2026-06-30',
      endsOn: '2026-01-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ code: 'RULE_VIOLATED' });

    const noCountry = await http.post<Json>('/programmes', {
      title: 'A country without one',
      scope: { kind: 'country' },
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    expect(noCountry.status).toBe(400);
    expect(noCountry.body['fieldErrors']).toContainEqual(
      expect.objectContaining({ field: 'scope.country' }),
    );

    const late = await http.post<Json>(`/programmes/${id}/targets`, {
      targets: [{ indicator: 'people-trained', value: 10, dueOn: '2026-12-31' }],
    });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({
      code: 'RULE_VIOLATED',
      fieldErrors: [{ field: 'targets.0.dueOn' }],
    });
    const notANumber = await http.post<Json>(`/programmes/${id}/targets`, {
      targets: [{ indicator: 'people-trained', value: 'ten', dueOn: '2026-06-30' }],
    });
    expect(notANumber.status).toBe(400);

    const unknownOffering = await http.post<Json>(`/programmes/${id}/offerings`, {
      offeringId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    });
    expect(unknownOffering.status).toBe(404);
    expect(unknownOffering.body['code']).toBe('OFFERING_NOT_FOUND');

    expect((await http.post(`/programmes/${id}/close`, { reason: 'Merged' })).status).toBe(200);
    const closed = await http.post<Json>(`/programmes/${id}/close`, { reason: 'Again' });
    expect(closed.status).toBe(409);
    expect(closed.body['code']).toBe('PROGRAMME_CLOSED');

    const missing = await http.get<Json>('/programmes/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect(missing.status).toBe(404);
    expect(missing.body['code']).toBe('PROGRAMME_NOT_FOUND');
    const notOne = await http.post<Json>('/programmes/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/close', {
      reason: 'None',
    });
    expect(notOne.status).toBe(404);
    expect(notOne.body['code']).toBe('PROGRAMME_NOT_FOUND');
  });

  it('documents every programme route: its operation, answer and refusals', async () => {
    const doc = await root.get<Json>('/api/docs-json');
    expect(doc.status).toBe(200);
    const operations = Object.entries(doc.body['paths'] as Record<string, Json>)
      .filter(([path]) => path.startsWith('/api/training/programmes'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          path,
          method,
          operationId: (op as Json)['operationId'],
          responses: Object.keys((op as Json)['responses'] as Json).sort(),
        })),
      );
    expect(operations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: '/api/training/programmes',
          method: 'post',
          operationId: 'launchProgramme',
          responses: expect.arrayContaining(['201', '400', '401', '403']),
        }),
        expect.objectContaining({
          path: '/api/training/programmes',
          method: 'get',
          operationId: 'listProgrammes',
        }),
        expect.objectContaining({
          path: '/api/training/programmes/{id}',
          method: 'get',
          operationId: 'getProgramme',
          responses: expect.arrayContaining(['200', '404']),
        }),
        expect.objectContaining({
          path: '/api/training/programmes/{id}/targets',
          operationId: 'setProgrammeTargets',
          responses: expect.arrayContaining(['200', '400', '404', '409']),
        }),
        expect.objectContaining({
          path: '/api/training/programmes/{id}/offerings',
          operationId: 'addOfferingToProgramme',
          responses: expect.arrayContaining(['200', '404', '409']),
        }),
        expect.objectContaining({
          path: '/api/training/programmes/{id}/close',
          operationId: 'closeProgramme',
          responses: expect.arrayContaining(['200', '404', '409']),
        }),
        expect.objectContaining({
          path: '/api/training/programmes/{id}/linked-proposals',
          method: 'get',
          responses: expect.arrayContaining(['200', '404']),
        }),
      ]),
    );
    expect(operations).toHaveLength(7);
  });
});
