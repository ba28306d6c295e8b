import type { PerformanceInputs, ReportFigures } from './performance-inputs';
import { assertIdentities, IdentityViolatedError, identityProblems } from './report-identities';
import { workedExampleA } from './testing/worked-example';

const withInputs = (change: Partial<PerformanceInputs>): ReportFigures => {
  const figures = workedExampleA();
  return { ...figures, inputs: { ...figures.inputs, ...change } };
};
const identitiesOf = (figures: ReportFigures) => identityProblems(figures).map((p) => `${p.identity} ${p.field}`);

describe('identities of good input', () => {
  it('accepts the worked example', () => {
    expect(identityProblems(workedExampleA())).toEqual([]);
    expect(() => assertIdentities(workedExampleA())).not.toThrow();
  });

  it('PAR30 balance (with renegotiated loans) ≤ GLP', () => {
    expect(identitiesOf(withInputs({ par30Balance: 900_000, renegotiatedLoans: 1 }))).toEqual(['par30-within-glp inputs.par30Balance']);
    expect(identitiesOf(withInputs({ par30Balance: 900_000, renegotiatedLoans: 0 }))).toEqual([]);
  });

  it('women borrowers ≤ active borrowers; loan officers ≤ personnel; write-offs ≥ 0', () => {
    expect(identitiesOf(withInputs({ activeWomenBorrowers: 5_001 }))).toEqual(['women-within-borrowers inputs.activeWomenBorrowers']);
    expect(identitiesOf(withInputs({ loanOfficers: 81 }))).toEqual(['loan-officers-within-personnel inputs.loanOfficers']);
    expect(identitiesOf(withInputs({ writeOffs: -1 }))).toEqual(['write-offs-non-negative inputs.writeOffs']);
  });

  it('averages need opening and closing balances', () => {
    const missing = withInputs({ grossLoanPortfolio: { closing: 900_000 } as never, activeBorrowers: { opening: 3_000 } as never });
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
    expect(identitiesOf(withInputs({ operatingExpense: -5 }))).toEqual(['amounts-non-negative inputs.operatingExpense']);
    expect(identitiesOf(withInputs({ equity: { opening: -10, closing: -5 }, netOperatingIncomeAfterTaxes: -9, impairmentExpense: -2 }))).toEqual([]);
    expect(identitiesOf(withInputs({ financialRevenue: Number.NaN }))).toEqual(['amounts-finite inputs.financialRevenue']);
  });

  it('currency, rates and period', () => {
    const figures = workedExampleA();
    expect(identitiesOf({ ...figures, currency: 'XYZ', fx: { periodAverage: 1, periodEnd: 1 } })).toEqual(['known-currency currency']);
    expect(identitiesOf({ ...figures, fx: { periodAverage: 1, periodEnd: 2 } })).toEqual(['fx-rates-positive fx.periodEnd']);
    expect(identitiesOf({ ...figures, currency: 'KES', fx: { periodAverage: 0, periodEnd: 128 } })).toEqual(['fx-rates-positive fx.periodAverage']);
    expect(identitiesOf({ ...figures, period: { start: '2025-01-01', end: '2026-01-31' } })).toEqual(['valid-period period.end']);
    expect(identitiesOf({ ...figures, period: { start: '2025-02-30', end: '2025-12-31' } })).toEqual(['valid-period period.start']);
  });

  it('the refusal names the first identity and lists every problem', () => {
    try {
      assertIdentities(withInputs({ loanOfficers: 81, writeOffs: -1 }));
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(IdentityViolatedError);
      const e = error as IdentityViolatedError;
      expect(e.code).toBe('IDENTITY_VIOLATED');
      expect(e.identity).toBe('write-offs-non-negative');
      expect(e.message).toMatch(/^The report breaks the identity "write-offs ≥ 0" \(write-offs-non-negative\): is -1 \(and 1 more\)$/);
      expect(e.problems.map((p) => p.field)).toEqual(['inputs.writeOffs', 'inputs.loanOfficers']);
    }
  });
});
