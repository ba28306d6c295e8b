import fc from 'fast-check';
import { aggregateFigures, normaliseFigures, type NormalisedFigures } from './normalised-figures';
import {
  COUNT_FIELDS,
  COUNT_OPENING_CLOSING,
  MONEY_FLOWS,
  MONEY_OPENING_CLOSING,
  MONEY_STOCKS,
  type PerformanceInputs,
  type ReportFigures,
} from './performance-inputs';
import {
  identityProblems,
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_FX_RATE,
  MIN_FX_RATE,
} from './report-identities';
import { RATIO_DEFINITIONS, RATIO_KEYS, standardRatios, type Ratios } from './standard-ratios';

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
  fc.constant(Number.MAX_VALUE),
);
const signed = (m: fc.Arbitrary<number>) =>
  fc.tuple(m, fc.boolean()).map(([v, negative]) => (negative ? -v : v));
const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }));
const pair = (m: fc.Arbitrary<number>) => fc.record({ opening: m, closing: m });
const PERIODS = [
  { start: '2025-01-01', end: '2025-12-31' },
  { start: '2025-04-01', end: '2025-06-30' },
  { start: '2025-01-15', end: '2025-03-15' },
];

const ordinaryRate = fc.double({ min: 0.01, max: 10_000, noNaN: true });
/** Rates no report may give (identities refuse them): the ratios must still be finite or absent. */
const extremeRate = fc.oneof(
  ordinaryRate,
  fc.constant(Number.MIN_VALUE),
  fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true, noDefaultInfinity: true }),
);

function figuresArbitrary(
  m: fc.Arbitrary<number>,
  rate: fc.Arbitrary<number> = ordinaryRate,
): fc.Arbitrary<ReportFigures> {
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
      adjustments: fc.record({
        subsidisedFundingCost: m,
        inKindSubsidies: m,
        inflationOnEquity: m,
        impairmentLoss: m,
      }),
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
    fx: fc.record({ periodAverage: rate, periodEnd: rate }),
    inputs,
  });
}
/** Every input but the optional adjustments. */
const RATIO_INPUT_KEYS: Array<keyof PerformanceInputs> = [
  ...MONEY_OPENING_CLOSING,
  ...MONEY_STOCKS,
  ...MONEY_FLOWS,
  ...COUNT_OPENING_CLOSING,
  ...COUNT_FIELDS,
];
const gni = fc.option(fc.double({ min: 1, max: 100_000, noNaN: true }), { nil: undefined });

/** Every money amount of the report (and GNI per capita, also money) times k. */
function scaled(figures: ReportFigures, k: number): ReportFigures {
  const i = figures.inputs;
  const p = (x: { opening: number; closing: number }) => ({
    opening: x.opening * k,
    closing: x.closing * k,
  });
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

/**
 * Figures the identities accept, up to their bounds: amounts up to 10^15,
 * counts up to 10^9, rates from 10^-4 to 10^9 per USD, a one-day period
 * (flows × 365); PAR30, portfolio revenue, women and loan officers as shares
 * of what bounds them, and net income from the income statement less taxes
 * from 0 to the financial revenue.
 */
const bounded = fc.oneof(
  fc.constant(0),
  fc.constant(Number.MIN_VALUE),
  fc.constant(MAX_AMOUNT),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.double({ min: 0, max: MAX_AMOUNT, noNaN: true }),
);
const share = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
const people = fc.oneof(
  fc.constant(0),
  fc.constant(MAX_COUNT),
  fc.integer({ min: 0, max: MAX_COUNT }),
);
const boundedRate = fc.oneof(
  fc.constant(MIN_FX_RATE),
  fc.constant(MAX_FX_RATE),
  fc.double({ min: MIN_FX_RATE, max: MAX_FX_RATE, noNaN: true }),
);
const acceptedFigures: fc.Arbitrary<ReportFigures> = fc
  .record({
    period: fc.constantFrom(...PERIODS, { start: '2025-03-01', end: '2025-03-01' }),
    fx: fc.record({ periodAverage: boundedRate, periodEnd: boundedRate }),
    totalAssets: pair(bounded),
    equity: pair(signed(bounded)),
    grossLoanPortfolio: pair(bounded),
    par30: share,
    renegotiated: share,
    impairmentAllowance: bounded,
    voluntarySavings: bounded,
    writeOffs: bounded,
    financialRevenue: bounded,
    portfolio: share,
    financialExpense: bounded,
    impairmentExpense: signed(bounded),
    operatingExpense: bounded,
    taxes: share,
    adjustments: fc.option(
      fc.record({
        subsidisedFundingCost: bounded,
        inKindSubsidies: bounded,
        inflationOnEquity: bounded,
        impairmentLoss: bounded,
      }),
      { nil: undefined },
    ),
    activeBorrowers: pair(people),
    women: share,
    ruralClients: people,
    voluntarySavers: people,
    personnel: people,
    officers: share,
  })
  .map((x): ReportFigures => {
    const glp = x.grossLoanPortfolio.closing;
    const par30Balance = glp * x.par30;
    const revenue = x.financialRevenue;
    return {
      period: x.period,
      currency: 'XOF',
      fx: x.fx,
      inputs: {
        totalAssets: x.totalAssets,
        equity: x.equity,
        grossLoanPortfolio: x.grossLoanPortfolio,
        impairmentAllowance: x.impairmentAllowance,
        voluntarySavings: x.voluntarySavings,
        par30Balance,
        renegotiatedLoans: (glp - par30Balance) * x.renegotiated,
        writeOffs: x.writeOffs,
        financialRevenue: revenue,
        portfolioRevenue: revenue * x.portfolio,
        financialExpense: x.financialExpense,
        impairmentExpense: x.impairmentExpense,
        operatingExpense: x.operatingExpense,
        netOperatingIncomeAfterTaxes:
          revenue -
          x.financialExpense -
          x.impairmentExpense -
          x.operatingExpense -
          revenue * x.taxes,
        ...(x.adjustments ? { adjustments: x.adjustments } : {}),
        activeBorrowers: x.activeBorrowers,
        activeWomenBorrowers: Math.floor(x.activeBorrowers.closing * x.women),
        ruralClients: x.ruralClients,
        voluntarySavers: x.voluntarySavers,
        loanOfficers: Math.floor(x.personnel * x.officers),
        personnel: x.personnel,
      },
    };
  });

function expectFiniteOrAbsent(ratios: Ratios): void {
  for (const key of RATIO_KEYS) {
    const r = ratios[key];
    if (r.value === null) {
      expect('reason' in r && r.reason.length > 0).toBe(true);
    } else if (!Number.isFinite(r.value)) {
      throw new Error(`${key} is ${r.value}`);
    }
  }
}

function expectFinite(figures: NormalisedFigures): void {
  const { adjustments, ...rest } = figures;
  for (const [key, value] of Object.entries({ ...rest, ...adjustments })) {
    if (!Number.isFinite(value)) throw new Error(`${key} is ${value}`);
  }
}

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

describe('standard ratios (properties)', () => {
  it('every ratio is a finite number or absent with a reason, never NaN or Infinity', () => {
    fc.assert(
      fc.property(figuresArbitrary(extreme, extremeRate), gni, (figures, gniPerCapita) => {
        expectFiniteOrAbsent(standardRatios(normaliseFigures(figures), gniPerCapita));
      }),
      { numRuns: 500 },
    );
  });

  it('for any figures the identities accept, every figure in USD is finite and every ratio finite or absent, one report or several summed', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(acceptedFigures, { minLength: 1, maxLength: 4 }),
        gni,
        (reports, gniPerCapita) => {
          // Rounding may put a constructed figure a hair past its identity: only accepted reports count.
          fc.pre(reports.every((figures) => identityProblems(figures).length === 0));
          accepted += 1;
          const normalised = reports.map(normaliseFigures);
          for (const figures of normalised) {
            expectFinite(figures);
            expectFiniteOrAbsent(standardRatios(figures, gniPerCapita));
          }
          const total = aggregateFigures(normalised)!;
          expectFinite(total);
          expectFiniteOrAbsent(standardRatios(total, gniPerCapita));
        },
      ),
      { numRuns: 500 },
    );
    expect(accepted).toBe(500);
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
            if (!close(a, expected))
              throw new Error(`${key}: ${a} after scaling by ${k}, expected ${expected}`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
