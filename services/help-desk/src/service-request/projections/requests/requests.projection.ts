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
  resolvedAt: 'string',
  lastActivityAt: 'string',
  ...Object.fromEntries(THEMES.map((theme) => [themeFlag(theme), 'boolean' as const])),
};

/** The event, and who caused it (the filing department is the submitter's). */
type Handler = (
  event: ServiceRequestEvent,
  current: RequestSummary | undefined,
  actor: { department?: string },
) => RequestSummary | undefined;

const on: { [T in ServiceRequestEvent['type']]: Handler } = {
  'help-desk.ServiceRequestSubmitted': (event, _current, actor) => {
    if (event.type !== 'help-desk.ServiceRequestSubmitted') return undefined;
    const d = event.data;
    return {
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
    };
  },
  'help-desk.ServiceRequestTriaged': (event, current) => {
    if (event.type !== 'help-desk.ServiceRequestTriaged' || !current) return undefined;
    const d = event.data;
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
  },
  'help-desk.ServiceRequestAssigned': (event, current) =>
    event.type === 'help-desk.ServiceRequestAssigned' && current
      ? {
          ...current,
          status: current.status === 'in-progress' ? 'in-progress' : 'assigned',
          assignee: event.data.assignee,
          lastActivityAt: event.data.assignedAt,
        }
      : undefined,
  'help-desk.ServiceRequestWorkStarted': (event, current) =>
    event.type === 'help-desk.ServiceRequestWorkStarted' && current
      ? { ...current, status: 'in-progress', lastActivityAt: event.data.startedAt }
      : undefined,
  'help-desk.ServiceRequestReferred': (event, current) =>
    event.type === 'help-desk.ServiceRequestReferred' && current
      ? { ...current, status: 'referred', lastActivityAt: event.data.referredAt }
      : undefined,
  'help-desk.ServiceRequestResolved': (event, current) =>
    event.type === 'help-desk.ServiceRequestResolved' && current
      ? {
          ...current,
          status: 'resolved',
          open: false,
          resolvedAt: event.data.resolvedAt,
          hoursToResolution: hoursBetween(current.submittedAt, event.data.resolvedAt),
          lastActivityAt: event.data.resolvedAt,
        }
      : undefined,
  'help-desk.ServiceRequestClosed': (event, current) =>
    event.type === 'help-desk.ServiceRequestClosed' && current
      ? {
          ...current,
          status: 'closed',
          open: false,
          closedAt: event.data.closedAt,
          lastActivityAt: event.data.closedAt,
        }
      : undefined,
  'help-desk.ServiceRequestReopened': (event, current) => {
    if (event.type !== 'help-desk.ServiceRequestReopened' || !current) return undefined;
    const { closedAt: _closed, ...rest } = current;
    return {
      ...rest,
      status: 'in-progress',
      open: true,
      dueAt: event.data.dueAt,
      slaBreached: false,
      lastActivityAt: event.data.reopenedAt,
    };
  },
  'help-desk.ServiceRequestCancelled': (event, current) =>
    event.type === 'help-desk.ServiceRequestCancelled' && current
      ? { ...current, status: 'cancelled', open: false, lastActivityAt: event.data.cancelledAt }
      : undefined,
  'help-desk.ServiceRequestCommented': (event, current) =>
    event.type === 'help-desk.ServiceRequestCommented' && current
      ? { ...current, lastActivityAt: event.data.commentedAt }
      : undefined,
  'help-desk.ServiceRequestSlaBreached': (event, current) =>
    event.type === 'help-desk.ServiceRequestSlaBreached' && current
      ? { ...current, slaBreached: true, slaEverBreached: true }
      : undefined,
};

/**
 * The help desk's request list: one document per request, kept by every event
 * of its stream. Serves the queue (open requests by assignee, priority and SLA
 * status), the full list with filters and CSV export, and the statistics.
 */
export const requestsProjection = defineProjection<RequestSummary>({
  name: REQUESTS_PROJECTION,
  version: 2,
  fields,
  handlers: Object.fromEntries(
    Object.entries(on).map(([type, handler]) => [
      type,
      async (recorded, view) => {
        const event = { type: recorded.type, data: recorded.data } as ServiceRequestEvent;
        const id = (recorded.data as { requestId: string }).requestId;
        await view.update(id, (current) => handler(event, current, recorded.actor));
      },
    ]),
  ),
});
