import { gniSeedEntries } from '../gni/domain/gni-seed-values';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../shared/domain/reference-data';
import { DEMO_COUNTRIES, REPORTING_OFFICE } from './demo-countries';
import { demoInputs, randomFrom, traitsOf } from './demo-report-figures';

export interface SeedKnowledgeBaseOptions {
  /** The platform's root, e.g. http://127.0.0.1:3000 (the API is under /api/knowledge-base). */
  baseUrl: string;
  seed: number;
  /** Sent with every request (the caller's credentials). */
  headers: Record<string, string>;
  log?: (line: string) => void;
  /** Institutions to register (default 36). */
  institutions?: number;
}

const YEARS = [2022, 2023, 2024, 2025];
/** The targets set on every other institution. */
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
 * regions, each with annual performance reports 2022-2025 (figures built to
 * respect every identity, in the local currency), a restatement now and then,
 * targets with tolerance bands, and a few impact assessments and practice
 * notes for the library. The same seed gives the same data.
 */
export async function seedKnowledgeBase(
  options: SeedKnowledgeBaseOptions,
): Promise<{ institutions: number; reports: number }> {
  const api = `${options.baseUrl.replace(/\/$/, '')}/api/knowledge-base`;
  const log = options.log ?? (() => undefined);
  const random = randomFrom(options.seed);
  const pick = <T>(list: readonly [T, ...T[]] | readonly T[]): T =>
    list[Math.floor(random() * list.length)] as T;
  const gni = new Map(gniSeedEntries().map((e) => [`${e.country}:${e.year}`, e.usd]));
  const post = async <T = Record<string, unknown>>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  };

  const count = options.institutions ?? 36;
  let reports = 0;
  const institutionIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const place = placeOf(i);
    const kind = i % 3 === 0 ? pick(INSTITUTION_KINDS) : 'microfinance-institution';
    const legalType = pick(LEGAL_TYPES.filter((t) => t !== 'other'));
    const programmes = PROGRAMMES.filter(() => random() < 0.35);
    const name = `${pick(NAMES)} ${SUFFIX[kind]} ${place.city}`;
    const registered = await post<{ id: string }>('/institutions', {
      name,
      kind,
      legalType,
      country: place.country,
      region: place.region,
      programmes,
      reportingDepartment: REPORTING_OFFICE[place.region],
    });
    const id = registered.id;
    institutionIds.push(id);
    await post(`/institutions/${id}/activate`, {});

    const traits = traitsOf(random);
    let openingEnd = place.rate2023 * (0.85 + 0.1 * random());
    const firstYear = random() < 0.25 ? 1 : 0;
    for (const [index, year] of YEARS.entries()) {
      const end =
        place.currency === 'USD' ? 1 : place.rate2023 * (0.8 + 0.1 * index + 0.1 * random());
      const start = place.currency === 'USD' ? 1 : openingEnd;
      const rates = { average: (start + end) / 2, end, openingEnd: start };
      openingEnd = end;
      if (index < firstYear) continue;
      const inputs = demoInputs(
        traits,
        index,
        gni.get(`${place.country}:${year}`) ?? 2_000,
        rates,
        random,
      );
      const filed = await post<{ id: string }>(`/institutions/${id}/performance-reports`, {
        period: { start: `${year}-01-01`, end: `${year}-12-31` },
        currency: place.currency,
        fx: { periodAverage: round(rates.average), periodEnd: round(rates.end) },
        inputs,
      });
      reports++;
      if (year === 2025 && i % 5 === 0) {
        await post(`/performance-reports/${filed.id}/restatements`, {
          currency: place.currency,
          fx: { periodAverage: round(rates.average), periodEnd: round(rates.end) },
          inputs: {
            ...inputs,
            par30Balance: Math.min(
              inputs.grossLoanPortfolio.closing - inputs.renegotiatedLoans,
              Math.round(inputs.par30Balance * 1.4),
            ),
          },
          reason: 'Audited statements: more loans past 30 days than the management accounts showed',
        });
      }
    }
    if (i % 2 === 0) {
      for (const target of INSTITUTION_TARGETS)
        await post('/targets', { scope: 'institution', institutionId: id, ...target });
    }
    log(`knowledge base: ${name} (${place.country}) registered with its reports`);
  }
  for (const programme of PROGRAMMES) {
    await post('/targets', {
      scope: 'programme',
      programme,
      indicator: 'par30',
      comparator: 'at-most',
      threshold: 0.06,
      tolerance: 0.02,
      dueDate: '2025-12-31',
    });
  }
  await seedLibrary(post, institutionIds);
  log(`knowledge base: ${institutionIds.length} institutions, ${reports} reports`);
  return { institutions: institutionIds.length, reports };
}

async function seedLibrary(
  post: (path: string, body: unknown) => Promise<{ id?: string }>,
  institutionIds: string[],
): Promise<void> {
  const assessment = await post('/impact-assessments', {
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
  });
  await post('/impact-assessments', {
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
  });
  await post('/practice-notes', {
    title: 'Occupational safety checklists in loan appraisal',
    summary:
      'Loan officers walked clients through a ten-point safety checklist at appraisal; workplace accidents reported by clients fell.',
    practiceKind: 'good-practice',
    themes: ['occupational-safety-and-health'],
    tags: ['loan appraisal', 'safety'],
    institutionIds: institutionIds.slice(0, 2),
    assessmentIds: assessment.id ? [assessment.id] : [],
  });
  await post('/practice-notes', {
    title: 'Revolving funds inside social projects',
    summary:
      'Revolving loan funds run by a non-financial project lost most of their capital within three years; refer clients to specialised providers instead.',
    practiceKind: 'bad-practice',
    themes: ['client-protection'],
    tags: ['revolving fund', 'direct lending'],
    institutionIds: [],
    assessmentIds: [],
  });
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

function round(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}
