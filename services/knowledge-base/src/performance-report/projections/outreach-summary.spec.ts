import { normaliseFigures } from '../domain/normalised-figures';
import { standardRatios } from '../domain/standard-ratios';
import { workedExampleA, workedExampleB } from '../domain/testing/worked-example';
import { irisValues } from '../../institution/projections/iris-export';
import { latestPerInstitutionAndYear, outreachSummary } from './outreach-summary';
import type { ReportRow } from './performance-reports.projection';

function row(
  institutionId: string,
  figures: ReturnType<typeof workedExampleA>,
  region: string,
  gni?: number,
): ReportRow {
  return {
    reportId: `${institutionId}_${figures.period.start}_${figures.period.end}`,
    institutionId,
    institutionName: institutionId,
    kind: 'microfinance-institution',
    legalType: 'nbfi',
    country: 'KE',
    region,
    programmes: [],
    period: figures.period,
    periodStart: figures.period.start,
    periodEnd: figures.period.end,
    year: Number(figures.period.end.slice(0, 4)),
    version: 1,
    currency: figures.currency,
    fx: figures.fx,
    inputs: figures.inputs,
    ratios: standardRatios(normaliseFigures(figures), gni),
    figures: normaliseFigures(figures),
    versions: [],
    filedAt: '2026-01-01T00:00:00.000Z',
    lastChangedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('poverty outreach summary', () => {
  it('sums people and USD portfolios by region and year, from the last report of each institution in the year', () => {
    const a = row('a', workedExampleA(), 'africa', 1_800);
    const quarter = row('b', workedExampleB(), 'africa'); // Q2 2025
    const laterQuarter = row(
      'b',
      { ...workedExampleB(), period: { start: '2025-07-01', end: '2025-09-30' } },
      'africa',
    );
    expect(latestPerInstitutionAndYear([a, quarter, laterQuarter]).map((r) => r.reportId)).toEqual([
      'a_2025-01-01_2025-12-31',
      'b_2025-07-01_2025-09-30',
    ]);
    const [summary] = outreachSummary([a, quarter, laterQuarter]);
    expect(summary).toMatchObject({
      region: 'africa',
      year: 2025,
      institutions: 2,
      activeBorrowers: 16_000, // 5 000 + 11 000
      activeWomenBorrowers: 10_950, // 3 250 + 7 700
      ruralClients: 8_500,
      voluntarySavers: 14_000,
      grossLoanPortfolioUsd: 1_900_000, // 900 000 + 100 M KES / 100
      depthNotComputable: 1, // B has no GNI per capita
    });
    expect(summary?.averageLoanBalanceUsd).toBeCloseTo(1_900_000 / 16_000, 9);
    expect(summary?.medianDepth).toBeCloseTo(0.1, 12);
    expect(summary?.womenShare).toBeCloseTo(10_950 / 16_000, 12);
  });

  it('IRIS+ export: the metric ids of the domain brief, amounts in the currency and in USD', () => {
    const values = irisValues(row('b', workedExampleB(), 'africa'));
    const of = (id: string, currency?: string) =>
      values.find((v) => v.irisId === id && v.currency === currency);
    expect(of('PI8732')?.value).toBe(11_000);
    expect(of('FP2635')?.value).toBeCloseTo(0.05, 12);
    expect(of('FP9717', 'KES')?.value).toBe(1_125_000);
    expect(of('FP9717', 'USD')?.value).toBeCloseTo(9_000, 9); // at the average rate, for the period (not annualised)
    expect(of('FP2392', 'USD')?.value).toBeCloseTo(40_000, 9); // at the period-end rate
    expect(of('PI9250')).toMatchObject({ value: null, reason: 'loan officers is zero' });
  });
});
