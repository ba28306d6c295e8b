import {
  OPEN_REQUEST_STATUSES,
  REQUEST_COMMAND_ALLOWED_FROM,
  type RequestClassification,
  type RequestCommandType,
  type RequestStatus,
} from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import type { ServiceRequestCommand } from './service-request.commands';
import {
  IllegalTransitionError,
  ReopenWindowClosedError,
  ServiceRequestAlreadySubmittedError,
  ServiceRequestNotFoundError,
  ServiceRequestRuleError,
} from './service-request.errors';
import {
  ServiceRequestAssigned,
  ServiceRequestCancelled,
  ServiceRequestClosed,
  ServiceRequestCommented,
  ServiceRequestReferred,
  ServiceRequestReopened,
  ServiceRequestResolved,
  ServiceRequestSlaBreached,
  ServiceRequestSubmitted,
  ServiceRequestTriaged,
  ServiceRequestWorkStarted,
  type ServiceRequestEvent,
} from './service-request.events';
import type { GlobalInitiative, Priority, RequestKind } from './service-request.reference-data';
import { DEFAULT_SLA_POLICY, dueDate, reopenDeadline, type SlaPolicy } from './sla-policy';

/** The statuses and the allowed transitions are the platform's contracts (libs/contracts): the console shows the same. */
export type ServiceRequestStatus = RequestStatus;

export interface OpenedServiceRequest {
  status: ServiceRequestStatus;
  requestId: string;
  kind: RequestKind;
  priority: Priority;
  submittedAt: string;
  dueAt: string;
  assignee?: string;
  resolvedAt?: string;
  slaBreached: boolean;
}

/** No personal data in state: snapshots are not encrypted (see libs/event-sourcing). */
export type ServiceRequestState = { status: 'none' } | OpenedServiceRequest;

export function serviceRequestDecider(
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): Decider<ServiceRequestState, ServiceRequestCommand, ServiceRequestEvent> {
  return {
    initialState: () => ({ status: 'none' }),
    decide: (command, state) => decide(policy, command, state),
    evolve,
  };
}

function decide(
  policy: SlaPolicy,
  command: ServiceRequestCommand,
  state: ServiceRequestState,
): ServiceRequestEvent[] {
  if (command.type === 'SubmitServiceRequest') {
    if (state.status !== 'none') throw new ServiceRequestAlreadySubmittedError(state.requestId);
    return [
      ServiceRequestSubmitted.of({
        requestId: command.requestId,
        requester: command.requester,
        title: command.title,
        description: command.description,
        ...checkedClassification(command),
        region: command.region,
        country: command.country,
        priority: command.priority,
        submittedAt: command.at,
        dueAt: dueDate(policy, command.at, command.priority),
      }),
    ];
  }
  if (state.status === 'none') throw new ServiceRequestNotFoundError();
  if (command.type !== 'CheckServiceRequestSla') allowedFrom(command.type, state);
  const requestId = state.requestId;

  switch (command.type) {
    case 'TriageServiceRequest':
      return [
        ServiceRequestTriaged.of({
          requestId,
          ...checkedClassification(command),
          priority: command.priority,
          dueAt: dueDate(policy, state.submittedAt, command.priority),
          ...(command.note ? { note: command.note } : {}),
          triagedBy: command.by,
          triagedAt: command.at,
        }),
      ];
    case 'AssignServiceRequest': {
      if (state.assignee === command.assignee) return [];
      return [
        ServiceRequestAssigned.of({
          requestId,
          assignee: command.assignee,
          ...(state.assignee ? { previousAssignee: state.assignee } : {}),
          assignedBy: command.by,
          assignedAt: command.at,
        }),
      ];
    }
    case 'StartWorkOnServiceRequest':
      return [
        ServiceRequestWorkStarted.of({ requestId, startedBy: command.by, startedAt: command.at }),
      ];
    case 'ReferServiceRequest':
      return [
        ServiceRequestReferred.of({
          requestId,
          target: command.target,
          referredTo: command.referredTo,
          reason: command.reason,
          referredBy: command.by,
          referredAt: command.at,
        }),
      ];
    case 'ResolveServiceRequest':
      return [
        ServiceRequestResolved.of({
          requestId,
          answer: command.answer,
          outputs: command.outputs,
          resolvedBy: command.by,
          resolvedAt: command.at,
        }),
      ];
    case 'CloseServiceRequest':
      return [ServiceRequestClosed.of({ requestId, closedBy: command.by, closedAt: command.at })];
    case 'ReopenServiceRequest': {
      const deadline = reopenDeadline(policy, state.resolvedAt ?? command.at);
      if (Date.parse(command.at) > Date.parse(deadline))
        throw new ReopenWindowClosedError(deadline);
      return [
        ServiceRequestReopened.of({
          requestId,
          reason: command.reason,
          reopenedBy: command.by,
          reopenedAt: command.at,
          dueAt: dueDate(policy, command.at, state.priority),
        }),
      ];
    }
    case 'CancelServiceRequest':
      return [
        ServiceRequestCancelled.of({
          requestId,
          cancelledBy: command.cancelledBy,
          reason: command.reason,
          actorId: command.by,
          cancelledAt: command.at,
        }),
      ];
    case 'CommentOnServiceRequest':
      return [
        ServiceRequestCommented.of({
          requestId,
          commentId: command.commentId,
          text: command.text,
          author: command.by,
          commentedAt: command.at,
        }),
      ];
    case 'CheckServiceRequestSla':
      if (!isOpen(state.status) || state.slaBreached) return [];
      if (Date.parse(command.at) <= Date.parse(state.dueAt)) return [];
      return [
        ServiceRequestSlaBreached.of({
          requestId,
          dueAt: state.dueAt,
          priority: state.priority,
          detectedAt: command.at,
        }),
      ];
    default:
      return assertNever(command);
  }
}

export function evolve(
  state: ServiceRequestState,
  event: ServiceRequestEvent,
): ServiceRequestState {
  if (event.type === 'help-desk.ServiceRequestSubmitted') {
    const d = event.data;
    return {
      status: 'submitted',
      requestId: d.requestId,
      kind: d.kind,
      priority: d.priority,
      submittedAt: d.submittedAt,
      dueAt: d.dueAt,
      slaBreached: false,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'help-desk.ServiceRequestTriaged':
      return {
        ...state,
        status: 'triaged',
        kind: event.data.kind,
        priority: event.data.priority,
        dueAt: event.data.dueAt,
      };
    case 'help-desk.ServiceRequestAssigned':
      return {
        ...state,
        status: state.status === 'in-progress' ? 'in-progress' : 'assigned',
        assignee: event.data.assignee,
      };
    case 'help-desk.ServiceRequestWorkStarted':
      return { ...state, status: 'in-progress' };
    case 'help-desk.ServiceRequestReferred':
      return { ...state, status: 'referred' };
    case 'help-desk.ServiceRequestResolved':
      return { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt };
    case 'help-desk.ServiceRequestClosed':
      return { ...state, status: 'closed' };
    case 'help-desk.ServiceRequestReopened': {
      const { resolvedAt: _resolved, ...rest } = state;
      return { ...rest, status: 'in-progress', dueAt: event.data.dueAt, slaBreached: false };
    }
    case 'help-desk.ServiceRequestCancelled':
      return { ...state, status: 'cancelled' };
    case 'help-desk.ServiceRequestCommented':
      return state;
    case 'help-desk.ServiceRequestSlaBreached':
      return { ...state, slaBreached: true };
    default:
      return assertNever(event);
  }
}

/** Refuses a command its status does not allow, by the contracts' table. */
function allowedFrom(command: RequestCommandType, state: OpenedServiceRequest): void {
  const statuses = REQUEST_COMMAND_ALLOWED_FROM[command];
  if (!statuses.includes(state.status))
    throw new IllegalTransitionError(command, state.status, statuses);
}

function isOpen(status: RequestStatus): boolean {
  return (OPEN_REQUEST_STATUSES as readonly RequestStatus[]).includes(status);
}

/** The kind, initiative and themes of a filing or a triage, once the domain's rules accept them. */
function checkedClassification({
  kind,
  globalInitiative,
  themes,
}: RequestClassification): Omit<RequestClassification, 'priority'> {
  checkInitiative(kind, globalInitiative);
  checkThemes(themes);
  return { kind, ...(globalInitiative ? { globalInitiative } : {}), themes };
}

function checkInitiative(kind: RequestKind, initiative: GlobalInitiative | undefined): void {
  if (kind === 'global-initiative-coordination' && !initiative) {
    throw new ServiceRequestRuleError(
      'A request to coordinate a response to a global initiative must name the initiative',
      'globalInitiative',
    );
  }
  if (kind !== 'global-initiative-coordination' && initiative) {
    throw new ServiceRequestRuleError(
      'Only a global-initiative-coordination request names a global initiative',
      'globalInitiative',
    );
  }
}

function checkThemes(themes: readonly string[]): void {
  if (new Set(themes).size !== themes.length) {
    throw new ServiceRequestRuleError('Themes must not repeat', 'themes');
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
