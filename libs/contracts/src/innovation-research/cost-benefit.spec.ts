import { costBenefitOf, discountFactor } from './cost-benefit';
import type { CostBenefitInput } from './research-project';

/**
 * Worked by hand. A microinsurance pilot over three years at 10 % a year:
 *   costs    — institution 1,000 in year 0; donor 550 in year 1; clients 121 in year 2
 *   benefits — clients 1,100 in year 1 and 1,210 in year 2; institution 665.5 in year 3
 * Discount factors 1, 1/1.1, 1/1.21, 1/1.331, so
 *   PV(costs)    = 1,000 + 500 + 100 = 1,600
 *   PV(benefits) = 1,000 + 1,000 + 500 = 2,500
 *   NPV = 900 and B/C = 2,500 / 1,600 = 1.5625.
 */
const pilot: CostBenefitInput = {
  currency: 'USD',
  horizonYears: 3,
  discountRate: 0.1,
  costs: [
    { party: 'institution', label: 'Product design and staff training', year: 0, amount: 1000 },
    { party: 'donor', label: 'Premium subsidy', year: 1, amount: 550 },
    { party: 'clients', label: 'Premiums net of subsidy', year: 2, amount: 121 },
  ],
  benefits: [
    { party: 'clients', label: 'Health costs avoided', year: 1, amount: 1100 },
    { party: 'clients', label: 'Health costs avoided', year: 2, amount: 1210 },
    { party: 'institution', label: 'Lower portfolio at risk', year: 3, amount: 665.5 },
  ],
};

describe('cost-benefit analysis', () => {
  it('discounts each year by (1 + r)^t, year 0 not at all', () => {
    expect(discountFactor(0.1, 0)).toBe(1);
    expect(discountFactor(0.1, 2)).toBeCloseTo(1 / 1.21, 12);
  });

  it('computes the worked example to 1e-9', () => {
    const result = costBenefitOf(pilot);
    expect(Math.abs(result.presentValueOfCosts - 1600)).toBeLessThan(1e-9);
    expect(Math.abs(result.presentValueOfBenefits - 2500)).toBeLessThan(1e-9);
    expect(Math.abs(result.netPresentValue - 900)).toBeLessThan(1e-9);
    expect(Math.abs((result.benefitCostRatio ?? NaN) - 1.5625)).toBeLessThan(1e-9);
  });

  it('splits the present values by who bears and who gains', () => {
    const result = costBenefitOf(pilot);
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);
    close(result.costsByParty.institution, 1000);
    close(result.costsByParty.donor, 500);
    close(result.costsByParty.clients, 100);
    close(result.costsByParty.government, 0);
    close(result.benefitsByParty.clients, 2000);
    close(result.benefitsByParty.institution, 500);
  });

  it('at 6 %: a cost of 100 now against 50 a year for three years (an annuity, 50 × 2.673011949461636)', () => {
    const result = costBenefitOf({
      currency: 'EUR',
      horizonYears: 3,
      discountRate: 0.06,
      costs: [{ party: 'government', label: 'Guarantee fund', year: 0, amount: 100 }],
      benefits: [1, 2, 3].map((year) => ({
        party: 'clients' as const,
        label: 'Income gained',
        year,
        amount: 50,
      })),
    });
    expect(Math.abs(result.presentValueOfBenefits - 133.6505974730818)).toBeLessThan(1e-9);
    expect(Math.abs(result.netPresentValue - 33.6505974730818)).toBeLessThan(1e-9);
    expect(Math.abs((result.benefitCostRatio ?? NaN) - 1.336505974730818)).toBeLessThan(1e-9);
  });

  it('has no B/C ratio without costs, and no discounting at a rate of 0', () => {
    const result = costBenefitOf({
      currency: 'USD',
      horizonYears: 2,
      discountRate: 0,
      costs: [],
      benefits: [{ party: 'clients', label: 'Savings', year: 2, amount: 300 }],
    });
    expect(result.benefitCostRatio).toBeNull();
    expect(result.netPresentValue).toBe(300);
  });
});
