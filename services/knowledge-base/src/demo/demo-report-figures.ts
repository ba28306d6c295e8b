import type { PerformanceInputs } from '../performance-report/domain/performance-inputs';

/** A pseudo-random generator from a seed (mulberry32): the same seed gives the same demo data. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs the tasks, `width` at a time, in their order; the first failure is thrown. */
export async function inParallel(
  tasks: ReadonlyArray<() => Promise<void>>,
  width: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}

/** How one demo institution behaves over the years. */
export interface InstitutionTraits {
  borrowers: number;
  growth: number;
  /** Average loan balance as a share of GNI per capita. */
  depth: number;
  par30: number;
  oss: number;
  portfolioYield: number;
  womenShare: number;
  ruralShare: number;
  saversPerBorrower: number;
  borrowersPerOfficer: number;
  staffPerOfficer: number;
  coverage: number;
  writeOffRate: number;
  adjusted: boolean;
}

export function traitsOf(random: () => number): InstitutionTraits {
  const between = (low: number, high: number) => low + (high - low) * random();
  return {
    borrowers: Math.round(between(2_000, 120_000)),
    growth: between(0.95, 1.25),
    depth: between(0.12, 1.4),
    par30: between(0.01, 0.12),
    oss: between(0.85, 1.35),
    portfolioYield: between(0.18, 0.45),
    womenShare: between(0.35, 0.95),
    ruralShare: between(0.2, 0.85),
    saversPerBorrower: random() < 0.3 ? 0 : between(0.2, 1.5),
    borrowersPerOfficer: between(120, 420),
    staffPerOfficer: between(1.5, 2.6),
    coverage: between(0.5, 1.4),
    writeOffRate: between(0.005, 0.04),
    adjusted: random() < 0.5,
  };
}

/**
 * One period's report of a demo institution in its own currency: USD figures
 * built from its traits (which respect every identity), then stocks at the
 * period-end rate and flows at the period's average rate. `yearIndex` counts
 * years from the first (a quarter is 0.25); `flowShare` is the period's share of
 * a year's flows (0.25 for a quarter).
 */
export function demoInputs(
  traits: InstitutionTraits,
  yearIndex: number,
  gniPerCapitaUsd: number,
  rates: { average: number; end: number; openingEnd: number },
  random: () => number,
  flowShare = 1,
): PerformanceInputs {
  const wobble = () => 0.9 + 0.2 * random();
  const closingBorrowers = Math.round(traits.borrowers * traits.growth ** yearIndex);
  const periodGrowth = traits.growth ** flowShare;
  const openingBorrowers = Math.round(closingBorrowers / periodGrowth);
  const averageLoanUsd = traits.depth * gniPerCapitaUsd * wobble();
  const glpClose = closingBorrowers * averageLoanUsd;
  const glpOpen = glpClose / (periodGrowth * wobble());
  const averageGlp = (glpClose + glpOpen) / 2;
  const par = Math.min(traits.par30 * wobble(), 0.4);
  const portfolioRevenue = averageGlp * traits.portfolioYield * wobble();
  const financialRevenue = portfolioRevenue * 1.08;
  const expenses = financialRevenue / (traits.oss * wobble());
  const financialExpense = expenses * 0.25;
  const impairmentExpense = expenses * 0.1;
  const operatingExpense = expenses * 0.65;
  const income = financialRevenue - expenses;
  const netIncome = income > 0 ? income * 0.75 : income;
  const assetsClose = glpClose / 0.78;
  const assetsOpen = glpOpen / 0.78;
  const officers = Math.max(1, Math.round(closingBorrowers / traits.borrowersPerOfficer));
  const savers = Math.round(closingBorrowers * traits.saversPerBorrower);
  const atRisk = glpClose * par;
  const stock = (usd: number) => Math.round(usd * rates.end);
  const opening = (usd: number) => Math.round(usd * rates.openingEnd);
  const flow = (usd: number) => Math.round(usd * flowShare * rates.average);
  return {
    totalAssets: { opening: opening(assetsOpen), closing: stock(assetsClose) },
    equity: { opening: opening(assetsOpen * 0.2), closing: stock(assetsClose * 0.2) },
    grossLoanPortfolio: { opening: opening(glpOpen), closing: stock(glpClose) },
    impairmentAllowance: stock(atRisk * traits.coverage),
    voluntarySavings: stock(savers * averageLoanUsd * 0.35),
    par30Balance: stock(atRisk * 0.9),
    renegotiatedLoans: stock(atRisk * 0.1),
    writeOffs: flow(averageGlp * traits.writeOffRate),
    financialRevenue: flow(financialRevenue),
    portfolioRevenue: flow(portfolioRevenue),
    financialExpense: flow(financialExpense),
    impairmentExpense: flow(impairmentExpense),
    operatingExpense: flow(operatingExpense),
    netOperatingIncomeAfterTaxes: flow(netIncome),
    ...(traits.adjusted
      ? {
          adjustments: {
            subsidisedFundingCost: flow(financialExpense * 0.15),
            inKindSubsidies: flow(operatingExpense * 0.03),
            inflationOnEquity: flow(assetsClose * 0.2 * 0.05),
            impairmentLoss: 0,
          },
        }
      : {}),
    activeBorrowers: { opening: openingBorrowers, closing: closingBorrowers },
    activeWomenBorrowers: Math.round(closingBorrowers * traits.womenShare),
    ruralClients: Math.round(closingBorrowers * traits.ruralShare),
    voluntarySavers: savers,
    loanOfficers: officers,
    personnel: Math.round(officers * traits.staffPerOfficer),
  };
}
