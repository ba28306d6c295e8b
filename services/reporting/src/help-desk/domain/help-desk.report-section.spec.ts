import { scriptedHistory } from '../../../test/support/help-desk-history';
import {
  figuresByName,
  foldFacts,
  HELP_DESK_FIGURES_2026_Q1,
  HELP_DESK_FIGURES_EMPTY,
} from '../../../test/support/report-figures';
import { parseReportPeriod } from '../../report/domain/report-period';
import { helpDeskReportSection } from './help-desk.report-section';
import { evolveServiceRequestFacts, type ServiceRequestFacts } from './service-request-facts';

/** Folds the events recorded up to `until` into facts, one per request. */
function facts(until = '9999'): ServiceRequestFacts[] {
  const recorded = scriptedHistory().history.events.filter((event) => event.recordedAt <= until);
  return foldFacts(recorded, evolveServiceRequestFacts, 'requestId');
}

function figures(period: string, until?: string): Record<string, number | null> {
  return figuresByName(helpDeskReportSection(parseReportPeriod(period), facts(until)).figures);
}

describe('help desk section of the progress report (figures worked by hand)', () => {
  it('2026-Q1: received A B C E, resolved A B D, median and mean of 48, 312, 360 h, two breaches', () => {
    expect(figures('2026-Q1')).toEqual(HELP_DESK_FIGURES_2026_Q1);
  });

  it('2026-Q2: C resolved (312 h); B resolved again does not count twice', () => {
    expect(figures('2026-Q2')).toEqual({
      ...HELP_DESK_FIGURES_EMPTY,
      requestsResolved: 1,
      medianHoursToResolution: 312,
      meanHoursToResolution: 312,
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
    expect(figures('2027-Q3')).toEqual(HELP_DESK_FIGURES_EMPTY);
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
