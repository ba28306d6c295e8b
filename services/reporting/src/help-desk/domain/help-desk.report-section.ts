import { mean, median } from '../../query/domain/analyst-query.evaluation';
import {
  breakdown,
  type ComputedSection,
  type ReportFigure,
} from '../../report/domain/progress-report';
import { inPeriod, type ReportPeriod } from '../../report/domain/report-period';
import { HELP_DESK_SOURCE } from './help-desk.public-events';
import type { ServiceRequestFacts } from './service-request-facts';

/**
 * The help desk and service function for a period (pure):
 *  - received: requests submitted in the period, by kind and by theme (a
 *    request with two themes counts under both);
 *  - resolved: requests whose FIRST resolution falls in the period, by kind and theme;
 *  - time to resolution of those: hours from submission to first resolution, median and mean;
 *  - SLA breaches detected in the period, by priority;
 *  - cancelled in the period.
 */
export function helpDeskReportSection(
  period: ReportPeriod,
  requests: readonly ServiceRequestFacts[],
): ComputedSection {
  const received = requests.filter((r) => inPeriod(period, r.submittedAt));
  const resolved = requests.filter((r) => inPeriod(period, r.firstResolvedAt));
  const cancelled = requests.filter((r) => inPeriod(period, r.cancelledAt));
  const hours = resolved
    .map((r) => r.hoursToFirstResolution)
    .filter((h): h is number => typeof h === 'number');
  const breaches = requests.flatMap((r) =>
    r.slaBreachDetectedAt.filter((at) => inPeriod(period, at)).map(() => r.priority),
  );
  const figures: ReportFigure[] = [
    { metric: 'requestsReceived', key: null, value: received.length, unit: 'count' },
    { metric: 'requestsResolved', key: null, value: resolved.length, unit: 'count' },
    { metric: 'requestsCancelled', key: null, value: cancelled.length, unit: 'count' },
    { metric: 'medianHoursToResolution', key: null, value: median(hours), unit: 'hours' },
    { metric: 'meanHoursToResolution', key: null, value: mean(hours), unit: 'hours' },
    { metric: 'slaBreaches', key: null, value: breaches.length, unit: 'count' },
    ...breakdown('requestsReceivedByKind', received, (r) => [r.kind]),
    ...breakdown('requestsReceivedByTheme', received, (r) => r.themes),
    ...breakdown('requestsResolvedByKind', resolved, (r) => [r.kind]),
    ...breakdown('requestsResolvedByTheme', resolved, (r) => r.themes),
    ...breakdown('slaBreachesByPriority', breaches, (p) => [p]),
  ];
  return {
    function: 'help-desk-and-service',
    context: HELP_DESK_SOURCE,
    figures,
    notes: [
      'Received: requests submitted in the period. Resolved: requests first resolved in the period (a later reopening does not change the period they count in).',
      'Time to resolution: hours from submission to first resolution, over the requests resolved in the period.',
      'Kind and themes are those set at triage (or at submission when not triaged). A request with several themes counts under each.',
      'SLA breaches: breaches detected in the period (at most one per request and due date).',
    ],
  };
}
