import type { ServiceRequestFacts } from './domain/service-request-facts';
import { evolveServiceRequestFacts } from './domain/service-request-facts';
import {
  HELP_DESK_EVENT_TYPES,
  HELP_DESK_SOURCE,
  helpDeskShapeProblems,
} from './domain/help-desk.public-events';
import { helpDeskReportSection } from './domain/help-desk.report-section';
import { documentsBefore, type ReportingPlugin } from '../registry/reporting-plugin';
import { defineReportingView } from '../registry/reporting-view';

export const SERVICE_REQUESTS_VIEW = 'service-requests';

/** One document per service request: what the help desk did and when, without personal data. */
export const serviceRequestsView = defineReportingView<ServiceRequestFacts>({
  name: SERVICE_REQUESTS_VIEW,
  context: HELP_DESK_SOURCE,
  title: 'Service requests (help desk and service function)',
  description:
    'One row per request filed with the help desk: kind, themes, region, priority, status, when it was received, first answered and first resolved, SLA breaches.',
  version: 1,
  idField: 'requestId',
  eventTypes: Object.values(HELP_DESK_EVENT_TYPES),
  evolve: evolveServiceRequestFacts,
  fields: {
    requestId: { type: 'string', description: 'The request id' },
    kind: { type: 'string', description: 'Kind of request (latest, as triaged)' },
    themes: { type: 'string-list', description: 'Themes (youth, gender, ...)' },
    globalInitiative: { type: 'string', description: 'Global initiative coordinated, if any' },
    region: { type: 'string', description: 'Region' },
    country: { type: 'string', description: 'ISO 3166-1 alpha-2 country' },
    priority: { type: 'string', description: 'low, normal, high, urgent' },
    origin: { type: 'string', description: 'unit, department, regional-office, constituent' },
    constituentGroup: {
      type: 'string',
      description: 'Constituent group of the requester, when given',
    },
    status: { type: 'string', description: 'Current status' },
    open: { type: 'boolean', description: 'Not resolved, closed or cancelled' },
    submittedAt: { type: 'timestamp', description: 'When it was received' },
    firstResponseAt: { type: 'timestamp', description: 'When it was first triaged' },
    hoursToFirstResponse: { type: 'number', description: 'Hours from submission to first triage' },
    firstResolvedAt: { type: 'timestamp', description: 'When it was first resolved' },
    hoursToFirstResolution: {
      type: 'number',
      description: 'Hours from submission to first resolution',
    },
    lastResolvedAt: { type: 'timestamp', description: 'When it was last resolved' },
    closedAt: { type: 'timestamp', description: 'When it was closed' },
    cancelledAt: { type: 'timestamp', description: 'When it was cancelled' },
    reopenCount: { type: 'number', description: 'Times reopened' },
    referralCount: { type: 'number', description: 'Times referred' },
    slaBreachCount: { type: 'number', description: 'SLA breaches recorded' },
    slaBreachDetectedAt: { type: 'string-list', description: 'When each SLA breach was detected' },
    slaBreached: { type: 'boolean', description: 'Breached its SLA at least once' },
  },
});

/** The help desk's contribution to reporting. */
export const helpDeskReporting: ReportingPlugin = {
  context: HELP_DESK_SOURCE,
  shapeProblems: helpDeskShapeProblems,
  views: [serviceRequestsView],
  sections: [
    {
      function: 'help-desk-and-service',
      compute: async (period, documents) =>
        helpDeskReportSection(
          period,
          // Anything resolved, cancelled or breached in the period was submitted before its end.
          await documentsBefore(documents, period.to)<ServiceRequestFacts>(
            SERVICE_REQUESTS_VIEW,
            'submittedAt',
          ),
        ),
    },
  ],
};
