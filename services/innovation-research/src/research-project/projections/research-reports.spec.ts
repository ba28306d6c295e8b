import type { CostBenefitProjectEntry } from '@sfp/contracts';
import { costBenefitSummaryOf, daysBetween, daysLateOf, median } from './research-reports';

const analysis = (
  title: string,
  innovationKind: CostBenefitProjectEntry['innovationKind'],
  currency: string,
  netPresentValue: number,
  benefitCostRatio: number | null,
): CostBenefitProjectEntry => ({
  projectId: `project-${title}`,
  title,
  innovationKind,
  currency,
  discountRate: 0.06,
  horizonYears: 5,
  netPresentValue,
  benefitCostRatio,
  presentValueOfCosts: 100,
  presentValueOfBenefits: 100 + netPresentValue,
  recordedAt: '2025-11-03T10:00:00.000Z',
});

describe('research reports', () => {
  it('counts days late between calendar dates, across a leap day', () => {
    expect(daysBetween('2024-02-27', '2024-03-02')).toBe(4);
    expect(daysBetween('2025-03-02', '2025-02-27')).toBe(0);
  });

  it('takes days late from today for an open milestone past its date, as stored for a done one', () => {
    expect(daysLateOf({ state: 'slipping', plannedOn: '2026-01-10' }, '2026-01-31')).toBe(21);
    expect(daysLateOf({ state: 'planned', plannedOn: '2026-02-10' }, '2026-01-31')).toBeUndefined();
    expect(daysLateOf({ state: 'done', plannedOn: '2026-01-10', daysLate: 2 }, '2026-03-01')).toBe(
      2,
    );
  });

  it('has the median of an odd and an even count, and none of nothing', () => {
    expect(median([3, 1.2, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('sums NPV per currency within a kind and takes the median B/C of those with costs', () => {
    const summary = costBenefitSummaryOf([
      analysis('Guarantee scheme', 'policy', 'XOF', 5_000_000, 1.4),
      analysis('Index insurance', 'product', 'GHS', 120_000, 1.8),
      analysis('Savings for informal workers', 'product', 'KES', -30_000, 0.9),
      analysis('Loan with training', 'product', 'KES', 80_000, null),
    ]);
    expect(summary.projects.map((p) => p.title)).toEqual([
      'Guarantee scheme',
      'Index insurance',
      'Loan with training',
      'Savings for informal workers',
    ]);
    expect(summary.byInnovationKind).toEqual([
      {
        innovationKind: 'policy',
        projects: 1,
        medianBenefitCostRatio: 1.4,
        netPresentValueByCurrency: [{ currency: 'XOF', total: 5_000_000 }],
      },
      {
        innovationKind: 'product',
        projects: 3,
        medianBenefitCostRatio: (1.8 + 0.9) / 2,
        netPresentValueByCurrency: [
          { currency: 'GHS', total: 120_000 },
          { currency: 'KES', total: 50_000 },
        ],
      },
    ]);
  });
});
