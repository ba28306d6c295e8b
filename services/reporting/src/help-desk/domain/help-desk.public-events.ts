import { payloadShapeProblems, type PayloadShapes } from '../../consumption/payload-shape';
import type { ShapeProblem } from '../../registry/reporting-plugin';

/**
 * The help desk's public events as reporting reads them (see
 * docs/event-catalogue.md, help-desk): type names and the payload fields
 * reporting uses. Reporting does not import the help desk's code; a payload
 * that lacks these fields is refused at consumption (dead letter), so the
 * projections can rely on them.
 */
export const HELP_DESK_SOURCE = 'help-desk';

export const HELP_DESK_EVENT_TYPES = {
  submitted: 'help-desk.ServiceRequestSubmitted',
  triaged: 'help-desk.ServiceRequestTriaged',
  assigned: 'help-desk.ServiceRequestAssigned',
  workStarted: 'help-desk.ServiceRequestWorkStarted',
  referred: 'help-desk.ServiceRequestReferred',
  resolved: 'help-desk.ServiceRequestResolved',
  closed: 'help-desk.ServiceRequestClosed',
  reopened: 'help-desk.ServiceRequestReopened',
  cancelled: 'help-desk.ServiceRequestCancelled',
  commented: 'help-desk.ServiceRequestCommented',
  slaBreached: 'help-desk.ServiceRequestSlaBreached',
} as const;

/** The fields reporting reads from each event's data, and their shape. */
const SHAPES: PayloadShapes = {
  [HELP_DESK_EVENT_TYPES.submitted]: {
    requestId: 'string',
    requester: 'object',
    kind: 'string',
    globalInitiative: 'string?',
    themes: 'string[]',
    region: 'string',
    country: 'string',
    priority: 'string',
    submittedAt: 'string',
    dueAt: 'string',
  },
  [HELP_DESK_EVENT_TYPES.triaged]: {
    requestId: 'string',
    kind: 'string',
    globalInitiative: 'string?',
    themes: 'string[]',
    priority: 'string',
    dueAt: 'string',
    triagedAt: 'string',
  },
  [HELP_DESK_EVENT_TYPES.assigned]: {
    requestId: 'string',
    assignee: 'string',
    assignedAt: 'string',
  },
  [HELP_DESK_EVENT_TYPES.workStarted]: { requestId: 'string', startedAt: 'string' },
  [HELP_DESK_EVENT_TYPES.referred]: { requestId: 'string', target: 'string', referredAt: 'string' },
  [HELP_DESK_EVENT_TYPES.resolved]: { requestId: 'string', resolvedAt: 'string' },
  [HELP_DESK_EVENT_TYPES.closed]: { requestId: 'string', closedAt: 'string' },
  [HELP_DESK_EVENT_TYPES.reopened]: { requestId: 'string', reopenedAt: 'string', dueAt: 'string' },
  [HELP_DESK_EVENT_TYPES.cancelled]: {
    requestId: 'string',
    cancelledBy: 'string',
    cancelledAt: 'string',
  },
  [HELP_DESK_EVENT_TYPES.commented]: { requestId: 'string', commentedAt: 'string' },
  [HELP_DESK_EVENT_TYPES.slaBreached]: {
    requestId: 'string',
    dueAt: 'string',
    priority: 'string',
    detectedAt: 'string',
  },
};

/** The `string` fields named `...At` are timestamps. */
const TIME_FIELDS = /At$/;

/**
 * What is wrong with a help desk event's data for reporting ([] when it can be
 * used). Types reporting does not know are not checked (they are logged and
 * skipped by the projections).
 */
export function helpDeskShapeProblems(type: string, data: unknown): ShapeProblem[] {
  return payloadShapeProblems(SHAPES, type, data, TIME_FIELDS);
}
