/**
 * Demo data for the help desk, filed through the public API of a running
 * platform, as its users would: two years of requests (December 2024 to now)
 * across kinds, themes, regions and origins, each recorded as the past fact it
 * is (X-SFP-Occurred-At, see past-facts.ts): submitted on a working day, triaged,
 * assigned, answered and closed days or weeks later, so ages, times to
 * resolution and SLA figures mean something. The older ones are closed; the
 * recent ones are still in the queue, some past their SLA.
 */
import { CONSTITUENT_GROUPS } from '@sfp/contracts';
import { inParallel, randomFrom } from '@sfp/knowledge-base';
import { HISTORY_START, occurredAtHeader, workingTime } from './past-facts';

export interface SeedOptions {
  baseUrl: string;
  /** Requests over the two years. */
  count: number;
  /** Seed of the pseudo-random choices: the same seed files the same requests. */
  seed: number;
  /** The credentials of a seeded person (`operator-seed`, a staff member): each acts as themselves. */
  credentialsOf: (actor: string) => Promise<Record<string, string>>;
  log?: (line: string) => void;
  /** The real time (default: the system clock): the history ends before it. */
  now?: Date;
}

const PEOPLE = [
  ['Amina Diallo', 'Regional Office for Africa', 'regional-office', 'africa', 'SN'],
  ['Kofi Mensah', 'Ghana Cooperative Credit Unions Association', 'constituent', 'africa', 'GH'],
  ['Lucía Fernández', 'Decent Work Team, Lima', 'regional-office', 'americas', 'PE'],
  ['Rahul Verma', 'Self-Employed Women’s Association', 'constituent', 'asia-pacific', 'IN'],
  [
    'Nguyen Thi Lan',
    'Ministry of Labour, Invalids and Social Affairs',
    'constituent',
    'asia-pacific',
    'VN',
  ],
  ['Omar Khalil', 'Regional Office for Arab States', 'regional-office', 'arab-states', 'LB'],
  ['Elena Petrova', 'Employment Policy Department', 'department', 'europe-central-asia', 'CH'],
  ['Jean-Baptiste Habimana', 'Cooperatives Unit', 'unit', 'africa', 'RW'],
  ['María José Rojas', 'Federation of Employers', 'constituent', 'americas', 'CO'],
  ['Siti Rahmawati', 'Jakarta Office', 'regional-office', 'asia-pacific', 'ID'],
] as const;

const TOPICS: Array<{ kind: string; title: string; themes: string[]; initiative?: string }> = [
  {
    kind: 'fund-instrument-guidelines',
    title: 'Guidelines for a youth guarantee fund',
    themes: ['youth', 'poverty'],
  },
  {
    kind: 'programme-guidance',
    title: 'Adding savings groups to a skills programme',
    themes: ['informal-economy', 'gender'],
  },
  {
    kind: 'referral',
    title: 'Microinsurance for domestic workers',
    themes: ['microinsurance', 'gender'],
  },
  {
    kind: 'advocacy-internal',
    title: 'Briefing on financial inclusion for the Employment Sector',
    themes: ['poverty'],
  },
  {
    kind: 'advocacy-external',
    title: 'Statement for a central bank conference on inclusive finance',
    themes: ['poverty', 'informal-economy'],
  },
  {
    kind: 'global-initiative-coordination',
    title: 'Office-wide response to a CGAP consultation',
    themes: ['poverty'],
    initiative: 'cgap',
  },
  {
    kind: 'global-initiative-coordination',
    title: 'Input to the Microcredit Summit Campaign report',
    themes: ['gender'],
    initiative: 'microcredit-summit-campaign',
  },
  {
    kind: 'tool-development',
    title: 'A loan-appraisal tool for cooperatives',
    themes: ['cooperatives'],
  },
  {
    kind: 'programme-guidance',
    title: 'Remittance-linked savings for migrant workers',
    themes: ['migration-and-remittances'],
  },
  {
    kind: 'fund-instrument-guidelines',
    title: 'Managing a revolving fund after a flood',
    themes: ['crisis-response', 'poverty'],
  },
  {
    kind: 'tool-development',
    title: 'Child-labour risk screen for lenders',
    themes: ['child-labour'],
  },
  { kind: 'referral', title: 'Green loans for smallholders', themes: ['green-finance', 'youth'] },
];

const STAFF = ['staff-bkamau', 'staff-mrossi', 'staff-tnguyen', 'staff-ahassan'];
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SeedHelpDeskResult {
  filed: number;
  steps: number;
  /** Requests still open (the recent ones). */
  open: number;
  /** True when the history was there already (requests submitted in its first month): nothing filed. */
  alreadySeeded: boolean;
}

export async function seedHelpDesk(options: SeedOptions): Promise<SeedHelpDeskResult> {
  const rnd = randomFrom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const between = (low: number, high: number) => low + (high - low) * rnd();
  const api = `${options.baseUrl.replace(/\/$/, '')}/api/help-desk`;
  const now = options.now ?? new Date();
  const send = async (
    method: 'GET' | 'POST',
    path: string,
    actor: string,
    body?: unknown,
    at?: Date,
  ) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(await options.credentialsOf(actor)),
        ...(at ? occurredAtHeader(at) : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };
  const post = async (path: string, body: unknown, actor: string, at: Date) => {
    const { status, text } = await send('POST', path, actor, body, at);
    if (status >= 300) throw new Error(`POST ${path} answered ${status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as { requestId: string };
  };

  const first = await send(
    'GET',
    `/service-requests?from=${HISTORY_START.toISOString().slice(0, 10)}&to=2024-12-31&limit=1`,
    'operator-seed',
  );
  if (first.status === 200 && (JSON.parse(first.text) as { items: unknown[] }).items.length > 0) {
    options.log?.('help desk: the demo history is there already; nothing filed');
    return { filed: 0, steps: 0, open: 0, alreadySeeded: true };
  }
  // The staff exist before anyone assigns them a request.
  for (const person of STAFF) await options.credentialsOf(person);

  const end = Math.min(now.getTime() - 2 * HOUR, Date.parse('2026-12-01T00:00:00Z'));
  const span = end - HISTORY_START.getTime();
  let steps = 0;
  let open = 0;
  // The requests are drawn first, in order (the same seed, the same history), then
  // filed several at a time: each request's steps stay in order on its own record.
  const requests: Array<() => Promise<void>> = [];
  for (let i = 0; i < options.count; i++) {
    const [name, organisation, origin, region, country] = pick(PEOPLE);
    const topic = pick(TOPICS);
    const email = `${name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .replace(/ +/g, '.')}@example.org`;
    // Over the two years, a little more in the second (the desk becomes known);
    // the last dozen in the past three weeks: the queue of today.
    const recent = options.count - i <= 12;
    const share = recent
      ? 1 - ((options.count - i - rnd()) * 21 * DAY) / 12 / span
      : ((i + rnd()) / (options.count - 12)) ** 0.7 * (1 - (21 * DAY) / span);
    const submittedAt = workingTime(new Date(HISTORY_START.getTime() + share * span), rnd);
    const priority = pick(PRIORITIES);
    const submission = {
      requester: {
        name,
        email,
        origin,
        organisation,
        ...(origin === 'constituent' ? { constituentGroup: pick(CONSTITUENT_GROUPS) } : {}),
      },
      title: topic.title,
      description: `${topic.title}: request filed by ${organisation}.`,
      kind: topic.kind,
      ...(topic.initiative ? { globalInitiative: topic.initiative } : {}),
      themes: topic.themes,
      region,
      country,
      priority,
    };
    const operator = 'operator-seed';
    const staff = pick(STAFF);
    // Urgent requests are answered within days; some others take weeks (past their SLA).
    const resolveDays =
      priority === 'urgent' ? between(0.5, 4) : rnd() < 0.2 ? between(20, 45) : between(2, 15);
    const plan: Array<[string, unknown, string, number]> =
      rnd() < 0.08
        ? [
            [
              'cancel',
              { cancelledBy: 'requester', reason: 'Handled locally' },
              'seed',
              between(1, 10) * DAY,
            ],
          ]
        : [
            [
              'triage',
              {
                kind: topic.kind,
                ...(topic.initiative ? { globalInitiative: topic.initiative } : {}),
                themes: topic.themes,
                priority,
              },
              operator,
              between(1, 30) * HOUR,
            ],
            ['assign', { assignee: staff }, operator, between(0.5, 6) * HOUR],
            ['start', {}, staff, between(2, 48) * HOUR],
            ...(rnd() < 0.25
              ? [
                  [
                    'refer',
                    {
                      target: 'external-body',
                      referredTo: 'CGAP',
                      reason: 'Holds the relevant toolkit',
                    },
                    staff,
                    between(1, 3) * DAY,
                  ] as [string, unknown, string, number],
                ]
              : []),
            [
              'comments',
              { text: 'Gathering examples from similar programmes' },
              staff,
              between(1, 4) * DAY,
            ],
            [
              'resolve',
              { answer: 'Guidance and examples sent', outputs: ['Guidance note'] },
              staff,
              resolveDays * DAY,
            ],
            ['close', {}, operator, between(1, 7) * DAY],
          ];
    const gaps = plan.map(() => rnd());
    requests.push(async () => {
      let at = submittedAt.getTime() > end ? new Date(end) : submittedAt;
      const { requestId } = await post('/service-requests', submission, 'seed', at);
      const path = (action: string) => `/service-requests/${requestId}/${action}`;
      let done = 0;
      for (const [index, [action, body, actor, after]] of plan.entries()) {
        at = workingTime(new Date(at.getTime() + after), () => gaps[index] ?? 0);
        // What would happen after now has not happened yet: the request waits there.
        if (at.getTime() > end) break;
        const answer = await send('POST', path(action), actor, body, at);
        if (answer.status >= 300) {
          // The platform's own SLA check may have written to the request meanwhile (now):
          // a past fact cannot go before it, so this request stays where it is.
          if (answer.text.includes('INVALID_OCCURRED_AT')) break;
          throw new Error(
            `POST ${path(action)} answered ${answer.status}: ${answer.text.slice(0, 500)}`,
          );
        }
        steps++;
        done++;
      }
      if (done < plan.length) open++;
      options.log?.(
        `filed ${requestId} on ${submittedAt.toISOString().slice(0, 10)} (${topic.kind}, ${region}, ${done} steps)`,
      );
    });
  }
  await inParallel(requests, 12);
  return { filed: options.count, steps, open, alreadySeeded: false };
}
