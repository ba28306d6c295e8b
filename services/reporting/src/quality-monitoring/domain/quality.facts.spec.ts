import { scriptedQualityHistory } from '../quality-history.fixture';
import { qualityReportData } from '../quality-rows.fixture';

describe('the quality-monitoring facts', () => {
  const data = qualityReportData(scriptedQualityHistory().events);

  it('keep each review’s decision, red flags and deficiencies (criteria in the bottom half of the scale)', () => {
    const sentBack = data.decisions.find((d) => d.reviewId === 'p-b/r1');
    expect(sentBack).toMatchObject({
      decision: 'revise-and-resubmit',
      approved: false,
      redFlags: ['direct-lending', 'no-exit-strategy'],
      redFlagCount: 2,
      deficiencies: ['channel', 'exit-strategy'],
      turnaroundWorkingDays: 28,
      withinServiceLevel: false,
      regions: ['africa'],
    });
    // The second review had no submitted ratings: no deficiency is invented.
    expect(data.decisions.find((d) => d.reviewId === 'p-b/r2')).toMatchObject({
      decision: 'approved-with-conditions',
      conditions: 1,
      deficiencies: [],
    });
  });

  it('follow a proposal through its resubmission to the current version', () => {
    expect(data.proposals.find((p) => p.proposalId === 'p-b')).toMatchObject({
      version: 2,
      status: 'approved-with-conditions',
      channel: 'specialised-provider',
      reviews: 2,
      versionSubmittedAt: '2026-01-20T09:00:00.000Z',
      submittedAt: '2025-12-01T09:00:00.000Z',
    });
    expect(data.proposals.find((p) => p.proposalId === 'p-e')).toMatchObject({
      status: 'withdrawn',
    });
  });

  it('put an approved component in the portfolio in US dollars at its own rate', () => {
    expect(data.portfolio.find((p) => p.proposalId === 'p-b')).toMatchObject({
      approved: true,
      amount: 300_000_000,
      currency: 'XOF',
      amountUsd: 500_000,
      approvedAt: '2026-02-05T09:00:00.000Z',
    });
    expect(data.portfolio.find((p) => p.proposalId === 'p-c')).toMatchObject({
      approved: false,
      decision: 'rejected',
      approvedAt: null,
    });
  });

  it('keep a dismissed link with when it had been accepted', () => {
    expect(data.linkages.find((l) => l.linkageId === 'p-c|practice-note:n-1')).toMatchObject({
      status: 'dismissed',
      acceptedAt: '2026-02-11T09:00:00.000Z',
      dismissedAt: '2026-03-01T09:00:00.000Z',
      toolTitle: 'The practice-note n-1',
    });
    expect(data.proposals.find((p) => p.proposalId === 'p-c')?.linkagesAccepted).toBe(1);
  });
});
