import type { PerformanceInputs, ReportFigures } from './performance-inputs';
import {
  assertIdentities,
  IdentityViolatedError,
  identityProblems,
  MAX_AMOUNT,
  MAX_COUNT,
} from './report-identities';
import { workedExampleA, workedExampleB } from './testing/worked-example';

const withInputs = (change: Partial<PerformanceInputs>): ReportFigures => {
  const figures = workedExampleA();
  return { ...figures, inputs: { ...figures.inputs, ...change } };
};
const identitiesOf = (figures: ReportFigures) =>
  identityProblems(figures).map((p) => `${p.identity} ${p.field}`);
/** What assertIdentities throws for the figures: an IdentityViolatedError, or the spec fails. */
const refusalOf = (figures: ReportFigures): IdentityViolatedError => {
  let refusal: unknown;
  try {
    assertIdentities(figures);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(IdentityViolatedError);
  return refusal as IdentityViolatedError;
};

describe('identities of good input', () => {
  it('accepts the worked examples', () => {
    expect(identityProblems(workedExampleA())).toEqual([]);
    expect(identityProblems(workedExampleB())).toEqual([]);
    expect(() => assertIdentities(workedExampleA())).not.toThrow();
  });

  it('PAR30 balance (with renegotiated loans) ≤ GLP', () => {
    expect(identitiesOf(withInputs({ par30Balance: 900_000, renegotiatedLoans: 1 }))).toEqual([
      'par30-within-glp inputs.par30Balance',
    ]);
    expect(identitiesOf(withInputs({ par30Balance: 900_000, renegotiatedLoans: 0 }))).toEqual([]);
  });

  it('women borrowers ≤ active borrowers; loan officers ≤ personnel; write-offs ≥ 0', () => {
    expect(identitiesOf(withInputs({ activeWomenBorrowers: 5_001 }))).toEqual([
      'women-within-borrowers inputs.activeWomenBorrowers',
    ]);
    expect(identitiesOf(withInputs({ loanOfficers: 81 }))).toEqual([
      'loan-officers-within-personnel inputs.loanOfficers',
    ]);
    expect(identitiesOf(withInputs({ writeOffs: -1 }))).toEqual([
      'write-offs-non-negative inputs.writeOffs',
    ]);
  });

  it('averages need opening and closing balances', () => {
    const missing = withInputs({
      grossLoanPortfolio: { closing: 900_000 } as never,
      activeBorrowers: { opening: 3_000 } as never,
    });
    expect(identitiesOf(missing)).toEqual([
      'averages-need-opening-and-closing inputs.grossLoanPortfolio.opening',
      'averages-need-opening-and-closing inputs.activeBorrowers.closing',
    ]);
  });

  it('counts are whole and ≥ 0; amounts ≥ 0 except equity, net income and net impairment loss', () => {
    expect(identitiesOf(withInputs({ voluntarySavers: -3, ruralClients: 2.5 }))).toEqual([
      'counts-are-whole-non-negative inputs.ruralClients',
      'counts-are-whole-non-negative inputs.voluntarySavers',
    ]);
    expect(identitiesOf(withInputs({ operatingExpense: -5 }))).toEqual([
      'amounts-non-negative inputs.operatingExpense',
    ]);
    expect(
      identitiesOf(
        withInputs({
          equity: { opening: -10, closing: -5 },
          netOperatingIncomeAfterTaxes: -9,
          impairmentExpense: -2,
        }),
      ),
    ).toEqual([]);
    expect(identitiesOf(withInputs({ financialRevenue: Number.NaN }))).toEqual([
      'amounts-finite inputs.financialRevenue',
    ]);
  });

  it('currency, rates and period', () => {
    const figures = workedExampleA();
    expect(
      identitiesOf({ ...figures, currency: 'XYZ', fx: { periodAverage: 1, periodEnd: 1 } }),
    ).toEqual(['known-currency currency']);
    expect(identitiesOf({ ...figures, fx: { periodAverage: 1, periodEnd: 2 } })).toEqual([
      'fx-rates-positive fx.periodEnd',
    ]);
    expect(
      identitiesOf({ ...figures, currency: 'KES', fx: { periodAverage: 0, periodEnd: 128 } }),
    ).toEqual(['fx-rates-positive fx.periodAverage']);
    expect(
      identitiesOf({ ...figures, period: { start: '2025-01-01', end: '2026-01-31' } }),
    ).toEqual(['valid-period period.end']);
    expect(
      identitiesOf({ ...figures, period: { start: '2025-02-30', end: '2025-12-31' } }),
    ).toEqual(['valid-period period.start']);
  });

  // Worked example A: 260 000 − 40 000 − 12 000 − 160 000 = 48 000 before taxes; it reports 30 000 after.
  it('net operating income after taxes matches the income statement, with taxes from 0 to the financial revenue', () => {
    const net = 'net-income-matches-statement inputs.netOperatingIncomeAfterTaxes';
    // ROA 1 380 000 / 1 000 000 = 138 %: more than the statement leaves.
    expect(identitiesOf(withInputs({ netOperatingIncomeAfterTaxes: 1_380_000 }))).toEqual([net]);
    expect(identitiesOf(withInputs({ netOperatingIncomeAfterTaxes: 48_000 }))).toEqual([]); // no taxes
    // Rounding: 5 units, or 0.5 % of the figures involved (0.005 × 523 000 = 2 615 here).
    expect(identitiesOf(withInputs({ netOperatingIncomeAfterTaxes: 50_600 }))).toEqual([]);
    expect(identitiesOf(withInputs({ netOperatingIncomeAfterTaxes: 51_000 }))).toEqual([net]);
    // A restated expense without the income it changes.
    expect(identitiesOf(withInputs({ operatingExpense: 240_000 }))).toEqual([net]);
    expect(
      identitiesOf(
        withInputs({ operatingExpense: 240_000, netOperatingIncomeAfterTaxes: -32_000 }),
      ),
    ).toEqual([]);
    // Recoveries above new provisions (negative net impairment loss) add to income.
    expect(
      identitiesOf(
        withInputs({ impairmentExpense: -20_000, netOperatingIncomeAfterTaxes: 80_000 }),
      ),
    ).toEqual([]);
    // Taxes of the whole financial revenue at most: a loss no larger than the expenses (212 000).
    expect(identitiesOf(withInputs({ netOperatingIncomeAfterTaxes: -212_000 }))).toEqual([]);
    expect(identitiesOf(withInputs({ netOperatingIncomeAfterTaxes: -230_000 }))).toEqual([net]);
    // A figure that is itself wrong is named once, not again by the statement.
    expect(
      identitiesOf(withInputs({ financialExpense: -1, netOperatingIncomeAfterTaxes: 1_380_000 })),
    ).toEqual(['amounts-non-negative inputs.financialExpense']);
  });

  it('portfolio revenue ≤ financial revenue, within rounding', () => {
    expect(identitiesOf(withInputs({ portfolioRevenue: 300_000 }))).toEqual([
      'portfolio-revenue-within-financial-revenue inputs.portfolioRevenue',
    ]);
    expect(identitiesOf(withInputs({ portfolioRevenue: 260_000 }))).toEqual([]);
    expect(identitiesOf(withInputs({ portfolioRevenue: 260_004 }))).toEqual([]);
  });

  it('amounts within ±10^15, counts within 10^9, rates within 10^-4 to 10^9 per USD', () => {
    expect(identitiesOf(withInputs({ financialRevenue: 1e308 }))).toEqual([
      'amounts-within-bounds inputs.financialRevenue',
    ]);
    expect(identitiesOf(withInputs({ totalAssets: { opening: 900_000, closing: 1e200 } }))).toEqual(
      ['amounts-within-bounds inputs.totalAssets.closing'],
    );
    expect(identitiesOf(withInputs({ equity: { opening: -2e15, closing: 220_000 } }))).toEqual([
      'amounts-within-bounds inputs.equity.opening',
    ]);
    expect(identitiesOf(withInputs({ netOperatingIncomeAfterTaxes: -1e300 }))).toEqual([
      'amounts-within-bounds inputs.netOperatingIncomeAfterTaxes',
    ]);
    const adjustments = {
      subsidisedFundingCost: 0,
      inKindSubsidies: 1e16,
      inflationOnEquity: 0,
      impairmentLoss: 0,
    };
    expect(identitiesOf(withInputs({ adjustments }))).toEqual([
      'amounts-within-bounds inputs.adjustments.inKindSubsidies',
    ]);
    expect(
      identitiesOf(
        withInputs({
          totalAssets: { opening: MAX_AMOUNT, closing: MAX_AMOUNT },
          voluntarySavings: MAX_AMOUNT,
        }),
      ),
    ).toEqual([]);

    expect(identitiesOf(withInputs({ personnel: 2e9 }))).toEqual([
      'counts-within-bounds inputs.personnel',
    ]);
    expect(
      identitiesOf(withInputs({ activeBorrowers: { opening: 3_000, closing: MAX_COUNT + 1 } })),
    ).toEqual(['counts-within-bounds inputs.activeBorrowers.closing']);
    expect(identitiesOf(withInputs({ ruralClients: MAX_COUNT }))).toEqual([]);

    const figures = workedExampleA();
    expect(
      identitiesOf({ ...figures, currency: 'KES', fx: { periodAverage: 1e-5, periodEnd: 2e9 } }),
    ).toEqual(['fx-rates-within-bounds fx.periodAverage', 'fx-rates-within-bounds fx.periodEnd']);
    expect(
      identitiesOf({ ...figures, currency: 'KWD', fx: { periodAverage: 0.307, periodEnd: 0.306 } }),
    ).toEqual([]);
  });

  it('a refusal by the income statement names the identity and the field', () => {
    const e = refusalOf(withInputs({ netOperatingIncomeAfterTaxes: 1_380_000 }));
    expect(e.identity).toBe('net-income-matches-statement');
    expect(e.field).toBe('inputs.netOperatingIncomeAfterTaxes');
    expect(e.message).toContain(
      '(net-income-matches-statement): netOperatingIncomeAfterTaxes = 1380000 exceeds',
    );
    expect(e.problems).toEqual([
      {
        field: 'inputs.netOperatingIncomeAfterTaxes',
        message: expect.stringContaining('(net-income-matches-statement)'),
      },
    ]);
  });

  it('the refusal names the first identity and lists every problem', () => {
    const e = refusalOf(withInputs({ loanOfficers: 81, writeOffs: -1 }));
    expect(e.code).toBe('IDENTITY_VIOLATED');
    expect(e.identity).toBe('write-offs-non-negative');
    expect(e.message).toMatch(
      /^The report breaks the identity "write-offs ≥ 0" \(write-offs-non-negative\): is -1 \(and 1 more\)$/,
    );
    expect(e.problems.map((p) => p.field)).toEqual(['inputs.writeOffs', 'inputs.loanOfficers']);
  });
});
