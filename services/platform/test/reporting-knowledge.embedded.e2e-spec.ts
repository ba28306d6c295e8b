import {
  exampleAssessment,
  institutionRegistration,
  institutionTarget,
  workedExampleA,
} from '@sfp/knowledge-base/testing';
import { httpClient as client, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { startTestPlatform } from './support/test-platform';

type Json = Record<string, any>;

/**
 * A quarter of 2025 in KES at 125 per USD on average and 100 at the end (the
 * knowledge base's worked example B, rural clients 5,500): flows × 4 to a year.
 */
const quarterInKes = {
  period: { start: '2025-04-01', end: '2025-06-30' },
  currency: 'KES',
  fx: { periodAverage: 125, periodEnd: 100 },
  inputs: {
    totalAssets: { opening: 120_000_000, closing: 140_000_000 },
    equity: { opening: 25_000_000, closing: 27_000_000 },
    grossLoanPortfolio: { opening: 80_000_000, closing: 100_000_000 },
    impairmentAllowance: 4_000_000,
    voluntarySavings: 30_000_000,
    par30Balance: 5_000_000,
    renegotiatedLoans: 0,
    writeOffs: 1_125_000,
    financialRevenue: 10_000_000,
    portfolioRevenue: 9_000_000,
    financialExpense: 2_000_000,
    impairmentExpense: 500_000,
    operatingExpense: 4_500_000,
    netOperatingIncomeAfterTaxes: 2_500_000,
    activeBorrowers: { opening: 9_000, closing: 11_000 },
    activeWomenBorrowers: 7_700,
    ruralClients: 5_500,
    voluntarySavers: 12_000,
    loanOfficers: 40,
    personnel: 80,
  },
};

/**
 * The knowledge management section of the Governing Body report from the
 * knowledge base's own events on the embedded platform: reports filed over
 * HTTP (the knowledge base computes the ratios), a target judged, an impact
 * assessment recorded; reporting aggregates them. Figures worked by hand:
 *
 * 2025, the latest report per institution whose period ends in 2025:
 *   A (worked example A, USD, 2025): borrowers 5,000, women 3,250, rural 2,500, savers 2,000;
 *     OSS 260,000 / 212,000 (weight: expenses 212,000); FSS 260,000 / 234,000;
 *     PAR30 36,000 / 900,000 = 4 % (weight: GLP 900,000); write-off 8,000 / 800,000 = 1 % (800,000)
 *     (A's 2024 report, PAR30 54,000 / 900,000 = 6 %, ends in 2024: not aggregated)
 *   B (the KES quarter): borrowers 11,000, women 7,700, rural 5,500, savers 12,000;
 *     OSS 10 M / 7 M = 1.4286 (weight: 7 M / 125 × 4 = 224,000 USD); no FSS;
 *     PAR30 5 M / 100 M = 5 % (weight 1,000,000 USD); write-off (1.125 M / 125 × 4 = 36,000) /
 *     (90 M / 100 = 900,000) = 4 % (weight 900,000)
 *   borrowers 16,000 (median 8,000); savers 14,000 (median 7,000);
 *   women (3,250 + 7,700) / 16,000 = 68.44 %, median (65 + 70) / 2 = 67.5 %;
 *   rural 8,000 / 16,000 = 50 %, median 50 %;
 *   OSS (260,000 + 320,000) / 436,000 = 133.03 %, median (122.64 + 142.86) / 2 = 132.75 %;
 *   FSS 111.11 % (n 1); PAR30 86,000 / 1,900,000 = 4.53 %, median 4.5 %;
 *   write-off 44,000 / 1,700,000 = 2.59 %, median 2.5 %.
 *   Target on A, PAR30 at most 5 % due 2025-12-31: 4 % (A 2025) against 6 % (A 2024), improving, on track.
 * This year: the impact assessment recorded as completed.
 */
describe('knowledge management in the Governing Body report (embedded platform, e2e)', () => {
  let platform: EmbeddedPlatform;
  let operator: ReturnType<typeof client>;
  let analyst: ReturnType<typeof client>;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-reporting-kb-', {
      SFP_ADMIN_PASSWORD: 'reporting kb e2e phrase',
    });
    const admin = client(
      `${platform.url}/api/auth`,
      await signIn(platform.url, 'admin', 'reporting kb e2e phrase'),
    );
    for (const [username, roles] of [
      ['olga', ['operator']],
      ['anna', ['analyst']],
    ] as const) {
      const created = await admin.post('/users', {
        username,
        displayName: username,
        roles,
        password: 'e2e user phrase 1',
      });
      expect(created.status).toBe(201);
    }
    operator = client(
      `${platform.url}/api/knowledge-base`,
      await signIn(platform.url, 'olga', 'e2e user phrase 1'),
    );
    analyst = client(
      `${platform.url}/api/reporting`,
      await signIn(platform.url, 'anna', 'e2e user phrase 1'),
    );
  });

  afterAll(async () => {
    await platform?.close();
  });

  const register = async (name: string): Promise<string> => {
    const created = await operator.post<Json>('/institutions', institutionRegistration({ name }));
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect((await operator.post(`/institutions/${id}/activate`, {})).status).toBe(200);
    return id;
  };
  const file = async (institutionId: string, report: object) => {
    const filed = await operator.post<Json>(
      `/institutions/${institutionId}/performance-reports`,
      report,
    );
    expect(filed.status).toBe(201);
  };

  const knowledge = (report: Json): Json =>
    (report['functions'] as Json[]).find((f) => f['function'] === 'knowledge-management')!;
  const figures = (report: Json): Record<string, Json> =>
    Object.fromEntries(
      (knowledge(report)['figures'] as Json[])
        .filter((f) => f['key'] === null)
        .map((f) => [f['metric'], f]),
    );
  const reportOf = async (period: number, ready: (report: Json) => boolean) => {
    let report: Json = {};
    for (let i = 0; i < 150; i++) {
      report = (await analyst.get<Json>(`/reports/progress?period=${period}`)).body;
      if (ready(report)) return report;
      await new Promise((r) => setTimeout(r, 100));
    }
    return report;
  };

  it('aggregates outreach and sustainability over the institutions, weighted, with median and n; targets against results', async () => {
    const a = await register('Umoja Microfinance');
    const b = await register('Pamoja Savings and Credit');
    const a2024 = workedExampleA();
    a2024.period = { start: '2024-01-01', end: '2024-12-31' };
    a2024.inputs.par30Balance = 48_000;
    await file(a, a2024);
    await file(a, workedExampleA());
    await file(b, quarterInKes);
    expect((await operator.post('/targets', institutionTarget(a))).status).toBe(201);

    const report = await reportOf(
      2025,
      (r) =>
        figures(r)['institutionsWithFigures']?.['value'] === 2 &&
        figures(r)['targetsDue']?.['value'] === 1 &&
        (knowledge(r)['tables'] as Json[]).find(
          (t) => t['id'] === 'knowledge-management.targets-against-results',
        )?.['rows'][0]?.['status']?.['value'] === 'On track',
    );
    const value = (metric: string) => figures(report)[metric]?.['value'];
    expect(
      Object.fromEntries(
        [
          'activeBorrowersTotal',
          'activeBorrowersMedian',
          'activeSaversTotal',
          'activeSaversMedian',
          'womenBorrowersPercentWeighted',
          'womenBorrowersPercentMedian',
          'ruralClientsPercentWeighted',
          'ruralClientsPercentMedian',
          'ossPercentWeighted',
          'ossPercentMedian',
          'ossInstitutions',
          'fssPercentWeighted',
          'fssInstitutions',
          'par30PercentWeighted',
          'par30PercentMedian',
          'writeOffPercentWeighted',
          'writeOffPercentMedian',
          'depthInstitutions',
        ].map((m) => [m, value(m)]),
      ),
    ).toEqual({
      activeBorrowersTotal: 16_000,
      activeBorrowersMedian: 8_000,
      activeSaversTotal: 14_000,
      activeSaversMedian: 7_000,
      womenBorrowersPercentWeighted: 68.44,
      womenBorrowersPercentMedian: 67.5,
      ruralClientsPercentWeighted: 50,
      ruralClientsPercentMedian: 50,
      ossPercentWeighted: 133.03,
      ossPercentMedian: 132.75,
      ossInstitutions: 2,
      fssPercentWeighted: 111.11,
      fssInstitutions: 1,
      par30PercentWeighted: 4.53,
      par30PercentMedian: 4.5,
      writeOffPercentWeighted: 2.59,
      writeOffPercentMedian: 2.5,
      depthInstitutions: 2,
    });
    // Labels and formatted figures for the reader.
    expect(figures(report)['ossPercentWeighted']).toMatchObject({
      label: 'Operational self-sufficiency (OSS, %, weighted by expenses)',
      unit: 'percent',
      formatted: '133%',
    });
    expect(figures(report)['activeBorrowersTotal']?.['formatted']).toBe('16,000');

    const targets = (knowledge(report)['tables'] as Json[]).find(
      (t) => t['id'] === 'knowledge-management.targets-against-results',
    )!;
    const row = targets['rows'][0] as Json;
    expect(
      Object.fromEntries(
        ['institution', 'indicator', 'target', 'actual', 'previous', 'status', 'trend'].map((c) => [
          c,
          row[c]['formatted'],
        ]),
      ),
    ).toEqual({
      institution: 'Umoja Microfinance',
      indicator: 'Portfolio at risk > 30 days (PAR30)',
      target: '5%',
      actual: '4%',
      previous: '6%',
      status: 'On track',
      trend: 'Improving',
    });
    const csv = await analyst.get(
      '/reports/progress?period=2025&format=csv&table=knowledge-management.targets-against-results',
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Umoja Microfinance');
    expect(csv.text).toContain('Improving');
  });

  it('lists the impact assessments completed in the period with their headline findings', async () => {
    const recorded = await operator.post<Json>('/impact-assessments', exampleAssessment());
    expect(recorded.status).toBe(201);
    const report = await reportOf(
      year,
      (r) => figures(r)['impactAssessmentsCompleted']?.['value'] === 1,
    );
    expect(figures(report)['impactAssessmentsCompleted']?.['value']).toBe(1);
    const impact = (knowledge(report)['tables'] as Json[]).find(
      (t) => t['id'] === 'knowledge-management.impact-assessments-completed',
    )!;
    expect(impact['rows'][0]).toMatchObject({
      title: { value: 'Microcredit and child labour in rural Ghana' },
      design: { value: 'Randomised controlled trial' },
      findings: { value: 'Income: No effect found (null result)' },
    });
  });
});
