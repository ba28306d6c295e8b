import type { RequestCommandType, Requester, RequestStatus, RequestSubject } from '@sfp/contracts';
import type { ServiceRequestCommand, SubmitServiceRequest } from '../service-request.commands';
import {
  ServiceRequestAssigned,
  ServiceRequestCancelled,
  ServiceRequestClosed,
  ServiceRequestReferred,
  ServiceRequestResolved,
  ServiceRequestSubmitted,
  ServiceRequestTriaged,
  ServiceRequestWorkStarted,
  type ServiceRequestEvent,
} from '../service-request.events';

/**
 * One service request for the domain's specs: what its requester files on
 * T0, a well-formed command of every type given on a request, and the events
 * that bring the request to each status. Dates are days after T0 (`at`).
 */
export const requestId = 'service-request-0b6c3f0e-8a55-4d5e-9c1b-5f6a7e8d9c0a';
export const T0 = '2026-03-02T09:00:00.000Z';
export const at = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

/** What the requester files (a normal priority: due 10 days later). */
export const filing: RequestSubject & { requester: Requester } = {
  requester: {
    personId: 'person-1',
    name: 'Amina Diallo',
    email: 'amina.diallo@example.org',
    origin: 'regional-office',
    organisation: 'Regional Office for Africa',
  },
  title: 'Guidelines for a guarantee fund',
  description: 'How should the fund for youth entrepreneurs be managed?',
  kind: 'fund-instrument-guidelines',
  themes: ['youth', 'poverty'],
  region: 'africa',
  country: 'SN',
  priority: 'normal',
};

export const submit: SubmitServiceRequest = {
  type: 'SubmitServiceRequest',
  requestId,
  ...filing,
  at: T0,
  by: 'person-1',
};

/**
 * A well-formed command of each type given on a request: only its status can
 * refuse it (a reopening comes within the window). Fails to compile if the
 * contracts name a command the help desk has not.
 */
export const commands: {
  [C in RequestCommandType]: Extract<ServiceRequestCommand, { type: C }>;
} = {
  TriageServiceRequest: {
    type: 'TriageServiceRequest',
    kind: 'fund-instrument-guidelines',
    themes: ['youth'],
    priority: 'high',
    at: at(1),
    by: 'op-1',
  },
  AssignServiceRequest: {
    type: 'AssignServiceRequest',
    assignee: 'staff-9',
    at: at(2),
    by: 'op-1',
  },
  StartWorkOnServiceRequest: { type: 'StartWorkOnServiceRequest', at: at(2), by: 'staff-7' },
  ReferServiceRequest: {
    type: 'ReferServiceRequest',
    target: 'internal-unit',
    referredTo: 'Cooperatives unit',
    reason: 'Their field',
    at: at(3),
    by: 'staff-7',
  },
  ResolveServiceRequest: {
    type: 'ResolveServiceRequest',
    answer: 'Done',
    outputs: [],
    at: at(4),
    by: 'staff-7',
  },
  CloseServiceRequest: { type: 'CloseServiceRequest', at: at(5), by: 'op-1' },
  ReopenServiceRequest: {
    type: 'ReopenServiceRequest',
    reason: 'The answer missed the youth component',
    at: at(6),
    by: 'person-1',
  },
  CancelServiceRequest: {
    type: 'CancelServiceRequest',
    cancelledBy: 'operator',
    reason: 'Duplicate',
    at: at(2),
    by: 'op-1',
  },
  CommentOnServiceRequest: {
    type: 'CommentOnServiceRequest',
    commentId: 'c-1',
    text: 'Any news?',
    at: at(2),
    by: 'person-1',
  },
};

export const submitted = ServiceRequestSubmitted.of({
  requestId,
  ...filing,
  submittedAt: T0,
  dueAt: at(10),
});
/** As the triage command records it: high priority, due 5 days after submission. */
export const triaged = ServiceRequestTriaged.of({
  requestId,
  kind: 'fund-instrument-guidelines',
  themes: ['youth'],
  priority: 'high',
  dueAt: at(5),
  triagedBy: 'op-1',
  triagedAt: at(1),
});
export const assigned = ServiceRequestAssigned.of({
  requestId,
  assignee: 'staff-7',
  assignedBy: 'op-1',
  assignedAt: at(1),
});
/** As the start command records it. */
export const started = ServiceRequestWorkStarted.of({
  requestId,
  startedBy: 'staff-7',
  startedAt: at(2),
});
const referred = ServiceRequestReferred.of({
  requestId,
  target: 'external-body',
  referredTo: 'CGAP',
  reason: 'They hold the guarantee-fund toolkit',
  referredBy: 'staff-7',
  referredAt: at(3),
});
const resolved = ServiceRequestResolved.of({
  requestId,
  answer: 'Guidelines sent',
  outputs: ['Guarantee fund guidelines, 2026 edition'],
  resolvedBy: 'staff-7',
  resolvedAt: at(4),
});
/** As the close command records it. */
export const closed = ServiceRequestClosed.of({ requestId, closedBy: 'op-1', closedAt: at(5) });
const cancelled = ServiceRequestCancelled.of({
  requestId,
  cancelledBy: 'requester',
  reason: 'No longer needed',
  actorId: 'person-1',
  cancelledAt: at(1),
});

/** The events that bring the request to each status (assigned to staff-7, resolved on day 4). */
export const history: Record<RequestStatus, ServiceRequestEvent[]> = {
  submitted: [submitted],
  triaged: [submitted, triaged],
  assigned: [submitted, triaged, assigned],
  'in-progress': [submitted, triaged, assigned, started],
  referred: [submitted, triaged, assigned, started, referred],
  resolved: [submitted, triaged, assigned, started, resolved],
  closed: [submitted, triaged, assigned, started, resolved, closed],
  cancelled: [submitted, cancelled],
};
