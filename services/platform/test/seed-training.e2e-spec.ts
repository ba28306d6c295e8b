import { COURSE_KINDS } from '@sfp/contracts';
import { httpClient, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { seedAccounts } from '../src/seed/seed-accounts';
import { seedTraining, sessionDaysOf } from '../src/seed/seed-training';
import { DEMO_COURSES, DEMO_PLACES } from '../src/seed/training-demo-data';
import { startTestPlatform } from './support/test-platform';

type Json = Record<string, any>;

const ADMIN_PASSWORD = 'a training seed secret phrase';

/** `npm run seed` for training: a year of courses given through the platform's public API, as its people would. */
describe('seedTraining (e2e, embedded platform)', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-seed-training-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
  });
  afterAll(async () => platform?.close());

  jest.setTimeout(600_000);

  it('plans a past year of offerings with waitlists, results, certificates that verify and evaluations; a second run adds nothing', async () => {
    const credentialsOf = seedAccounts({
      baseUrl: platform.url,
      admin: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const lines: string[] = [];
    const result = await seedTraining({
      baseUrl: platform.url,
      seed: 7,
      credentialsOf,
      log: (line) => lines.push(line),
    });
    expect(result).toMatchObject({
      courses: 8,
      offerings: 17,
      cancelled: 1,
      programmes: 2,
      alreadySeeded: false,
    });
    expect(result.waitlisted).toBeGreaterThan(0);
    expect(result.completed).toBeGreaterThan(result.failed);
    expect(result.failed).toBeGreaterThan(0);
    expect(result.certificates).toBe(result.completed);
    expect(result.evaluations).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe(
      `training: 8 courses, 17 offerings, ${result.enrolments} enrolments, ${result.certificates} certificates, 2 programmes`,
    );

    const admin = httpClient(
      `${platform.url}/api/training`,
      await signIn(platform.url, 'admin', ADMIN_PASSWORD),
    );
    const calendar = await admin.get<Json>(`/offerings?limit=100&minPosition=${result.position}`);
    expect(calendar.status).toBe(200);
    const offerings: Json[] = calendar.body['items'];
    expect(offerings).toHaveLength(17);
    const statuses = offerings.map((o) => o['status']);
    expect(statuses.filter((s) => s === 'completed')).toHaveLength(16);
    expect(statuses.filter((s) => s === 'cancelled')).toHaveLength(1);
    // All in the past two years (every other offering of a course a year earlier), across the regions.
    for (const offering of offerings) {
      expect(offering['startsOn'] >= '2024-12-01' && offering['endsOn'] <= '2026-11-30').toBe(true);
    }
    expect(offerings.some((o) => o['startsOn'] < '2025-12-01')).toBe(true);
    expect(offerings.some((o) => o['startsOn'] >= '2025-12-01')).toBe(true);
    expect(new Set(offerings.map((o) => o['region'])).size).toBe(5);

    const cancelled = offerings.find((o) => o['status'] === 'cancelled') as Json;
    const detail = await admin.get<Json>(`/offerings/${cancelled['offeringId']}`);
    expect(JSON.stringify(detail.body)).toContain('Monsoon floods');

    // Rosters: people still waiting when the offerings ran; certificates that verify publicly.
    let waiting = 0;
    const codes: string[] = [];
    for (const offering of offerings.filter((o) => o['status'] === 'completed')) {
      const roster = await admin.get<Json>(`/offerings/${offering['offeringId']}/roster`);
      waiting += roster.body['waitlist'].length;
      for (const enrolment of roster.body['enrolments'] as Json[]) {
        if (enrolment['certificate']) codes.push(enrolment['certificate']['verificationCode']);
      }
    }
    expect(waiting).toBeGreaterThan(0);
    expect(codes).toHaveLength(result.certificates);
    const anyone = httpClient(`${platform.url}/api/training`);
    for (const code of [codes[0], codes[Math.floor(codes.length / 2)], codes.at(-1)]) {
      const check = await anyone.get<Json>(`/certificates/${code}`);
      expect(check.status).toBe(200);
      expect(check.body).toMatchObject({ verificationCode: code, status: 'valid' });
    }

    const statistics = await admin.get<Json>(`/statistics?minPosition=${result.position}`);
    expect(statistics.status).toBe(200);
    const completion = statistics.body['completion']['overall'];
    expect(completion).toMatchObject({
      completed: result.completed,
      failed: result.failed,
      n: result.completed + result.failed,
    });
    expect(completion.rate * 100).toBeGreaterThan(0);
    expect(completion.rate * 100).toBeLessThan(100);
    expect(statistics.body['waitlists']['offeringsWithWaitlist']).toBeGreaterThan(0);
    expect(statistics.body['knowledgeGain']['overall']['meanGain']).toBeGreaterThan(0);
    expect(statistics.body['satisfaction']['evaluations']).toBe(result.evaluations);

    // Two regional programmes, each with the offerings held in its region and progress on every target.
    const programmes = await admin.get<Json>(`/programmes?minPosition=${result.position}`);
    expect(programmes.status).toBe(200);
    const items: Json[] = programmes.body['items'];
    expect(items.map((p) => p['scope']['region']).sort()).toEqual(['africa', 'asia-pacific']);
    for (const programme of items) {
      const region = programme['scope']['region'];
      const held = offerings.filter((o) => o['region'] === region && o['status'] === 'completed');
      expect(programme['offeringIds'].length).toBeGreaterThan(0);
      expect(programme['offeringIds'].length).toBeLessThanOrEqual(held.length);
      expect(programme['participantsCompleted']).toBeGreaterThan(0);
      for (const target of programme['targets'] as Json[]) {
        expect(target['actual']).toEqual(expect.any(Number));
      }
    }

    const again = await seedTraining({ baseUrl: platform.url, seed: 7, credentialsOf });
    expect(again).toMatchObject({ alreadySeeded: true, courses: 0, offerings: 0 });
  });
});

describe('the training demo year (its data)', () => {
  const offerings = DEMO_COURSES.flatMap(({ course, offerings }) =>
    offerings.map((offering) => ({ course, offering })),
  );

  it('has a course of every kind, and offerings from December 2025 to November 2026 only', () => {
    expect(new Set(DEMO_COURSES.map(({ course }) => course.kind))).toEqual(new Set(COURSE_KINDS));
    expect(offerings.length).toBeGreaterThanOrEqual(15);
    for (const { offering } of offerings) {
      const { startsOn, endsOn } = offering.plan.schedule;
      expect(startsOn >= '2025-12-01' && endsOn <= '2026-11-30' && startsOn <= endsOn).toBe(true);
    }
    expect(offerings.filter(({ offering }) => offering.cancelledBecause)).toHaveLength(1);
  });

  it('offers each course in one of its languages, to people from countries it knows', () => {
    for (const { course, offering } of offerings) {
      expect(course.languages).toContain(offering.plan.language);
      for (const country of offering.countries) expect(DEMO_PLACES[country]).toBeDefined();
      if (offering.staff) expect(course.supervisorApprovalRequired).toBe(true);
    }
  });

  it('takes attendance every day of a course, and at the weekly live session of an e-learning one', () => {
    const schedule = { startsOn: '2026-04-06', endsOn: '2026-04-24' };
    expect(sessionDaysOf('e-learning', schedule)).toEqual([
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
    ]);
    expect(sessionDaysOf('workshop', { startsOn: '2026-02-27', endsOn: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
