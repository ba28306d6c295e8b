/**
 * Demo data for the help desk, filed through the public API of a running
 * platform, as its users would: requests across kinds, themes, regions and
 * origins, many moved along their lifecycle.
 */
import { CONSTITUENT_GROUPS } from '@sfp/contracts';
import { randomFrom } from '@sfp/knowledge-base';

export interface SeedOptions {
  baseUrl: string;
  count: number;
  /** Seed of the pseudo-random choices: the same seed files the same requests. */
  seed: number;
  /** The credentials of a seeded person (`operator-seed`, a staff member): each acts as themselves. */
  credentialsOf: (actor: string) => Promise<Record<string, string>>;
  log?: (line: string) => void;
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

export async function seedHelpDesk(
  options: SeedOptions,
): Promise<{ filed: number; steps: number }> {
  const rnd = randomFrom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const api = `${options.baseUrl.replace(/\/$/, '')}/api/help-desk`;
  const post = async (path: string, body: unknown, actor: string) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await options.credentialsOf(actor)) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as { requestId: string };
  };

  let steps = 0;
  for (let i = 0; i < options.count; i++) {
    const [name, organisation, origin, region, country] = pick(PEOPLE);
    const topic = pick(TOPICS);
    const email = `${name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .replace(/ +/g, '.')}@example.org`;
    const { requestId } = await post(
      '/service-requests',
      {
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
        priority: pick(PRIORITIES),
      },
      'seed',
    );
    // How far along this request goes: 0 submitted ... 6 closed; some cancelled.
    const stage = Math.floor(rnd() * 8);
    const operator = 'operator-seed';
    const staff = pick(STAFF);
    const path = (action: string) => `/service-requests/${requestId}/${action}`;
    if (stage === 7) {
      await post(path('cancel'), { cancelledBy: 'requester', reason: 'Handled locally' }, 'seed');
      steps++;
    } else {
      const plan: Array<[string, unknown, string]> = [
        [
          'triage',
          {
            kind: topic.kind,
            ...(topic.initiative ? { globalInitiative: topic.initiative } : {}),
            themes: topic.themes,
            priority: pick(PRIORITIES),
          },
          operator,
        ],
        ['assign', { assignee: staff }, operator],
        ['start', {}, staff],
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
              ] as [string, unknown, string],
            ]
          : []),
        ['comments', { text: 'Gathering examples from similar programmes' }, staff],
        ['resolve', { answer: 'Guidance and examples sent', outputs: ['Guidance note'] }, staff],
        ['close', {}, operator],
      ];
      for (const [action, body, actor] of plan.slice(0, stage)) {
        await post(path(action), body, actor);
        steps++;
      }
    }
    options.log?.(`filed ${requestId} (${topic.kind}, ${region}, stage ${stage})`);
  }
  return { filed: options.count, steps };
}
