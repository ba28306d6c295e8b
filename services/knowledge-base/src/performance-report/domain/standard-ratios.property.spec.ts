import fc from 'fast-check';
import { normaliseFigures } from './normalised-figures';
import type { PerformanceInputs, ReportFigures } from './performance-inputs';
import { RATIO_DEFINITIONS, RATIO_KEYS, standardRatios } from './standard-ratios';

/**
 * Whole amounts for the scaling property: with them a difference of two
 * flows (net income less adjustments) keeps its precision after scaling, so
 * the property tests the formulas rather than floating-point cancellation.
 */
const money = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 }));
const extreme = fc.oneof(
  money,
  fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1e307, noNaN: true, noDefaultInfinity: true }),
  fc.constant(Number.MIN_VALUE),
);
const signed = (m: fc.Arbitrary<number>) => fc.tuple(m, fc.boolean()).map(([v, negative]) => (negative ? -v : v));
const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }));
const pair = (m: fc.Arbitrary<number>) => fc.record({ opening: m, closing: m });
const PERIODS = [
  { start: '2025-01-01', end: '2025-12-31' },
  { start: '2025-04-01', end: '2025-06-30' },
  { start: '2025-01-15', end: '2025-03-15' },
];

function figuresArbitrary(m: fc.Arbitrary<number>): fc.Arbitrary<ReportFigures> {
  const inputs: fc.Arbitrary<PerformanceInputs> = fc.record(
    {
      totalAssets: pair(m),
      equity: pair(signed(m)),
      grossLoanPortfolio: pair(m),
      impairmentAllowance: m,
      voluntarySavings: m,
      par30Balance: m,
      renegotiatedLoans: m,
      writeOffs: m,
      financialRevenue: m,
      portfolioRevenue: m,
      financialExpense: m,
      impairmentExpense: signed(m),
      operatingExpense: m,
      netOperatingIncomeAfterTaxes: signed(m),
      adjustments: fc.record({ subsidisedFundingCost: m, inKindSubsidies: m, inflationOnEquity: m, impairmentLoss: m }),
      activeBorrowers: pair(count),
      activeWomenBorrowers: count,
      ruralClients: count,
      voluntarySavers: count,
      loanOfficers: count,
      personnel: count,
    },
    { requiredKeys: RATIO_INPUT_KEYS },
  );
  return fc.record({
    period: fc.constantFrom(...PERIODS),
    currency: fc.constant('XOF'),
    fx: fc.record({
      periodAverage: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
      periodEnd: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
    }),
    inputs,
  });
}
const RATIO_INPUT_KEYS: Array<keyof PerformanceInputs> = [
  'totalAssets', 'equity', 'grossLoanPortfolio', 'impairmentAllowance', 'voluntarySavings', 'par30Balance',
  'renegotiatedLoans', 'writeOffs', 'financialRevenue', 'portfolioRevenue', 'financialExpense', 'impairmentExpense',
  'operatingExpense', 'netOperatingIncomeAfterTaxes', 'activeBorrowers', 'activeWomenBorrowers', 'ruralClients',
  'voluntarySavers', 'loanOfficers', 'personnel',
];
const gni = fc.option(fc.double({ min: 1, max: 100_000, noNaN: true }), { nil: undefined });

/** Every money amount of the report (and GNI per capita, also money) times k. */
function scaled(figures: ReportFigures, k: number): ReportFigures {
  const i = figures.inputs;
  const p = (x: { opening: number; closing: number }) => ({ opening: x.opening * k, closing: x.closing * k });
  return {
    ...figures,
    inputs: {
      ...i,
      totalAssets: p(i.totalAssets),
      equity: p(i.equity),
      grossLoanPortfolio: p(i.grossLoanPortfolio),
      impairmentAllowance: i.impairmentAllowance * k,
      voluntarySavings: i.voluntarySavings * k,
      par30Balance: i.par30Balance * k,
      renegotiatedLoans: i.renegotiatedLoans * k,
      writeOffs: i.writeOffs * k,
      financialRevenue: i.financialRevenue * k,
      portfolioRevenue: i.portfolioRevenue * k,
      financialExpense: i.financialExpense * k,
      impairmentExpense: i.impairmentExpense * k,
      operatingExpense: i.operatingExpense * k,
      netOperatingIncomeAfterTaxes: i.netOperatingIncomeAfterTaxes * k,
      ...(i.adjustments
        ? {
            adjustments: {
              subsidisedFundingCost: i.adjustments.subsidisedFundingCost * k,
              inKindSubsidies: i.adjustments.inKindSubsidies * k,
              inflationOnEquity: i.adjustments.inflationOnEquity * k,
              impairmentLoss: i.adjustments.impairmentLoss * k,
            },
          }
        : {}),
    },
  };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

describe('standard ratios (properties)', () => {
  it('every ratio is a finite number or absent with a reason, never NaN or Infinity', () => {
    fc.assert(
      fc.property(figuresArbitrary(extreme), gni, (figures, gniPerCapita) => {
        const ratios = standardRatios(normaliseFigures(figures), gniPerCapita);
        for (const key of RATIO_KEYS) {
          const r = ratios[key];
          if (r.value === null) {
            expect('reason' in r && r.reason.length > 0).toBe(true);
          } else {
            expect(Number.isFinite(r.value)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('scaling every money amount by k leaves the ratios unchanged, and scales the per-person amounts by k', () => {
    fc.assert(
      fc.property(
        figuresArbitrary(money),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        (figures, k, gniPerCapita) => {
          const before = standardRatios(normaliseFigures(figures), gniPerCapita);
          const after = standardRatios(normaliseFigures(scaled(figures, k)), gniPerCapita * k);
          for (const key of RATIO_KEYS) {
            const b = before[key].value;
            const a = after[key].value;
            expect({ key, absent: a === null }).toEqual({ key, absent: b === null });
            if (a === null || b === null) continue;
            const expected = RATIO_DEFINITIONS[key].unit === 'usd' ? b * k : b;
            if (!close(a, expected)) throw new Error(`${key}: ${a} after scaling by ${k}, expected ${expected}`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
