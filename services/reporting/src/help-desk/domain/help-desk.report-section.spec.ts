import { scriptedHistory } from '../../../test/support/help-desk-history';
import { parseReportPeriod } from '../../report/domain/report-period';
import { helpDeskReportSection } from './help-desk.report-section';
import { evolveServiceRequestFacts, type ServiceRequestFacts } from './service-request-facts';

/** Folds the events recorded up to `until` into facts, one per request. */
function facts(until = '9999'): ServiceRequestFacts[] {
  const byId = new Map<string, ServiceRequestFacts>();
  for (const event of scriptedHistory().history.events) {
    if (event.recordedAt > until) continue;
    const data = event.data as Record<string, unknown>;
    const id = String(data['requestId']);
    const next = evolveServiceRequestFacts(byId.get(id), { type: event.type, data });
    if (next) byId.set(id, next);
  }
  return [...byId.values()];
}

function figures(period: string, until?: string): Record<string, number | null> {
  const section = helpDeskReportSection(parseReportPeriod(period), facts(until));
  return Object.fromEntries(
    section.figures.map((f) => [f.key === null ? f.metric : `${f.metric}.${f.key}`, f.value]),
  );
}

describe('help desk section of the progress report (figures worked by hand)', () => {
  it('2026-Q1: received A B C E, resolved A B D, median and mean of 48, 312, 360 h, two breaches', () => {
    expect(figures('2026-Q1')).toEqual({
      requestsReceived: 4,
      requestsResolved: 3,
      requestsCancelled: 1,
      medianHoursToResolution: 312,
      meanHoursToResolution: 240,
      slaBreaches: 2,
      'requestsReceivedByKind.referral': 3,
      'requestsReceivedByKind.programme-guidance': 1,
      'requestsReceivedByTheme.youth': 2,
      'requestsReceivedByTheme.gender': 2,
      'requestsReceivedByTheme.poverty': 1,
      'requestsResolvedByKind.referral': 1,
      'requestsResolvedByKind.programme-guidance': 1,
      'requestsResolvedByKind.fund-instrument-guidelines': 1,
      'requestsResolvedByTheme.youth': 2,
      'requestsResolvedByTheme.gender': 1,
      'requestsResolvedByTheme.poverty': 1,
      'requestsResolvedByTheme.microinsurance': 1,
      'slaBreachesByPriority.normal': 1,
      'slaBreachesByPriority.urgent': 1,
    });
  });

  it('2026-Q2: C resolved (312 h); B resolved again does not count twice', () => {
    expect(figures('2026-Q2')).toEqual({
      requestsReceived: 0,
      requestsResolved: 1,
      requestsCancelled: 0,
      medianHoursToResolution: 312,
      meanHoursToResolution: 312,
      slaBreaches: 0,
      'requestsResolvedByKind.referral': 1,
    });
  });

  it('2026: median of 48, 312, 312, 360 is 312 and the mean 258', () => {
    const year = figures('2026');
    expect(year).toMatchObject({
      requestsReceived: 4,
      requestsResolved: 4,
      medianHoursToResolution: 312,
      meanHoursToResolution: 258,
      slaBreaches: 2,
    });
  });

  it('2025-2026 biennium counts D received in 2025', () => {
    expect(figures('2025-2026')).toMatchObject({ requestsReceived: 5, requestsResolved: 4 });
  });

  it('a period with no activity is empty: zero counts, no time to measure, no breakdowns', () => {
    expect(figures('2027-Q3')).toEqual({
      requestsReceived: 0,
      requestsResolved: 0,
      requestsCancelled: 0,
      medianHoursToResolution: null,
      meanHoursToResolution: null,
      slaBreaches: 0,
    });
  });

  it('as the events stood on 2026-02-01: only A received, A and D resolved (48 and 312 h)', () => {
    expect(figures('2026-Q1', '2026-02-01T00:00:00.000Z')).toMatchObject({
      requestsReceived: 1,
      requestsResolved: 2,
      medianHoursToResolution: 180,
      meanHoursToResolution: 180,
      slaBreaches: 0,
    });
  });
});
