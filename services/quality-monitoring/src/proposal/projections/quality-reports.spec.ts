import type { DecisionDoc } from './quality-decisions.projection';
import type { LinkageDoc } from './quality-linkages.projection';
import type { PortfolioDoc } from './quality-portfolio.projection';
import {
  approvalRatesOf,
  deficienciesOf,
  linkageMapOf,
  portfolioOf,
  turnaroundOf,
} from './quality-reports';

const decision = (over: Partial<DecisionDoc>): DecisionDoc => ({
  docType: 'decision',
  proposalId: 'p1',
  version: 1,
  reviewNumber: 1,
  decision: 'approved',
  approved: true,
  title: 'Guarantee fund for SACCOs',
  department: 'Nairobi',
  instrument: 'guarantee-fund',
  channel: 'specialised-provider',
  countries: ['KE'],
  regions: ['africa'],
  amount: 1_000,
  currency: 'USD',
  budgetUsd: 1_000,
  score: 70,
  redFlags: [],
  redFlagCount: 0,
  deficiencies: [],
  turnaroundWorkingDays: 10,
  withinServiceLevel: true,
  decidedAt: '2026-03-12T10:00:00.000Z',
  ...over,
});

const decisions = [
  decision({}),
  decision({
    proposalId: 'p2',
    decision: 'rejected',
    approved: false,
    department: 'Dakar',
    instrument: 'credit-line',
    redFlags: ['direct-lending', 'no-exit-strategy'],
    redFlagCount: 2,
    deficiencies: ['channel', 'exit-strategy'],
    turnaroundWorkingDays: 20,
    withinServiceLevel: false,
    decidedAt: '2026-03-20T10:00:00.000Z',
  }),
  decision({
    proposalId: 'p3',
    decision: 'approved-with-conditions',
    deficiencies: ['exit-strategy'],
    turnaroundWorkingDays: 12,
    decidedAt: '2026-03-15T10:00:00.000Z',
  }),
];

describe('the quality reports', () => {
  it('give the median turnaround and the share within the service level, by department', () => {
    const summary = turnaroundOf(decisions);
    expect(summary).toMatchObject({
      decisions: 3,
      medianWorkingDays: 12,
      withinServiceLevelRate: 0.667,
    });
    expect(summary.byDepartment).toEqual([
      { department: 'Dakar', decisions: 1, medianWorkingDays: 20, withinServiceLevelRate: 0 },
      { department: 'Nairobi', decisions: 2, medianWorkingDays: 11, withinServiceLevelRate: 1 },
    ]);
    expect(summary.entries.map((e) => e.proposalId)).toEqual(['p1', 'p3', 'p2']);
    expect(turnaroundOf([])).toMatchObject({
      medianWorkingDays: null,
      withinServiceLevelRate: null,
    });
  });

  it('give approval rates (with conditions counted as approvals) by department and instrument', () => {
    const rates = approvalRatesOf(decisions);
    expect(rates.overall).toMatchObject({
      decided: 3,
      approved: 1,
      approvedWithConditions: 1,
      rejected: 1,
    });
    expect(rates.overall.approvalRate).toBe(0.667);
    expect(rates.byInstrument.map((r) => [r.key, r.approvalRate])).toEqual([
      ['credit-line', 0],
      ['guarantee-fund', 1],
    ]);
  });

  it('rank the deficiencies and red flags by how many decisions had them', () => {
    const found = deficienciesOf(decisions);
    expect(found.criteria).toEqual([
      { key: 'exit-strategy', decisions: 2, share: 0.667 },
      { key: 'channel', decisions: 1, share: 0.333 },
    ]);
    expect(found.redFlags.map((f) => f.key)).toEqual(['direct-lending', 'no-exit-strategy']);
  });

  it('sum the approved components in dollars, a two-region proposal split between its regions', () => {
    const approved = (over: Partial<PortfolioDoc>): PortfolioDoc => ({
      docType: 'approved',
      proposalId: 'p1',
      title: 't',
      department: 'd',
      decision: 'approved',
      instrument: 'guarantee-fund',
      channel: 'specialised-provider',
      countries: ['KE'],
      regions: ['africa'],
      currency: 'KES',
      amount: 129_000_000,
      amountUsd: 1_000_000,
      approvedAt: '2026-03-12T10:00:00.000Z',
      ...over,
    });
    const summary = portfolioOf([
      approved({}),
      approved({
        proposalId: 'p2',
        instrument: 'credit-line',
        countries: ['EG', 'TN', 'JO'],
        regions: ['africa', 'arab-states'],
        amountUsd: 400_000,
      }),
    ]);
    expect(summary).toMatchObject({ proposals: 2, amountUsd: 1_400_000 });
    expect(summary.byRegion).toEqual([
      { key: 'africa', proposals: 2, amountUsd: 1_200_000 },
      { key: 'arab-states', proposals: 1, amountUsd: 200_000 },
    ]);
    expect(summary.byInstrument.map((c) => [c.key, c.amountUsd])).toEqual([
      ['guarantee-fund', 1_000_000],
      ['credit-line', 400_000],
    ]);
  });

  it('draw the accepted links as a graph of proposals and tools', () => {
    const link = (proposalId: string, toolRef: string): LinkageDoc => ({
      proposalId,
      proposalTitle: `Proposal ${proposalId}`,
      department: 'd',
      toolRef,
      kind: 'course',
      toolId: toolRef.slice(7),
      context: 'training',
      toolTitle: `Course ${toolRef}`,
      score: 0.5,
      reason: 'Shares the country Kenya',
      acceptedBy: 'amina.odhiambo',
      acceptedAt: '2026-03-05T10:00:00.000Z',
    });
    const map = linkageMapOf([
      link('p1', 'course:a'),
      link('p2', 'course:a'),
      link('p1', 'course:b'),
    ]);
    expect(map.nodes.map((n) => [n.type, n.id])).toEqual([
      ['proposal', 'p1'],
      ['proposal', 'p2'],
      ['tool', 'course:a'],
      ['tool', 'course:b'],
    ]);
    expect(map.edges.map((e) => `${e.proposalId}→${e.toolRef}`)).toEqual([
      'p1→course:a',
      'p1→course:b',
      'p2→course:a',
    ]);
  });
});
