import type {
  CostBenefitByInnovationKind,
  CostBenefitProjectEntry,
  CostBenefitSummary,
  ResearchPortfolioCount,
  ResearchPortfolioSummary,
  ResearchProjectDetail,
  ResearchProjectListEntry,
} from '@sfp/contracts';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (YYYY-MM-DD), 0 when `to` is not after `from`. */
export function daysBetween(from: string, to: string): number {
  const days = Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
  return Math.max(0, days);
}

/** Days late of a milestone: stored when done; for an open one past its date, to today. */
export function daysLateOf(
  milestone: { state: string; plannedOn: string; daysLate?: number },
  today: string,
): number | undefined {
  if (milestone.state === 'done') return milestone.daysLate;
  return milestone.plannedOn < today ? daysBetween(milestone.plannedOn, today) : undefined;
}

/** The detail with each open milestone's days late as of today. */
export function detailAsOf(detail: ResearchProjectDetail, today: string): ResearchProjectDetail {
  return {
    ...detail,
    milestones: detail.milestones.map((m) => {
      const { daysLate: _stored, ...rest } = m;
      const daysLate = daysLateOf(m, today);
      return daysLate === undefined ? rest : { ...rest, daysLate };
    }),
  };
}

function countBy<K extends string>(values: K[][]): ResearchPortfolioCount<K>[] {
  const counts = new Map<K, number>();
  for (const list of values) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, projects]) => ({ key, projects }))
    .sort((a, b) => b.projects - a.projects || a.key.localeCompare(b.key));
}

/** The portfolio in counts, and the projects at risk (a slipping milestone), most late first. */
export function portfolioSummaryOf(
  projects: Array<ResearchProjectListEntry & { detail: ResearchProjectDetail }>,
  today: string,
): ResearchPortfolioSummary {
  return {
    projects: projects.length,
    byStatus: countBy(projects.map((p) => [p.status])),
    byTheme: countBy(projects.map((p) => p.themes)),
    byDeficit: countBy(projects.map((p) => p.deficits)),
    byCountry: countBy(projects.map((p) => p.countries)),
    byDesign: countBy(projects.map((p) => [p.design])),
    byInnovationKind: countBy(projects.map((p) => [p.innovationKind])),
    atRisk: projects
      .filter((p) => p.slippingMilestones > 0)
      .map((p) => ({
        projectId: p.projectId,
        title: p.title,
        status: p.status,
        slippingMilestones: p.slippingMilestones,
        maxDaysLate: Math.max(
          0,
          ...p.detail.milestones
            .filter((m) => m.state === 'slipping')
            .map((m) => daysLateOf(m, today) ?? 0),
        ),
      }))
      .sort((a, b) => b.maxDaysLate - a.maxDaysLate || a.title.localeCompare(b.title)),
  };
}

/** The median of some numbers (null when there is none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/**
 * Cost-benefit across projects: each project's headline, and by innovation
 * kind the projects, the median B/C (of those with costs) and the NPV total
 * per currency (amounts of different currencies are never added).
 */
export function costBenefitSummaryOf(entries: CostBenefitProjectEntry[]): CostBenefitSummary {
  const projects = [...entries].sort((a, b) => a.title.localeCompare(b.title));
  const kinds = [...new Set(projects.map((p) => p.innovationKind))].sort();
  const byInnovationKind: CostBenefitByInnovationKind[] = kinds.map((innovationKind) => {
    const these = projects.filter((p) => p.innovationKind === innovationKind);
    const totals = new Map<string, number>();
    for (const p of these)
      totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.netPresentValue);
    return {
      innovationKind,
      projects: these.length,
      medianBenefitCostRatio: median(
        these.flatMap((p) => (p.benefitCostRatio === null ? [] : [p.benefitCostRatio])),
      ),
      netPresentValueByCurrency: [...totals.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, total]) => ({ currency, total })),
    };
  });
  return { projects, byInnovationKind };
}
