import type { ReportRow } from './performance-reports.projection';
import { peerStatistic } from '../../benchmark/domain/peer-statistics';

export interface OutreachSummaryRow {
  region: string;
  year: number;
  institutions: number;
  activeBorrowers: number;
  activeWomenBorrowers: number;
  womenShare: number | null;
  ruralClients: number;
  voluntarySavers: number;
  /** GLP in USD (period-end rates). */
  grossLoanPortfolioUsd: number;
  /** Sum of GLP / sum of borrowers, USD. */
  averageLoanBalanceUsd: number | null;
  /** Median of the institutions' depth (average loan balance / GNI per capita). */
  medianDepth: number | null;
  /** Institutions without a depth (no GNI per capita for the country and year). */
  depthNotComputable: number;
}

/**
 * Poverty outreach by region and year, from each institution's report for the
 * year (the one whose period ends last). Counts are people at period end.
 */
export function outreachSummary(reports: readonly ReportRow[]): OutreachSummaryRow[] {
  const groups = new Map<string, ReportRow[]>();
  for (const r of latestPerInstitutionAndYear(reports)) {
    const key = `${r.year}\u0000${r.region}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()]
    .map(([first, ...others]) => {
      const head = first as ReportRow;
      const group = [head, ...others];
      const sum = (f: (r: ReportRow) => number) => group.reduce((s, r) => s + f(r), 0);
      const borrowers = sum((r) => r.figures.activeBorrowers);
      const women = sum((r) => r.figures.activeWomenBorrowers);
      const glp = sum((r) => r.figures.glpClosing);
      const depth = peerStatistic(group.map((r) => r.ratios.depth.value));
      return {
        region: head.region,
        year: head.year,
        institutions: group.length,
        activeBorrowers: borrowers,
        activeWomenBorrowers: women,
        womenShare: borrowers > 0 ? women / borrowers : null,
        ruralClients: sum((r) => r.figures.ruralClients),
        voluntarySavers: sum((r) => r.figures.voluntarySavers),
        grossLoanPortfolioUsd: glp,
        averageLoanBalanceUsd: borrowers > 0 ? glp / borrowers : null,
        medianDepth: depth.median ?? null,
        depthNotComputable: depth.absent,
      };
    })
    .sort((a, b) => a.year - b.year || a.region.localeCompare(b.region));
}

/** One report per institution and year: the one whose period ends last. */
export function latestPerInstitutionAndYear(reports: readonly ReportRow[]): ReportRow[] {
  const latest = new Map<string, ReportRow>();
  for (const r of reports) {
    const key = `${r.institutionId}\u0000${r.year}`;
    const current = latest.get(key);
    if (!current || r.periodEnd > current.periodEnd) latest.set(key, r);
  }
  return [...latest.values()];
}
