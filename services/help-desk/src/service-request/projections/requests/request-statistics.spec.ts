import { median, percentile, requestStatistics } from './request-statistics';
import type { RequestSummary } from './request-summary';

function summary(overrides: Partial<RequestSummary>): RequestSummary {
  return {
    requestId: 'r',
    title: 't',
    status: 'submitted',
    open: true,
    kind: 'referral',
    themes: [],
    region: 'africa',
    country: 'SN',
    priority: 'normal',
    priorityRank: 2,
    origin: 'unit',
    organisation: 'o',
    submittedAt: '2026-03-01T00:00:00.000Z',
    submittedMonth: '2026-03',
    dueAt: '2026-03-11T00:00:00.000Z',
    slaBreached: false,
    slaEverBreached: false,
    lastActivityAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  } as RequestSummary;
}

describe('request statistics', () => {
  it('computes median and nearest-rank p90 as worked by hand', () => {
    // 1..10: median (5+6)/2 = 5.5; p90 rank ceil(0.9*10)=9 -> 9
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(median(sorted)).toBe(5.5);
    expect(percentile(sorted, 90)).toBe(9);
    expect(median([3, 1, 2].sort())).toBe(2);
    expect(percentile([7], 90)).toBe(7);
    expect(median([])).toBeNull();
  });

  it('counts volumes by kind, theme, region, month and status, and the breach rate of decided requests', () => {
    const stats = requestStatistics([
      summary({
        kind: 'referral',
        themes: ['youth', 'gender'],
        region: 'africa',
        submittedMonth: '2026-03',
        status: 'closed',
        hoursToFirstResponse: 2,
        hoursToResolution: 30,
      }),
      summary({
        kind: 'referral',
        themes: ['youth'],
        region: 'americas',
        submittedMonth: '2026-04',
        status: 'resolved',
        hoursToFirstResponse: 4,
        hoursToResolution: 50,
        slaEverBreached: true,
      }),
      summary({
        kind: 'tool-development',
        themes: [],
        region: 'africa',
        submittedMonth: '2026-04',
        status: 'assigned',
        hoursToFirstResponse: 9,
        slaEverBreached: true,
        slaBreached: true,
      }),
      summary({
        kind: 'tool-development',
        themes: ['gender'],
        region: 'asia-pacific',
        submittedMonth: '2026-04',
        status: 'submitted',
      }),
    ]);
    expect(stats.total).toBe(4);
    expect(stats.byKind).toEqual({ referral: 2, 'tool-development': 2 });
    expect(stats.byTheme).toEqual({ youth: 2, gender: 2 });
    expect(stats.byRegion).toEqual({ africa: 2, americas: 1, 'asia-pacific': 1 });
    expect(stats.byMonth).toEqual({ '2026-03': 1, '2026-04': 3 });
    expect(stats.byStatus).toEqual({ closed: 1, resolved: 1, assigned: 1, submitted: 1 });
    expect(stats.firstResponse).toEqual({ count: 3, medianHours: 4, p90Hours: 9 });
    expect(stats.resolution).toEqual({ count: 2, medianHours: 40, p90Hours: 50 });
    // decided: closed, resolved (breached), assigned-but-breached -> 3, of which 2 breached
    expect(stats.sla).toEqual({ evaluated: 3, breached: 2, breachRate: 0.6667 });
  });

  it('is empty, not NaN, for no requests', () => {
    const stats = requestStatistics([]);
    expect(stats.firstResponse).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(stats.sla.breachRate).toBeNull();
  });
});
