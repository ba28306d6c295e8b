import { defineProjection, type ReadModelFields } from '@sfp/projections';
import type { ServiceRequestEvent } from '../../domain/service-request.events';
import { THEMES } from '../../domain/service-request.reference-data';
import {
  hoursBetween,
  PRIORITY_RANK,
  themeFlag,
  themeFlags,
  type RequestSummary,
} from './request-summary';

export const REQUESTS_PROJECTION = 'help-desk-requests';

const fields: ReadModelFields = {
  status: 'string',
  open: 'boolean',
  kind: 'string',
  region: 'string',
  country: 'string',
  priority: 'string',
  priorityRank: 'number',
  origin: 'string',
  department: 'string',
  assignee: 'string',
  submittedAt: 'string',
  submittedMonth: 'string',
  dueAt: 'string',
  slaBreached: 'boolean',
  escalation: 'string',
  resolvedAt: 'string',
  lastActivityAt: 'string',
  ...Object.fromEntries(THEMES.map((theme) => [themeFlag(theme), 'boolean' as const])),
};

type EventType = ServiceRequestEvent['type'];
type DataOf<T extends EventType> = Extract<ServiceRequestEvent, { type: T }>['data'];

/** The row after an event of type T, and who caused it (the filing department is the submitter's). */
type Handler<T extends EventType> = (
  event: { type: T; data: DataOf<T> },
  current: RequestSummary | undefined,
  actor: { department?: string },
) => RequestSummary | undefined;

/** An event on a listed request: the row it makes of the current one (none yet: nothing to change). */
function later<T extends EventType>(
  change: (data: DataOf<T>, current: RequestSummary) => RequestSummary,
): Handler<T> {
  return (event, current) => current && change(event.data, current);
}

const on: { [T in EventType]: Handler<T> } = {
  'help-desk.ServiceRequestSubmitted': ({ data: d }, _current, actor) => ({
    requestId: d.requestId,
    title: d.title,
    status: 'submitted',
    open: true,
    kind: d.kind,
    ...(d.globalInitiative ? { globalInitiative: d.globalInitiative } : {}),
    themes: d.themes,
    ...themeFlags(d.themes),
    region: d.region,
    country: d.country,
    priority: d.priority,
    priorityRank: PRIORITY_RANK[d.priority],
    origin: d.requester.origin,
    organisation: d.requester.organisation,
    ...(actor.department ? { department: actor.department } : {}),
    submittedAt: d.submittedAt,
    submittedMonth: d.submittedAt.slice(0, 7),
    dueAt: d.dueAt,
    slaBreached: false,
    slaEverBreached: false,
    lastActivityAt: d.submittedAt,
  }),
  'help-desk.ServiceRequestTriaged': later((d, current) => {
    const { globalInitiative: _previous, ...rest } = current;
    return {
      ...rest,
      ...(d.globalInitiative ? { globalInitiative: d.globalInitiative } : {}),
      status: 'triaged',
      kind: d.kind,
      themes: d.themes,
      ...themeFlags(d.themes),
      priority: d.priority,
      priorityRank: PRIORITY_RANK[d.priority],
      dueAt: d.dueAt,
      firstResponseAt: current.firstResponseAt ?? d.triagedAt,
      hoursToFirstResponse:
        current.hoursToFirstResponse ?? hoursBetween(current.submittedAt, d.triagedAt),
      lastActivityAt: d.triagedAt,
    };
  }),
  'help-desk.ServiceRequestAssigned': later((d, current) => ({
    ...current,
    status: current.status === 'in-progress' ? 'in-progress' : 'assigned',
    assignee: d.assignee,
    lastActivityAt: d.assignedAt,
  })),
  'help-desk.ServiceRequestWorkStarted': later((d, current) => ({
    ...current,
    status: 'in-progress',
    lastActivityAt: d.startedAt,
  })),
  'help-desk.ServiceRequestReferred': later((d, current) => ({
    ...current,
    status: 'referred',
    lastActivityAt: d.referredAt,
  })),
  'help-desk.ServiceRequestResolved': later((d, current) => ({
    ...current,
    status: 'resolved',
    open: false,
    resolvedAt: d.resolvedAt,
    hoursToResolution: hoursBetween(current.submittedAt, d.resolvedAt),
    lastActivityAt: d.resolvedAt,
  })),
  'help-desk.ServiceRequestClosed': later((d, current) => ({
    ...current,
    status: 'closed',
    open: false,
    closedAt: d.closedAt,
    lastActivityAt: d.closedAt,
  })),
  'help-desk.ServiceRequestReopened': later((d, current) => {
    const { closedAt: _closed, escalation: _escalation, escalatedTo: _to, ...rest } = current;
    return {
      ...rest,
      status: 'in-progress',
      open: true,
      dueAt: d.dueAt,
      slaBreached: false,
      lastActivityAt: d.reopenedAt,
    };
  }),
  'help-desk.ServiceRequestCancelled': later((d, current) => ({
    ...current,
    status: 'cancelled',
    open: false,
    lastActivityAt: d.cancelledAt,
  })),
  'help-desk.ServiceRequestCommented': later((d, current) => ({
    ...current,
    lastActivityAt: d.commentedAt,
  })),
  'help-desk.ServiceRequestSatisfactionRated': later((d, current) => ({
    ...current,
    satisfactionRating: d.rating,
  })),
  'help-desk.ServiceRequestEscalated': later((d, current) => ({
    ...current,
    escalation: d.reason,
    escalatedTo: d.teamLead,
  })),
  'help-desk.ServiceRequestSlaBreached': later((_d, current) => ({
    ...current,
    slaBreached: true,
    slaEverBreached: true,
  })),
};

/**
 * The help desk's request list: one document per request, kept by every event
 * of its stream. Serves the queue (open requests by assignee, priority and SLA
 * status), the full list with filters and CSV export, and the statistics.
 */
export const requestsProjection = defineProjection<RequestSummary>({
  name: REQUESTS_PROJECTION,
  version: 3,
  fields,
  handlers: Object.fromEntries(
    Object.entries(on).map(([type, handler]) => [
      type,
      async (recorded, view) => {
        const event = { type: recorded.type, data: recorded.data } as ServiceRequestEvent;
        const id = (recorded.data as { requestId: string }).requestId;
        await view.update(id, (current) =>
          (handler as Handler<EventType>)(event, current, recorded.actor),
        );
      },
    ]),
  ),
});
