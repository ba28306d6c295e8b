import { COST_BENEFIT_PARTIES, type CostBenefitParty } from './reference-data';
import type { CostBenefitFlow, CostBenefitInput } from './research-project';

/** What a cost-benefit analysis comes to, all in present values at the analysis's discount rate. */
export interface CostBenefitResult {
  presentValueOfCosts: number;
  presentValueOfBenefits: number;
  /** Present value of the benefits less that of the costs. */
  netPresentValue: number;
  /** Present value of the benefits over that of the costs; null when there is no cost. */
  benefitCostRatio: number | null;
  /** Present value of the costs each party bears. */
  costsByParty: Record<CostBenefitParty, number>;
  /** Present value of the benefits each party gains. */
  benefitsByParty: Record<CostBenefitParty, number>;
}

/** The factor that brings an amount of year `year` to today: 1 / (1 + r)^year. */
export function discountFactor(discountRate: number, year: number): number {
  return 1 / Math.pow(1 + discountRate, year);
}

function presentValues(
  flows: readonly CostBenefitFlow[],
  discountRate: number,
): { total: number; byParty: Record<CostBenefitParty, number> } {
  const byParty = Object.fromEntries(COST_BENEFIT_PARTIES.map((p) => [p, 0])) as Record<
    CostBenefitParty,
    number
  >;
  let total = 0;
  for (const flow of flows) {
    const value = flow.amount * discountFactor(discountRate, flow.year);
    byParty[flow.party] += value;
    total += value;
  }
  return { total, byParty };
}

/**
 * NPV = Σ_t (B_t − C_t) / (1 + r)^t and B/C = PV(benefits) / PV(costs), over
 * the flows entered (year 0 undiscounted). Computed here, never typed in: the
 * research service stores it with the analysis, the console shows it as the
 * analyst types.
 */
export function costBenefitOf(input: CostBenefitInput): CostBenefitResult {
  const costs = presentValues(input.costs, input.discountRate);
  const benefits = presentValues(input.benefits, input.discountRate);
  return {
    presentValueOfCosts: costs.total,
    presentValueOfBenefits: benefits.total,
    netPresentValue: benefits.total - costs.total,
    benefitCostRatio: costs.total > 0 ? benefits.total / costs.total : null,
    costsByParty: costs.byParty,
    benefitsByParty: benefits.byParty,
  };
}
