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
  SatisfactionAlreadyRatedError,
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
  ServiceRequestEscalated,
  ServiceRequestSatisfactionRated,
  ServiceRequestSubmitted,
  ServiceRequestTriaged,
  ServiceRequestWorkStarted,
  type EscalationReason,
  type ServiceRequestEvent,
} from './service-request.events';
import type { GlobalInitiative, Priority, RequestKind } from './service-request.reference-data';
import {
  DEFAULT_SLA_POLICY,
  dueDate,
  reopenDeadline,
  slaShareUsed,
  type SlaPolicy,
} from './sla-policy';

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
  /** When the current SLA span started (the reopening; absent: the submission). */
  slaFrom?: string;
  /** The escalations of the current SLA span (once per reason). */
  escalations?: EscalationReason[];
  /** The requester answered the satisfaction question (once per request). */
  satisfactionRated?: boolean;
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
  if (command.type === 'RateServiceRequestSatisfaction') return rated(command, state);
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
          visibility: command.fromRequester ? 'public' : (command.visibility ?? 'internal'),
          ...(command.fromRequester ? { fromRequester: true } : {}),
        }),
      ];
    case 'CheckServiceRequestSla':
      return slaChecked(policy, command, state);
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
      return {
        ...withoutEscalations(rest),
        status: 'in-progress',
        dueAt: event.data.dueAt,
        slaBreached: false,
        slaFrom: event.data.reopenedAt,
      };
    }
    case 'help-desk.ServiceRequestCancelled':
      return { ...state, status: 'cancelled' };
    case 'help-desk.ServiceRequestCommented':
      return state;
    case 'help-desk.ServiceRequestSatisfactionRated':
      return { ...state, satisfactionRated: true };
    case 'help-desk.ServiceRequestSlaBreached':
      return { ...state, slaBreached: true };
    case 'help-desk.ServiceRequestEscalated':
      return { ...state, escalations: [...(state.escalations ?? []), event.data.reason] };
    default:
      return assertNever(event);
  }
}

/** The requester's satisfaction: only once the request is resolved (or closed after it), and once. */
function rated(
  command: Extract<ServiceRequestCommand, { type: 'RateServiceRequestSatisfaction' }>,
  state: OpenedServiceRequest,
): ServiceRequestEvent[] {
  if (state.status !== 'resolved' && state.status !== 'closed')
    throw new IllegalTransitionError(command.type, state.status, ['resolved', 'closed']);
  if (state.satisfactionRated) throw new SatisfactionAlreadyRatedError();
  if (!Number.isInteger(command.rating) || command.rating < 1 || command.rating > 5)
    throw new ServiceRequestRuleError('rating must be a whole number from 1 to 5', 'rating');
  return [
    ServiceRequestSatisfactionRated.of({
      requestId: state.requestId,
      rating: command.rating,
      ...(command.comment ? { comment: command.comment } : {}),
      ratedAt: command.at,
    }),
  ];
}

/**
 * The scheduled check of an open request: past its due date, the breach (once) and an
 * escalation to the team lead (once); past the policy's share of the SLA in business
 * hours, an escalation as approaching (once, and none after the breach's).
 */
function slaChecked(
  policy: SlaPolicy,
  command: Extract<ServiceRequestCommand, { type: 'CheckServiceRequestSla' }>,
  state: OpenedServiceRequest,
): ServiceRequestEvent[] {
  if (!isOpen(state.status)) return [];
  const { requestId, dueAt } = state;
  const escalated = state.escalations ?? [];
  const escalation = (reason: EscalationReason) =>
    command.teamLead
      ? [
          ServiceRequestEscalated.of({
            requestId,
            reason,
            teamLead: command.teamLead,
            ...(command.team ? { team: command.team } : {}),
            dueAt,
            escalatedAt: command.at,
          }),
        ]
      : [];
  if (Date.parse(command.at) > Date.parse(dueAt)) {
    return [
      ...(state.slaBreached
        ? []
        : [
            ServiceRequestSlaBreached.of({
              requestId,
              dueAt,
              priority: state.priority,
              detectedAt: command.at,
            }),
          ]),
      ...(escalated.includes('breached') ? [] : escalation('breached')),
    ];
  }
  if (policy.approachingShare === undefined || escalated.length > 0) return [];
  const used = slaShareUsed(policy, state.slaFrom ?? state.submittedAt, dueAt, command.at);
  return used >= policy.approachingShare ? escalation('approaching') : [];
}

function withoutEscalations(state: OpenedServiceRequest): OpenedServiceRequest {
  const { escalations: _escalations, ...rest } = state;
  return rest;
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
