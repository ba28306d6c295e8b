/**
 * Demo data for training, given through the public API of a running platform
 * as the people who run the courses would: a year of the social-finance
 * unit's courses (December 2025 to November 2026) with their offerings across
 * the regions, enrolments (waitlists, withdrawals, supervisors' approvals),
 * attendance, test scores, results with certificates, evaluations, and one
 * offering cancelled. Every other offering of a course is held a year earlier
 * (December 2024 to November 2025), so two years are covered. Each command is
 * recorded as the past fact it is (X-SFP-Occurred-At): an offering is planned
 * weeks before it starts, its enrolments come in the weeks before, attendance
 * is taken on the day, the results at its end, the evaluations after.
 */
import {
  EVALUATION_ITEMS,
  type ConstituentGroup,
  type ParticipantSex,
  type TrainingAudience,
} from '@sfp/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { inParallel, randomFrom } from '@sfp/knowledge-base';
import {
  DEMO_COURSES,
  DEMO_PLACES,
  DEMO_PROGRAMMES,
  EVALUATION_COMMENTS,
  STAFF_OFFICES,
  SUPERVISORS,
  WITHDRAWAL_REASONS,
  nameFrom,
  type DemoCourse,
  type DemoOffering,
} from './training-demo-data';
import { daysAfter, occurredAtHeader } from './past-facts';

export interface SeedTrainingOptions {
  /** The platform's root, e.g. http://127.0.0.1:3000 (the API is under /api/training). */
  baseUrl: string;
  /** Seed of the pseudo-random choices: the same seed enrols the same people with the same results. */
  seed: number;
  /** The credentials of a seeded person (the coordinator, a trainer, a supervisor): each acts as themselves. */
  credentialsOf: (actor: string) => Promise<Record<string, string>>;
  log?: (line: string) => void;
}

export interface SeedTrainingResult {
  courses: number;
  offerings: number;
  /** Enrolments made (each participant of each offering once). */
  enrolments: number;
  /** Enrolments that went to a waitlist (when enrolled or approved). */
  waitlisted: number;
  completed: number;
  failed: number;
  certificates: number;
  evaluations: number;
  cancelled: number;
  /** Capacity-building programmes launched, with targets and their offerings. */
  programmes: number;
  /** Position of the last event recorded: read the views with minPosition to see it all. */
  position: number;
  /** True when the catalogue already held the demo's courses: nothing was given. */
  alreadySeeded: boolean;
}

/** One story's time line (when its next command happens) and pseudo-random generator. */
interface Story {
  clock?: Date;
  random: () => number;
}

/** The training coordinator: plans the offerings and enrols people. */
const COORDINATOR = 'training-coordinator';

type Json = Record<string, unknown>;

interface RosterEnrolment {
  enrolmentId: string;
  status: string;
  certificate?: { verificationCode: string };
}

export async function seedTraining(options: SeedTrainingOptions): Promise<SeedTrainingResult> {
  const api = `${options.baseUrl.replace(/\/$/, '')}/api/training`;
  const log = options.log ?? (() => undefined);
  // Each offering's story runs on its own time line and its own generator (several at a
  // time): the same seed tells the same stories, whatever order they finish in.
  const stories = new AsyncLocalStorage<Story>();
  const main: Story = { random: randomFrom(options.seed) };
  const story = () => stories.getStore() ?? main;
  const random = () => story().random();
  const chance = (p: number) => random() < p;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const result: SeedTrainingResult = {
    courses: 0,
    offerings: 0,
    enrolments: 0,
    waitlisted: 0,
    completed: 0,
    failed: 0,
    certificates: 0,
    evaluations: 0,
    cancelled: 0,
    programmes: 0,
    position: 0,
    alreadySeeded: false,
  };

  const call = async <T = Json>(
    method: 'GET' | 'POST',
    path: string,
    actor: string,
    body?: unknown,
  ): Promise<T> => {
    const at = method === 'POST' ? story().clock : undefined;
    // Each command a few minutes after the one before, on the same record.
    const current = story();
    if (current.clock && method === 'POST')
      current.clock = new Date(current.clock.getTime() + 7 * 60_000);
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(await options.credentialsOf(actor)),
        ...(at ? occurredAtHeader(at) : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    const answer = JSON.parse(text) as T;
    const position = (answer as { position?: unknown }).position;
    if (method === 'POST' && typeof position === 'number')
      result.position = Math.max(result.position, position);
    return answer;
  };
  const post = <T = Json>(path: string, body: unknown, actor = COORDINATOR) =>
    call<T>('POST', path, actor, body);

  const catalogue = await call<{ items: Array<{ code: string }> }>(
    'GET',
    '/courses?limit=1000',
    COORDINATOR,
  );
  const codes = new Set(catalogue.items.map((c) => c.code));
  if (DEMO_COURSES.some(({ course }) => codes.has(course.code))) {
    log('training: the demo courses are already in the catalogue; nothing given');
    return { ...result, alreadySeeded: true };
  }

  /** The offerings held, by region, for the programmes (with their first day). */
  const heldIn = new Map<string, Array<{ offeringId: string; startsOn: string }>>();
  const offerings: Array<() => Promise<void>> = [];
  for (const original of DEMO_COURSES) {
    const demo = { ...original, offerings: original.offerings.map(aYearEarlierEveryOther) };
    // A course is written and published three months before its first offering.
    const first = demo.offerings.map((o) => o.plan.schedule.startsOn).sort()[0] ?? '2025-01-06';
    story().clock = new Date(
      `${daysAfter(`${first}T10:00:00Z`, -90).toISOString().slice(0, 10)}T10:00:00Z`,
    );
    const { courseId } = await post<{ courseId: string }>(
      '/courses',
      { course: demo.course },
      demo.course.owner,
    );
    await post(`/courses/${courseId}/publish`, {}, demo.course.owner);
    result.courses++;
    for (const offering of demo.offerings) {
      const n = offerings.length;
      offerings.push(() =>
        stories.run({ random: randomFrom(options.seed * 1_000 + n) }, async () => {
          const offeringId = await seedOffering(courseId, demo, offering);
          if (offeringId && !demo.course.audiences.every((a) => a === 'staff')) {
            const region = offering.plan.region;
            const held = { offeringId, startsOn: offering.plan.schedule.startsOn };
            heldIn.set(region, [...(heldIn.get(region) ?? []), held]);
          }
          result.offerings++;
        }),
      );
    }
  }
  await inParallel(offerings, 6);
  for (const programme of DEMO_PROGRAMMES) {
    // Launched a month before it starts; its offerings linked as the seed knows them (now).
    story().clock = daysAfter(`${programme.launch.startsOn}T10:00:00Z`, -30);
    const { programmeId } = await post<{ programmeId: string }>('/programmes', programme.launch);
    await post(`/programmes/${programmeId}/targets`, { targets: programme.targets });
    story().clock = undefined;
    for (const { offeringId, startsOn } of heldIn.get(programme.launch.scope.region) ?? []) {
      if (startsOn < programme.launch.startsOn || startsOn > programme.launch.endsOn) continue;
      await post(`/programmes/${programmeId}/offerings`, { offeringId });
    }
    result.programmes++;
  }
  story().clock = undefined;
  log(
    `training: ${result.courses} courses, ${result.offerings} offerings, ${result.enrolments} enrolments, ` +
      `${result.certificates} certificates, ${result.programmes} programmes`,
  );
  return result;

  /** Plans and runs one offering; its id once held (undefined when cancelled). */
  async function seedOffering(
    courseId: string,
    demo: DemoCourse,
    demoOffering: DemoOffering,
  ): Promise<string | undefined> {
    const { plan } = demoOffering;
    const { startsOn, endsOn } = plan.schedule;
    // Planned ten weeks before, open for enrolment from eight weeks before.
    story().clock = daysAfter(`${startsOn}T09:00:00Z`, -70);
    const { offeringId } = await post<{ offeringId: string }>('/offerings', { courseId, plan });
    const path = (action: string) => `/offerings/${offeringId}/${action}`;
    story().clock = daysAfter(`${startsOn}T09:00:00Z`, -56);
    await post(path('open'), {});
    // The enrolments come in over the following six weeks.
    const enrolmentStep = (42 * 86_400_000) / Math.max(1, demoOffering.applicants * 2);

    // Enrolments in arrival order: past the capacity, the rest wait.
    const emails = new Set<string>();
    let declined = false;
    for (let i = 0; i < demoOffering.applicants; i++) {
      const staff = i < (demoOffering.staff ?? 0);
      const { participant, supervisor } = staff
        ? staffMember(random, pick)
        : constituent(demoOffering, demo.course.audiences, random, pick);
      if (emails.has(participant.email)) continue;
      emails.add(participant.email);
      story().clock = new Date((story().clock?.getTime() ?? 0) + enrolmentStep);
      const enrolled = await post<{ enrolmentId: string; status: string }>(path('enrolments'), {
        participant,
        ...(supervisor ? { supervisor } : {}),
      });
      result.enrolments++;
      if (enrolled.status === 'waitlisted') result.waitlisted++;
      if (enrolled.status !== 'awaiting-approval' || !supervisor) continue;
      const approval = `enrolments/${enrolled.enrolmentId}`;
      if (!declined && chance(0.15)) {
        declined = true;
        await post(
          `${path(approval)}/decline`,
          { reason: 'Mission to the field in the week of the course; enrol in the next one' },
          supervisor,
        );
      } else {
        const approved = await post<{ changed: boolean }>(
          `${path(approval)}/approve`,
          {},
          supervisor,
        );
        if (approved.changed && (await statusOf(offeringId, enrolled.enrolmentId)) === 'waitlisted')
          result.waitlisted++;
      }
    }

    if (demoOffering.cancelledBecause) {
      story().clock = daysAfter(`${startsOn}T09:00:00Z`, -7);
      await post(path('cancel'), { reason: demoOffering.cancelledBecause });
      result.cancelled++;
      log(
        `training: ${demo.course.code} in ${plan.country} on ${plan.schedule.startsOn} cancelled`,
      );
      return undefined;
    }

    // A seat given up before the start goes to the first who waits.
    story().clock = daysAfter(`${startsOn}T09:00:00Z`, -5);
    let roster = await rosterOf(offeringId);
    if (roster.waitlist.length > 0) {
      const withdrawing = pick(roster.enrolments.filter((e) => e.status === 'enrolled'));
      if (withdrawing) {
        await post(path(`enrolments/${withdrawing.enrolmentId}/withdraw`), {
          reason: pick(WITHDRAWAL_REASONS),
        });
      }
    }
    if (demoOffering.extraSeats) {
      await post(path('capacity'), { capacity: plan.capacity + demoOffering.extraSeats });
    }

    story().clock = new Date(`${startsOn}T07:00:00Z`);
    await post(path('start'), {});
    roster = await rosterOf(offeringId);
    const seated = roster.enrolments.filter((e) => e.status === 'enrolled');
    // Most attend every day; a few miss one now and then, a couple drop out half way.
    const presence = new Map(
      seated.map((e) => [e.enrolmentId, chance(0.88) ? 1 : chance(0.65) ? 0.85 : 0.4]),
    );
    const trainer = plan.trainers[0] ?? COORDINATOR;
    for (const day of sessionDaysOf(demo.course.kind, plan.schedule)) {
      const present = seated
        .filter((e) => random() < (presence.get(e.enrolmentId) ?? 1))
        .map((e) => e.enrolmentId);
      story().clock = new Date(`${day}T15:00:00Z`);
      await post(path('attendance'), { day, present }, trainer);
    }
    if (demo.course.completionRule.minPostTestScore !== undefined) {
      story().clock = new Date(`${endsOn}T16:00:00Z`);
      for (const enrolment of seated) {
        // Most learn what the course teaches; some struggle with it.
        const strong = chance(0.88);
        const preTest = strong ? between(35, 65) : between(25, 50);
        const postTest = strong ? Math.max(preTest + 8, between(72, 96)) : preTest + between(5, 25);
        await post(
          path('scores'),
          { enrolmentId: enrolment.enrolmentId, preTest, postTest: Math.min(100, postTest) },
          trainer,
        );
      }
    }

    story().clock = daysAfter(`${endsOn}T09:00:00Z`, 1);
    await post(path('complete'), {});
    roster = await rosterOf(offeringId);
    // The evaluations come back in the days after.
    story().clock = daysAfter(`${endsOn}T09:00:00Z`, 3);
    for (const enrolment of roster.enrolments) {
      if (enrolment.status === 'completed') result.completed++;
      if (enrolment.status === 'failed') result.failed++;
      if (enrolment.certificate) result.certificates++;
      if (!['completed', 'failed'].includes(enrolment.status) || !chance(0.75)) continue;
      const mood = enrolment.status === 'completed' ? 4 : 3;
      await post(path('evaluations'), {
        enrolmentId: enrolment.enrolmentId,
        ratings: EVALUATION_ITEMS.map((item) => ({
          item,
          score: Math.max(1, Math.min(5, mood + between(-1, 1))),
        })),
        ...(chance(0.3) ? { comment: pick(EVALUATION_COMMENTS) } : {}),
      });
      result.evaluations++;
    }
    log(
      `training: ${demo.course.code} in ${plan.country} from ${plan.schedule.startsOn}: ` +
        `${seated.length} took part, ${roster.waitlist.length} left waiting`,
    );
    return offeringId;
  }

  async function rosterOf(
    offeringId: string,
  ): Promise<{ enrolments: RosterEnrolment[]; waitlist: unknown[] }> {
    return call('GET', `/offerings/${offeringId}/roster`, COORDINATOR);
  }

  async function statusOf(offeringId: string, enrolmentId: string): Promise<string | undefined> {
    const roster = await rosterOf(offeringId);
    return roster.enrolments.find((e) => e.enrolmentId === enrolmentId)?.status;
  }
}

/**
 * Every other offering of a course (the second, the fourth...) held a year
 * earlier, 52 weeks before (same weekday): the demo covers December 2024 to
 * November 2026. The cancelled one stays where it is.
 */
export function aYearEarlierEveryOther(offering: DemoOffering, index: number): DemoOffering {
  if (index % 2 === 0 || offering.cancelledBecause) return offering;
  const earlier = (day: string) => daysAfter(`${day}T00:00:00Z`, -364).toISOString().slice(0, 10);
  const { schedule } = offering.plan;
  return {
    ...offering,
    plan: {
      ...offering.plan,
      schedule: {
        ...schedule,
        startsOn: earlier(schedule.startsOn),
        endsOn: earlier(schedule.endsOn),
      },
    },
  };
}

/** The days attendance is taken: every day of a course; the weekly live sessions of an e-learning one. */
export function sessionDaysOf(
  kind: string,
  schedule: { startsOn: string; endsOn: string },
): string[] {
  const days: string[] = [];
  const step = kind === 'e-learning' ? 7 : 1;
  for (
    let day = new Date(`${schedule.startsOn}T00:00:00Z`);
    day.toISOString().slice(0, 10) <= schedule.endsOn;
    day = new Date(day.getTime() + step * 86_400_000)
  ) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

type Participant = {
  name: string;
  email: string;
  organisation: string;
  constituentGroup?: ConstituentGroup;
  country: string;
  sex: ParticipantSex;
  staff: boolean;
};

function sexOf(random: () => number): ParticipantSex {
  const draw = random();
  return draw < 0.54 ? 'female' : draw < 0.97 ? 'male' : 'not-stated';
}

function emailOf(name: string, domain: string): string {
  const local = name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.');
  return `${local}@${domain}`;
}

/** A participant from a government, an employers' or workers' organisation, or a partner institution. */
function constituent(
  offering: DemoOffering,
  audiences: readonly TrainingAudience[],
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): { participant: Participant; supervisor?: undefined } {
  const country = pick(offering.countries);
  const place = DEMO_PLACES[country];
  if (!place) throw new Error(`No demo organisations in ${country}`);
  const groups = audiences.filter((a): a is ConstituentGroup => a !== 'staff');
  const group = pick(groups.length > 0 ? groups : (['government'] as const));
  const sex = sexOf(random);
  const name = nameFrom(place.pool, sex === 'male' ? 'male' : 'female', random);
  return {
    participant: {
      name,
      email: emailOf(name, `${country.toLowerCase()}.example.org`),
      organisation: place.organisations[group],
      constituentGroup: group,
      country,
      sex,
      staff: false,
    },
  };
}

/** A member of the organisation's staff, and the supervisor who approves. */
function staffMember(
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): { participant: Participant; supervisor: string } {
  const office = pick(STAFF_OFFICES);
  const sex = sexOf(random);
  const name = nameFrom(office.pool, sex === 'male' ? 'male' : 'female', random);
  return {
    participant: {
      name,
      email: emailOf(name, 'staff.example.org'),
      organisation: office.office,
      country: office.country,
      sex,
      staff: true,
    },
    supervisor: pick(SUPERVISORS),
  };
}
