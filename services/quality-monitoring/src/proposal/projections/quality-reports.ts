import type {
  QualityApprovalRate,
  QualityApprovalRates,
  QualityDeficiencies,
  QualityDeficiencyCount,
  QualityLinkageMap,
  QualityPortfolioCount,
  QualityPortfolioSummary,
  QualityTurnaroundSummary,
} from '@sfp/contracts';
import type { DecisionDoc } from './quality-decisions.projection';
import type { LinkageDoc } from './quality-linkages.projection';
import type { PortfolioDoc } from './quality-portfolio.projection';

/** The median of some numbers (null when there is none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** Turnaround of the decisions: median working days, share within the service level, by department. */
export function turnaroundOf(decisions: readonly DecisionDoc[]): QualityTurnaroundSummary {
  const sorted = [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const summary = (these: readonly DecisionDoc[]) => ({
    decisions: these.length,
    medianWorkingDays: median(these.map((d) => d.turnaroundWorkingDays)),
    withinServiceLevelRate: share(these.filter((d) => d.withinServiceLevel).length, these.length),
  });
  const departments = [...new Set(sorted.map((d) => d.department))].sort();
  return {
    ...summary(sorted),
    byDepartment: departments.map((department) => ({
      department,
      ...summary(sorted.filter((d) => d.department === department)),
    })),
    entries: sorted.map((d) => ({
      proposalId: d.proposalId,
      title: d.title,
      version: d.version,
      department: d.department,
      decision: d.decision,
      turnaroundWorkingDays: d.turnaroundWorkingDays,
      withinServiceLevel: d.withinServiceLevel,
      decidedAt: d.decidedAt,
    })),
  };
}

function rateOf(key: string, these: readonly DecisionDoc[]): QualityApprovalRate {
  const count = (decision: string) => these.filter((d) => d.decision === decision).length;
  const approved = count('approved');
  const approvedWithConditions = count('approved-with-conditions');
  return {
    key,
    decided: these.length,
    approved,
    approvedWithConditions,
    reviseAndResubmit: count('revise-and-resubmit'),
    rejected: count('rejected'),
    approvalRate: share(approved + approvedWithConditions, these.length),
  };
}

function ratesBy(
  decisions: readonly DecisionDoc[],
  keyOf: (d: DecisionDoc) => string,
): QualityApprovalRate[] {
  return [...new Set(decisions.map(keyOf))].sort().map((key) =>
    rateOf(
      key,
      decisions.filter((d) => keyOf(d) === key),
    ),
  );
}

/** Approval rates (approved with or without conditions, of all decisions) overall, by department and by instrument. */
export function approvalRatesOf(decisions: readonly DecisionDoc[]): QualityApprovalRates {
  return {
    decided: decisions.length,
    overall: rateOf('all', decisions),
    byDepartment: ratesBy(decisions, (d) => d.department),
    byInstrument: ratesBy(decisions, (d) => d.instrument),
  };
}

function countsOf(lists: readonly string[][], whole: number): QualityDeficiencyCount[] {
  const counts = new Map<string, number>();
  for (const list of lists)
    for (const key of new Set(list)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, n]) => ({ key, decisions: n, share: share(n, whole) ?? 0 }))
    .sort((a, b) => b.decisions - a.decisions || a.key.localeCompare(b.key));
}

/** The most frequent deficiencies (criteria rated in the bottom half of the scale) and red flags of the decisions. */
export function deficienciesOf(decisions: readonly DecisionDoc[]): QualityDeficiencies {
  return {
    decisions: decisions.length,
    criteria: countsOf(
      decisions.map((d) => d.deficiencies),
      decisions.length,
    ),
    redFlags: countsOf(
      decisions.map((d) => d.redFlags),
      decisions.length,
    ),
  };
}

function portfolioBy(
  entries: readonly PortfolioDoc[],
  keysOf: (p: PortfolioDoc) => string[],
): QualityPortfolioCount[] {
  const counts = new Map<string, { proposals: number; amountUsd: number }>();
  for (const p of entries) {
    const keys = keysOf(p);
    for (const key of keys) {
      const c = counts.get(key) ?? { proposals: 0, amountUsd: 0 };
      // A proposal in several regions: its amount split evenly among them.
      counts.set(key, {
        proposals: c.proposals + 1,
        amountUsd: c.amountUsd + p.amountUsd / keys.length,
      });
    }
  }
  return [...counts.entries()]
    .map(([key, c]) => ({ key, proposals: c.proposals, amountUsd: Math.round(c.amountUsd) }))
    .sort((a, b) => b.amountUsd - a.amountUsd || a.key.localeCompare(b.key));
}

/** The approved financial components by instrument, channel and region, amounts in US dollars. */
export function portfolioOf(entries: readonly PortfolioDoc[]): QualityPortfolioSummary {
  return {
    proposals: entries.length,
    amountUsd: entries.reduce((s, p) => s + p.amountUsd, 0),
    byInstrument: portfolioBy(entries, (p) => [p.instrument]),
    byChannel: portfolioBy(entries, (p) => [p.channel]),
    byRegion: portfolioBy(entries, (p) => (p.regions.length > 0 ? p.regions : ['unknown'])),
  };
}

/** The accepted links as a graph: proposals and tools as nodes, each link an edge. */
export function linkageMapOf(links: readonly LinkageDoc[]): QualityLinkageMap {
  const sorted = [...links].sort(
    (a, b) => a.proposalId.localeCompare(b.proposalId) || a.toolRef.localeCompare(b.toolRef),
  );
  const proposals = new Map(sorted.map((l) => [l.proposalId, l]));
  const tools = new Map(sorted.map((l) => [l.toolRef, l]));
  return {
    nodes: [
      ...[...proposals.values()].map((l) => ({
        id: l.proposalId,
        type: 'proposal' as const,
        label: l.proposalTitle,
      })),
      ...[...tools.values()].map((l) => ({
        id: l.toolRef,
        type: 'tool' as const,
        label: l.toolTitle,
        kind: l.kind,
        context: l.context,
      })),
    ],
    edges: sorted.map((l) => ({
      proposalId: l.proposalId,
      toolRef: l.toolRef,
      score: l.score,
      reason: l.reason,
      acceptedBy: l.acceptedBy,
      acceptedAt: l.acceptedAt,
    })),
  };
}
