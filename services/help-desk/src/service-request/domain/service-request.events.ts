import type {
  CancelledBy,
  EscalationReason,
  Priority,
  ReferralTarget,
  RequestClassification,
  Requester,
  RequestSubject,
} from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** The request as filed (the requester's name and e-mail are personal data), and its due date. */
export interface ServiceRequestSubmittedData extends RequestSubject {
  requestId: string;
  requester: Requester;
  submittedAt: string;
  dueAt: string;
}

export class ServiceRequestSubmitted extends defineEventType<ServiceRequestSubmittedData>()({
  type: 'help-desk.ServiceRequestSubmitted',
  schemaVersion: 1,
  personalData: {
    subjectIdPath: 'requester.personId',
    fields: ['requester.name', 'requester.email'],
  },
}) {}

/** The classification triage confirms or changes, and the due date it gives. */
export interface ServiceRequestTriagedData extends RequestClassification {
  requestId: string;
  dueAt: string;
  note?: string;
  triagedBy: string;
  triagedAt: string;
}

export class ServiceRequestTriaged extends defineEventType<ServiceRequestTriagedData>()({
  type: 'help-desk.ServiceRequestTriaged',
  schemaVersion: 1,
}) {}

export interface ServiceRequestAssignedData {
  requestId: string;
  assignee: string;
  previousAssignee?: string;
  assignedBy: string;
  assignedAt: string;
}

export class ServiceRequestAssigned extends defineEventType<ServiceRequestAssignedData>()({
  type: 'help-desk.ServiceRequestAssigned',
  schemaVersion: 1,
}) {}

export interface ServiceRequestWorkStartedData {
  requestId: string;
  startedBy: string;
  startedAt: string;
}

export class ServiceRequestWorkStarted extends defineEventType<ServiceRequestWorkStartedData>()({
  type: 'help-desk.ServiceRequestWorkStarted',
  schemaVersion: 1,
}) {}

export interface ServiceRequestReferredData {
  requestId: string;
  target: ReferralTarget;
  referredTo: string;
  reason: string;
  referredBy: string;
  referredAt: string;
}

export class ServiceRequestReferred extends defineEventType<ServiceRequestReferredData>()({
  type: 'help-desk.ServiceRequestReferred',
  schemaVersion: 1,
}) {}

export interface ServiceRequestResolvedData {
  requestId: string;
  answer: string;
  outputs: string[];
  resolvedBy: string;
  resolvedAt: string;
}

export class ServiceRequestResolved extends defineEventType<ServiceRequestResolvedData>()({
  type: 'help-desk.ServiceRequestResolved',
  schemaVersion: 1,
}) {}

export interface ServiceRequestClosedData {
  requestId: string;
  closedBy: string;
  closedAt: string;
}

export class ServiceRequestClosed extends defineEventType<ServiceRequestClosedData>()({
  type: 'help-desk.ServiceRequestClosed',
  schemaVersion: 1,
}) {}

export interface ServiceRequestReopenedData {
  requestId: string;
  reason: string;
  reopenedBy: string;
  reopenedAt: string;
  /** The new due date: the same SLA span again, from the reopening. */
  dueAt: string;
}

export class ServiceRequestReopened extends defineEventType<ServiceRequestReopenedData>()({
  type: 'help-desk.ServiceRequestReopened',
  schemaVersion: 1,
}) {}

export interface ServiceRequestCancelledData {
  requestId: string;
  cancelledBy: CancelledBy;
  reason: string;
  actorId: string;
  cancelledAt: string;
}

export class ServiceRequestCancelled extends defineEventType<ServiceRequestCancelledData>()({
  type: 'help-desk.ServiceRequestCancelled',
  schemaVersion: 1,
}) {}

/** Who reads a comment: the requester too (a public reply, mailed to them), or staff only (an internal note). */
export type CommentVisibility = 'public' | 'internal';

export interface ServiceRequestCommentedData {
  requestId: string;
  commentId: string;
  text: string;
  author: string;
  commentedAt: string;
  /** Absent on comments recorded before replies existed: an internal note. */
  visibility?: CommentVisibility;
  /** The requester's own reply, through their signed link (always public). */
  fromRequester?: boolean;
}

export class ServiceRequestCommented extends defineEventType<ServiceRequestCommentedData>()({
  type: 'help-desk.ServiceRequestCommented',
  schemaVersion: 1,
}) {}

export interface ServiceRequestSlaBreachedData {
  requestId: string;
  dueAt: string;
  priority: Priority;
  /** When the scheduled check saw it. */
  detectedAt: string;
}

export class ServiceRequestSlaBreached extends defineEventType<ServiceRequestSlaBreachedData>()({
  type: 'help-desk.ServiceRequestSlaBreached',
  schemaVersion: 1,
}) {}

export type { EscalationReason } from '@sfp/contracts';

/** The scheduled SLA check escalated an open request to the lead of its team, once per reason and SLA span. */
export interface ServiceRequestEscalatedData {
  requestId: string;
  reason: EscalationReason;
  /** Username of the team lead it escalated to. */
  teamLead: string;
  /** The team of the request's themes, when one is set. */
  team?: string;
  dueAt: string;
  escalatedAt: string;
}

export class ServiceRequestEscalated extends defineEventType<ServiceRequestEscalatedData>()({
  type: 'help-desk.ServiceRequestEscalated',
  schemaVersion: 1,
}) {}

/** The requester's answer to the one satisfaction question (CSAT) after resolution, once. */
export interface ServiceRequestSatisfactionRatedData {
  requestId: string;
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  rating: number;
  comment?: string;
  ratedAt: string;
}

export class ServiceRequestSatisfactionRated extends defineEventType<ServiceRequestSatisfactionRatedData>()(
  {
    type: 'help-desk.ServiceRequestSatisfactionRated',
    schemaVersion: 1,
  },
) {}

export const SERVICE_REQUEST_EVENT_CLASSES = [
  ServiceRequestSubmitted,
  ServiceRequestTriaged,
  ServiceRequestAssigned,
  ServiceRequestWorkStarted,
  ServiceRequestReferred,
  ServiceRequestResolved,
  ServiceRequestClosed,
  ServiceRequestReopened,
  ServiceRequestCancelled,
  ServiceRequestCommented,
  ServiceRequestSlaBreached,
  ServiceRequestEscalated,
  ServiceRequestSatisfactionRated,
] as const;

export type ServiceRequestEvent =
  | EventOf<typeof ServiceRequestSubmitted>
  | EventOf<typeof ServiceRequestTriaged>
  | EventOf<typeof ServiceRequestAssigned>
  | EventOf<typeof ServiceRequestWorkStarted>
  | EventOf<typeof ServiceRequestReferred>
  | EventOf<typeof ServiceRequestResolved>
  | EventOf<typeof ServiceRequestClosed>
  | EventOf<typeof ServiceRequestReopened>
  | EventOf<typeof ServiceRequestCancelled>
  | EventOf<typeof ServiceRequestCommented>
  | EventOf<typeof ServiceRequestSlaBreached>
  | EventOf<typeof ServiceRequestEscalated>
  | EventOf<typeof ServiceRequestSatisfactionRated>;
