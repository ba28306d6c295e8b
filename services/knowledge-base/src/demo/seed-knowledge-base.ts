import { OCCURRED_AT_HEADER } from '@sfp/service-kit';
import { gniSeedEntries } from '../gni/domain/gni-seed-values';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../shared/domain/reference-data';
import { DEMO_COUNTRIES, REPORTING_OFFICE } from './demo-countries';
import { demoInputs, inParallel, randomFrom, traitsOf } from './demo-report-figures';

export interface SeedKnowledgeBaseOptions {
  /** The platform's root, e.g. http://127.0.0.1:3000 (the API is under /api/knowledge-base). */
  baseUrl: string;
  seed: number;
  /** Sent with every request (the caller's credentials). */
  headers: Record<string, string>;
  log?: (line: string) => void;
  /** Institutions to register (default 36). */
  institutions?: number;
  /**
   * The real time (default: the system clock). The history is recorded as past
   * facts (X-SFP-Occurred-At: the caller needs history:import): institutions
   * registered in December 2024, each quarter's report filed weeks after the
   * quarter ended, up to the last quarter filed before now.
   */
  now?: Date;
}

/** When the demo institutions joined: the first day of the two years of history. */
const REGISTERED_AT = '2024-12-02T09:00:00.000Z';
/** When the targets were set. */
const TARGETS_SET_AT = '2025-01-20T10:00:00.000Z';
/** The quarters reported: 2024-Q4 to 2026-Q3 (the last filed before December 2026). */
const QUARTERS = [
  [2024, 4],
  [2025, 1],
  [2025, 2],
  [2025, 3],
  [2025, 4],
  [2026, 1],
  [2026, 2],
  [2026, 3],
] as const;
/** The targets set on every other institution: due at the end of 2025 and in 2026. */
const INSTITUTION_TARGETS = [
  {
    indicator: 'oss',
    comparator: 'at-least',
    threshold: 1,
    tolerance: 0.1,
    dueDate: '2025-12-31',
    description: 'Operational break-even',
  },
  {
    indicator: 'par30',
    comparator: 'at-most',
    threshold: 0.05,
    tolerance: 0.02,
    dueDate: '2025-12-31',
    description: 'Portfolio quality',
  },
  {
    indicator: 'oss',
    comparator: 'at-least',
    threshold: 1.1,
    tolerance: 0.1,
    dueDate: '2026-09-30',
    description: 'Operational self-sufficiency with a margin',
  },
  {
    indicator: 'par30',
    comparator: 'at-most',
    threshold: 0.04,
    tolerance: 0.015,
    dueDate: '2026-06-30',
    description: 'Portfolio quality, tighter',
  },
];
const PROGRAMMES = ['sfp-youth-employment', 'sfp-green-jobs', 'sfp-microinsurance-innovation'];
const NAMES = [
  'Umoja',
  'Amani',
  'Tujenge',
  'Esperanza',
  'Progreso',
  'Nour',
  'Al Amal',
  'Sahakari',
  'Pragati',
  'Kiva',
  'Bereke',
  'Imedi',
  'Jigyasa',
  'Sabaidee',
  'Mekong',
  'Andes',
  'Sahel',
  'Baraka',
  'Unity',
  'Harvest',
];
const SUFFIX: Record<string, string> = {
  'microfinance-institution': 'Microfinance',
  'savings-and-credit-cooperative': 'SACCO',
  'guarantee-fund': 'Guarantee Fund',
  'microinsurance-scheme': 'Mutual Insurance',
  'payment-and-remittance-service': 'Remit',
  'fund-instrument': 'Social Finance Facility',
};

/**
 * Demo data through the public API: a few dozen institutions across the five
 * regions, each with quarterly performance reports from 2024-Q4 to 2026-Q3
 * (figures built to respect every identity, in the local currency, growing
 * or slipping quarter after quarter), a restatement now and then, targets
 * due in 2025 and 2026 with tolerance bands, and impact assessments completed
 * in 2025 and 2026 and practice notes for the library, each recorded as the
 * past fact it is. The same seed gives the same data; a knowledge base that
 * holds institutions already is left as it is.
 */
export async function seedKnowledgeBase(
  options: SeedKnowledgeBaseOptions,
): Promise<{ institutions: number; reports: number; alreadySeeded?: boolean }> {
  const api = `${options.baseUrl.replace(/\/$/, '')}/api/knowledge-base`;
  const log = options.log ?? (() => undefined);
  const random = randomFrom(options.seed);
  const pick = <T>(list: readonly [T, ...T[]] | readonly T[]): T =>
    list[Math.floor(random() * list.length)] as T;
  const gni = new Map(gniSeedEntries().map((e) => [`${e.country}:${e.year}`, e.usd]));
  /** GNI per capita of the year, or of the latest year known before it. */
  const gniOf = (country: string, year: number): number => {
    for (let y = year; y >= year - 5; y--) {
      const usd = gni.get(`${country}:${y}`);
      if (usd !== undefined) return usd;
    }
    return 2_000;
  };
  const now = options.now ?? new Date();
  const post = async <T = Record<string, unknown>>(
    path: string,
    body: unknown,
    at: string,
  ): Promise<T> => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...options.headers,
        [OCCURRED_AT_HEADER]: at,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  };

  const existing = await fetch(`${api}/institutions?limit=1`, { headers: options.headers });
  if (existing.ok && ((await existing.json()) as { items?: unknown[] }).items?.length) {
    log('knowledge base: institutions are registered already; nothing added');
    return { institutions: 0, reports: 0, alreadySeeded: true };
  }
  const count = options.institutions ?? 36;
  let reports = 0;
  const institutionIds: string[] = new Array<string>(count);
  // Each institution's history is drawn first, in order (the same seed, the same
  // data), then recorded several institutions at a time.
  const histories: Array<() => Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const place = placeOf(i);
    const kind = i % 3 === 0 ? pick(INSTITUTION_KINDS) : 'microfinance-institution';
    const legalType = pick(LEGAL_TYPES.filter((t) => t !== 'other'));
    const programmes = PROGRAMMES.filter(() => random() < 0.35);
    const name = `${pick(NAMES)} ${SUFFIX[kind]} ${place.city}`;
    const traits = traitsOf(random);
    let openingEnd = place.rate2023 * (0.85 + 0.1 * random());
    // A quarter of them joined the reporting later, in the spring of 2025.
    const firstQuarter = random() < 0.25 ? 2 : 0;
    const filings: Array<{
      body: Record<string, unknown>;
      filedAt: string;
      restatement?: { body: Record<string, unknown>; at: string };
    }> = [];
    for (const [index, [year, quarter]] of QUARTERS.entries()) {
      const end =
        place.currency === 'USD' ? 1 : place.rate2023 * (0.85 + 0.025 * index + 0.05 * random());
      const start = place.currency === 'USD' ? 1 : openingEnd;
      const rates = { average: (start + end) / 2, end, openingEnd: start };
      openingEnd = end;
      if (index < firstQuarter) continue;
      const period = quarterOf(year, quarter);
      // Filed three to seven weeks after the quarter ended, in office hours.
      const filedAt = at(`${period.end}T09:00:00.000Z`, (21 + Math.floor(random() * 28)) * 24 * 60);
      const inputs = demoInputs(traits, index / 4, gniOf(place.country, year), rates, random, 0.25);
      if (Date.parse(filedAt) >= now.getTime()) continue;
      const fx = { periodAverage: round(rates.average), periodEnd: round(rates.end) };
      const restatedAt = at(filedAt, 60 * 24 * 60);
      filings.push({
        body: { period, currency: place.currency, fx, inputs },
        filedAt,
        ...(year === 2025 && quarter === 4 && i % 5 === 0 && Date.parse(restatedAt) < now.getTime()
          ? {
              restatement: {
                at: restatedAt,
                body: {
                  currency: place.currency,
                  fx,
                  inputs: {
                    ...inputs,
                    par30Balance: Math.min(
                      inputs.grossLoanPortfolio.closing - inputs.renegotiatedLoans,
                      Math.round(inputs.par30Balance * 1.4),
                    ),
                  },
                  reason:
                    'Audited statements: more loans past 30 days than the management accounts showed',
                },
              },
            }
          : {}),
      });
    }
    histories.push(async () => {
      const registered = await post<{ id: string }>(
        '/institutions',
        {
          name,
          kind,
          legalType,
          country: place.country,
          region: place.region,
          programmes,
          reportingDepartment: REPORTING_OFFICE[place.region],
        },
        at(REGISTERED_AT, i * 7),
      );
      const id = registered.id;
      institutionIds[i] = id;
      await post(`/institutions/${id}/activate`, {}, at(REGISTERED_AT, i * 7 + 30));
      for (const filing of filings) {
        const filed = await post<{ id: string }>(
          `/institutions/${id}/performance-reports`,
          filing.body,
          filing.filedAt,
        );
        reports++;
        if (filing.restatement) {
          await post(
            `/performance-reports/${filed.id}/restatements`,
            filing.restatement.body,
            filing.restatement.at,
          );
        }
      }
      if (i % 2 === 0) {
        for (const [t, target] of INSTITUTION_TARGETS.entries())
          await post(
            '/targets',
            { scope: 'institution', institutionId: id, ...target },
            at(TARGETS_SET_AT, i * 3 + t),
          );
      }
      log(`knowledge base: ${name} (${place.country}) registered with its reports`);
    });
  }
  await inParallel(histories, 8);
  for (const [p, programme] of PROGRAMMES.entries()) {
    for (const dueDate of ['2025-12-31', '2026-06-30']) {
      await post(
        '/targets',
        {
          scope: 'programme',
          programme,
          indicator: 'par30',
          comparator: 'at-most',
          threshold: 0.06,
          tolerance: 0.02,
          dueDate,
        },
        at(TARGETS_SET_AT, 24 * 60 + p),
      );
    }
  }
  await seedLibrary(post, institutionIds, now);
  log(`knowledge base: ${institutionIds.length} institutions, ${reports} reports`);
  return { institutions: institutionIds.length, reports };
}

async function seedLibrary(
  post: (path: string, body: unknown, at: string) => Promise<{ id?: string }>,
  institutionIds: string[],
  now: Date,
): Promise<void> {
  const assessment = await post(
    '/impact-assessments',
    {
      title: 'Group microcredit and child labour in rural Ghana',
      summary:
        'A cluster-randomised evaluation of group loans with a child-labour awareness module. No effect on household income; a small, imprecise reduction in hours of child work.',
      investigators: ['A. Mensah', 'L. Osei'],
      country: 'GH',
      status: 'completed',
      intervention: { start: '2022-03-01', end: '2024-02-29' },
      surveyRounds: [
        { round: 'baseline', date: '2022-02-10' },
        { round: 'endline', date: '2024-05-20' },
      ],
      design: { method: 'rct', unitOfRandomisation: 'village', clusters: 120 },
      sample: { planned: 2_400, achieved: 2_180, takeUp: 0.31, attrition: 0.09 },
      outcomes: [
        {
          outcome: 'income',
          estimator: 'ITT, OLS with strata fixed effects',
          effectSize: 0.02,
          standardError: 0.03,
          confidenceInterval: { lower: -0.04, upper: 0.08, level: 0.95 },
          finding: 'null',
        },
        {
          outcome: 'child-labour',
          estimator: 'ITT, hours in the last week',
          effectSize: -0.6,
          confidenceInterval: { lower: -1.3, upper: 0.1, level: 0.95 },
          finding: 'null',
        },
      ],
      links: [],
      themes: ['child-labour', 'vulnerability'],
      tags: ['group lending', 'ghana', 'rct'],
    },
    '2025-03-10T10:00:00.000Z',
  );
  await post(
    '/impact-assessments',
    {
      title: 'Formalisation incentives bundled with savings accounts for market vendors in Peru',
      summary:
        'Difference-in-differences comparison of vendors offered a savings account with registration support; registration rose, profits did not change.',
      investigators: ['R. Quispe'],
      country: 'PE',
      status: 'completed',
      surveyRounds: [
        { round: 'baseline', date: '2023-01-15' },
        { round: 'midline', date: '2023-09-01' },
        { round: 'endline', date: '2024-06-01' },
      ],
      design: { method: 'difference-in-differences' },
      sample: { planned: 900, achieved: 812 },
      outcomes: [
        {
          outcome: 'formalisation',
          estimator: 'DiD with vendor fixed effects',
          effectSize: 0.12,
          confidenceInterval: { lower: 0.05, upper: 0.19, level: 0.95 },
          finding: 'positive',
        },
        {
          outcome: 'business-profit',
          estimator: 'DiD with vendor fixed effects',
          effectSize: -0.01,
          confidenceInterval: { lower: -0.08, upper: 0.06, level: 0.95 },
          finding: 'null',
        },
      ],
      links: [],
      themes: ['formalisation', 'business-performance'],
      tags: ['savings', 'peru', 'market vendors'],
    },
    inThePast('2026-02-16T10:00:00.000Z', now),
  );
  await post(
    '/practice-notes',
    {
      title: 'Occupational safety checklists in loan appraisal',
      summary:
        'Loan officers walked clients through a ten-point safety checklist at appraisal; workplace accidents reported by clients fell.',
      practiceKind: 'good-practice',
      themes: ['occupational-safety-and-health'],
      tags: ['loan appraisal', 'safety'],
      institutionIds: institutionIds.slice(0, 2),
      assessmentIds: assessment.id ? [assessment.id] : [],
    },
    '2025-06-12T10:00:00.000Z',
  );
  await post(
    '/practice-notes',
    {
      title: 'Revolving funds inside social projects',
      summary:
        'Revolving loan funds run by a non-financial project lost most of their capital within three years; refer clients to specialised providers instead.',
      practiceKind: 'bad-practice',
      themes: ['client-protection'],
      tags: ['revolving fund', 'direct lending'],
      institutionIds: [],
      assessmentIds: [],
    },
    inThePast('2026-04-21T10:00:00.000Z', now),
  );
}

/** The i-th institution's country: the regions in turn, then the countries of each region in turn. */
function placeOf(i: number): (typeof DEMO_COUNTRIES)[number] {
  const region = REGIONS[i % REGIONS.length];
  const inRegion = DEMO_COUNTRIES.filter((c) => c.region === region);
  return (
    inRegion[Math.floor(i / REGIONS.length) % inRegion.length] ??
    (DEMO_COUNTRIES[0] as (typeof DEMO_COUNTRIES)[number])
  );
}

/** `minutes` after `base` (ISO 8601). */
function at(base: string, minutes: number): string {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString();
}

/** `time`, or an hour ago when `time` is not past yet (a demo run early in 2026). */
function inThePast(time: string, now: Date): string {
  return Date.parse(time) < now.getTime()
    ? time
    : new Date(now.getTime() - 3_600_000).toISOString();
}

/** The first and last day of a calendar quarter. */
function quarterOf(year: number, quarter: 1 | 2 | 3 | 4): { start: string; end: string } {
  const first = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const last = new Date(Date.UTC(year, quarter * 3, 0));
  return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
}

function round(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}
