import { normaliseFigures, aggregateFigures } from './normalised-figures';
import { periodLength } from './report-period';
import { standardRatios, type Ratios } from './standard-ratios';
import { workedExampleA, workedExampleB } from './testing/worked-example';

const valueOf = (ratios: Ratios, key: keyof Ratios) => ratios[key].value;

describe('standard ratios, worked by hand', () => {
  it('example A: a year in USD', () => {
    const r = standardRatios(normaliseFigures(workedExampleA()), 1_800);
    // 260 000 / (40 000 + 12 000 + 160 000)
    expect(valueOf(r, 'oss')).toBeCloseTo(260_000 / 212_000, 12);
    expect(valueOf(r, 'oss')).toBeCloseTo(1.226415, 6);
    // 260 000 / (212 000 + 10 000 + 6 000 + 1 000 + 5 000)
    expect(valueOf(r, 'fss')).toBeCloseTo(260_000 / 234_000, 12);
    expect(valueOf(r, 'roa')).toBeCloseTo(0.03, 12); // 30 000 / 1 000 000
    expect(valueOf(r, 'roe')).toBeCloseTo(0.15, 12); // 30 000 / 200 000
    expect(valueOf(r, 'aroa')).toBeCloseTo(0.008, 12); // (30 000 − 22 000) / 1 000 000
    expect(valueOf(r, 'aroe')).toBeCloseTo(0.04, 12); // 8 000 / 200 000
    expect(valueOf(r, 'portfolioYield')).toBeCloseTo(0.3, 12); // 240 000 / 800 000
    expect(valueOf(r, 'par30')).toBeCloseTo(0.04, 12); // (30 000 + 6 000) / 900 000
    expect(valueOf(r, 'writeOffRatio')).toBeCloseTo(0.01, 12); // 8 000 / 800 000
    expect(valueOf(r, 'riskCoverage')).toBeCloseTo(1, 12); // 36 000 / 36 000
    expect(valueOf(r, 'impairmentExpenseRatio')).toBeCloseTo(0.015, 12); // 12 000 / 800 000
    expect(valueOf(r, 'operatingExpenseRatio')).toBeCloseTo(0.2, 12); // 160 000 / 800 000
    expect(valueOf(r, 'costPerBorrower')).toBeCloseTo(40, 12); // 160 000 / ((3 000 + 5 000) / 2)
    expect(valueOf(r, 'borrowersPerLoanOfficer')).toBe(200); // 5 000 / 25
    expect(valueOf(r, 'borrowersPerStaff')).toBe(62.5); // 5 000 / 80
    expect(valueOf(r, 'averageLoanBalancePerBorrower')).toBe(180); // 900 000 / 5 000
    expect(valueOf(r, 'depth')).toBeCloseTo(0.1, 12); // 180 / 1 800
    expect(valueOf(r, 'womenBorrowersShare')).toBeCloseTo(0.65, 12); // 3 250 / 5 000
    expect(valueOf(r, 'averageSavingsPerSaver')).toBe(125); // 250 000 / 2 000
    expect(valueOf(r, 'averageSavingsPerSaverToGni')).toBeCloseTo(125 / 1_800, 12);
  });

  it('example B: a quarter in KES: flows at the average rate and annualised, stocks at the end rate', () => {
    const f = normaliseFigures(workedExampleB());
    expect(f.averageGlp).toBeCloseTo(900_000, 6); // (80 M + 100 M) / 2 / 100
    expect(f.operatingExpense).toBeCloseTo(144_000, 6); // 4.5 M / 125 × 4
    const r = standardRatios(f, 2_000);
    expect(valueOf(r, 'operatingExpenseRatio')).toBeCloseTo(0.16, 12); // 144 000 / 900 000
    expect(valueOf(r, 'portfolioYield')).toBeCloseTo(0.32, 12); // 9 M / 125 × 4 = 288 000 / 900 000
    expect(valueOf(r, 'writeOffRatio')).toBeCloseTo(0.04, 12); // 1.125 M / 125 × 4 = 36 000 / 900 000
    expect(valueOf(r, 'oss')).toBeCloseTo(10 / 7, 12); // rates and annualisation cancel out
    expect(valueOf(r, 'par30')).toBeCloseTo(0.05, 12); // 5 M / 100 M
    expect(valueOf(r, 'roa')).toBeCloseTo(80_000 / 1_300_000, 12); // 2.5 M / 125 × 4 over (1.2 M + 1.4 M) / 2
    expect(valueOf(r, 'costPerBorrower')).toBeCloseTo(14.4, 12); // 144 000 / 10 000
    expect(valueOf(r, 'averageLoanBalancePerBorrower')).toBeCloseTo(1_000_000 / 11_000, 9);
    expect(valueOf(r, 'depth')).toBeCloseTo(1_000_000 / 11_000 / 2_000, 12);
    expect(valueOf(r, 'womenBorrowersShare')).toBeCloseTo(0.7, 12);
  });

  it('a ratio with a zero or missing denominator is absent with the reason', () => {
    const r = standardRatios(normaliseFigures(workedExampleB()));
    expect(r.borrowersPerLoanOfficer).toEqual({ value: null, reason: 'loan officers is zero' });
    expect(r.fss).toEqual({
      value: null,
      reason: 'the report gives no subsidy and inflation adjustments',
    });
    expect(r.aroa.value).toBeNull();
    expect(r.depth).toEqual({
      value: null,
      reason: 'no GNI per capita is recorded for the country and year',
    });
    expect(r.averageLoanBalancePerBorrower.value).not.toBeNull();

    const empty = workedExampleA();
    empty.inputs.par30Balance = 0;
    empty.inputs.renegotiatedLoans = 0;
    empty.inputs.equity = { opening: -50_000, closing: -10_000 };
    const r2 = standardRatios(normaliseFigures(empty), 1_800);
    expect(r2.riskCoverage).toEqual({ value: null, reason: 'PAR30 balance is zero' });
    expect(r2.par30).toEqual({ value: 0 });
    expect(r2.roe).toEqual({ value: null, reason: 'average equity is negative' });
  });

  it('annualises by whole months, else by days over 365', () => {
    expect(periodLength({ start: '2025-04-01', end: '2025-06-30' })).toMatchObject({
      months: 3,
      years: 0.25,
      annualisationFactor: 4,
    });
    expect(periodLength({ start: '2024-01-01', end: '2024-12-31' })).toMatchObject({
      months: 12,
      years: 1,
      annualisationFactor: 1,
    });
    expect(periodLength({ start: '2024-07-01', end: '2025-06-30' })).toMatchObject({
      months: 12,
      annualisationFactor: 1,
    });
    const irregular = periodLength({ start: '2025-01-15', end: '2025-03-15' });
    expect(irregular.days).toBe(60);
    expect(irregular.annualisationFactor).toBeCloseTo(365 / 60, 12);
  });

  it('a portfolio weighs institutions by size: ratios of the summed figures', () => {
    const a = normaliseFigures(workedExampleA());
    const b = normaliseFigures(workedExampleB());
    const total = aggregateFigures([a, b])!;
    const r = standardRatios(total);
    // PAR30: (36 000 + 50 000) / (900 000 + 1 000 000)
    expect(r.par30.value).toBeCloseTo(86_000 / 1_900_000, 12);
    // B has no adjustments, so the portfolio has no FSS
    expect(r.fss.value).toBeNull();
    expect(aggregateFigures([])).toBeUndefined();
  });
});
