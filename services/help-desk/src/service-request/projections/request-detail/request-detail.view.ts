import type { HistoryEntry } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { ServiceRequestStatus } from '../../domain/service-request.decider';
import type {
  ServiceRequestCancelledData,
  ServiceRequestCommentedData,
  ServiceRequestEscalatedData,
  ServiceRequestEvent,
  ServiceRequestReferredData,
  ServiceRequestResolvedData,
  ServiceRequestSatisfactionRatedData,
  ServiceRequestSubmittedData,
} from '../../domain/service-request.events';

/**
 * A request as its operator sees it: the request as filed (the requester's name
 * and e-mail read "[erased]" after the person's data was erased), where it
 * stands, and its whole history (who did what, when).
 */
export interface RequestDetail extends ServiceRequestSubmittedData {
  streamVersion: number;
  status: ServiceRequestStatus;
  /** The department whose person or system filed the request. */
  department?: string;
  slaBreached: boolean;
  /** The latest escalation to the team lead in the current SLA span (a reopening clears it). */
  escalation?: Omit<ServiceRequestEscalatedData, 'requestId'>;
  assignee?: string;
  firstResponseAt?: string;
  referral?: Omit<ServiceRequestReferredData, 'requestId' | 'referredBy'>;
  resolution?: Omit<ServiceRequestResolvedData, 'requestId'>;
  closedAt?: string;
  cancellation?: Omit<ServiceRequestCancelledData, 'requestId' | 'actorId'>;
  comments: Array<Omit<ServiceRequestCommentedData, 'requestId'>>;
  /** The requester's satisfaction (CSAT), once answered. */
  satisfaction?: Omit<ServiceRequestSatisfactionRatedData, 'requestId'>;
  history: HistoryEntry[];
}

/** Folds a request's stream (oldest first) into its detail; undefined for an empty stream. */
export function buildRequestDetail(recorded: readonly RecordedEvent[]): RequestDetail | undefined {
  let detail: RequestDetail | undefined;
  for (const r of recorded) {
    const event = { type: r.type, data: r.data } as ServiceRequestEvent;
    if (event.type === 'help-desk.ServiceRequestSubmitted') {
      const d = event.data;
      detail = {
        requestId: d.requestId,
        streamVersion: r.streamVersion,
        status: 'submitted',
        title: d.title,
        description: d.description,
        kind: d.kind,
        ...(d.globalInitiative ? { globalInitiative: d.globalInitiative } : {}),
        themes: d.themes,
        region: d.region,
        country: d.country,
        priority: d.priority,
        requester: d.requester,
        ...(r.actor.department ? { department: r.actor.department } : {}),
        submittedAt: d.submittedAt,
        dueAt: d.dueAt,
        slaBreached: false,
        comments: [],
        history: [],
      };
    }
    if (!detail) continue;
    detail.streamVersion = r.streamVersion;
    detail.history.push({
      streamVersion: r.streamVersion,
      position: r.position,
      event: r.type.replace(/^help-desk\./, ''),
      occurredAt: r.occurredAt,
      recordedAt: r.recordedAt,
      actor: r.actor,
      correlationId: r.correlationId,
      data: r.data,
    });
    switch (event.type) {
      case 'help-desk.ServiceRequestSubmitted':
        break;
      case 'help-desk.ServiceRequestTriaged':
        detail.status = 'triaged';
        detail.kind = event.data.kind;
        detail.themes = event.data.themes;
        detail.priority = event.data.priority;
        detail.dueAt = event.data.dueAt;
        if (event.data.globalInitiative) detail.globalInitiative = event.data.globalInitiative;
        else delete detail.globalInitiative;
        detail.firstResponseAt ??= event.data.triagedAt;
        break;
      case 'help-desk.ServiceRequestAssigned':
        if (detail.status !== 'in-progress') detail.status = 'assigned';
        detail.assignee = event.data.assignee;
        break;
      case 'help-desk.ServiceRequestWorkStarted':
        detail.status = 'in-progress';
        break;
      case 'help-desk.ServiceRequestReferred':
        detail.status = 'referred';
        detail.referral = pick(event.data, ['target', 'referredTo', 'reason', 'referredAt']);
        break;
      case 'help-desk.ServiceRequestResolved':
        detail.status = 'resolved';
        detail.resolution = pick(event.data, ['answer', 'outputs', 'resolvedAt', 'resolvedBy']);
        break;
      case 'help-desk.ServiceRequestClosed':
        detail.status = 'closed';
        detail.closedAt = event.data.closedAt;
        break;
      case 'help-desk.ServiceRequestReopened':
        detail.status = 'in-progress';
        detail.dueAt = event.data.dueAt;
        detail.slaBreached = false;
        delete detail.closedAt;
        delete detail.escalation;
        break;
      case 'help-desk.ServiceRequestCancelled':
        detail.status = 'cancelled';
        detail.cancellation = pick(event.data, ['cancelledBy', 'reason', 'cancelledAt']);
        break;
      case 'help-desk.ServiceRequestCommented':
        detail.comments.push({
          ...pick(event.data, ['commentId', 'text', 'author', 'commentedAt']),
          visibility: event.data.visibility ?? 'internal',
          ...(event.data.fromRequester ? { fromRequester: true } : {}),
        });
        break;
      case 'help-desk.ServiceRequestSatisfactionRated':
        detail.satisfaction = {
          rating: event.data.rating,
          ...(event.data.comment ? { comment: event.data.comment } : {}),
          ratedAt: event.data.ratedAt,
        };
        break;
      case 'help-desk.ServiceRequestSlaBreached':
        detail.slaBreached = true;
        break;
      case 'help-desk.ServiceRequestEscalated': {
        const { requestId: _id, ...escalation } = event.data;
        detail.escalation = escalation;
        break;
      }
      default: {
        const unhandled: never = event;
        throw new Error(`Unhandled event ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return detail;
}

/** The named fields of an event's data, in the order named (the detail's JSON keeps it). */
function pick<T, K extends keyof T>(data: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, data[key]])) as Pick<T, K>;
}
