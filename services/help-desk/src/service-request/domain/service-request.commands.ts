import type {
  CancelledBy,
  ReferralTarget,
  RequestClassification,
  Requester,
  RequestSubject,
} from '@sfp/contracts';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

/** The request as its requester files it; the decider gives it its due date. */
export interface SubmitServiceRequest extends Timed, RequestSubject {
  type: 'SubmitServiceRequest';
  requestId: string;
  requester: Requester;
}

/** The classification confirmed or changed (and so the due date), with an optional note. */
export interface TriageServiceRequest extends Timed, RequestClassification {
  type: 'TriageServiceRequest';
  note?: string;
}

export interface AssignServiceRequest extends Timed {
  type: 'AssignServiceRequest';
  assignee: string;
}

export interface StartWorkOnServiceRequest extends Timed {
  type: 'StartWorkOnServiceRequest';
}

export interface ReferServiceRequest extends Timed {
  type: 'ReferServiceRequest';
  target: ReferralTarget;
  referredTo: string;
  reason: string;
}

export interface ResolveServiceRequest extends Timed {
  type: 'ResolveServiceRequest';
  answer: string;
  outputs: string[];
}

export interface CloseServiceRequest extends Timed {
  type: 'CloseServiceRequest';
}

export interface ReopenServiceRequest extends Timed {
  type: 'ReopenServiceRequest';
  reason: string;
}

export interface CancelServiceRequest extends Timed {
  type: 'CancelServiceRequest';
  cancelledBy: CancelledBy;
  reason: string;
}

export interface CommentOnServiceRequest extends Timed {
  type: 'CommentOnServiceRequest';
  commentId: string;
  text: string;
  /** Default internal (a note for staff); a requester's own reply is public. */
  visibility?: 'public' | 'internal';
  fromRequester?: boolean;
}

/** The requester's satisfaction (CSAT) after resolution: once. */
export interface RateServiceRequestSatisfaction extends Timed {
  type: 'RateServiceRequestSatisfaction';
  rating: number;
  comment?: string;
}

/**
 * From the scheduled SLA check: records a breach once, when a request is past due unresolved,
 * and escalates it to the team lead once when its SLA is about to run out and once when it has.
 */
export interface CheckServiceRequestSla {
  type: 'CheckServiceRequestSla';
  at: string;
  /** The lead of the request's team, whom an escalation names (none: no escalation). */
  teamLead?: string;
  team?: string;
}

export type ServiceRequestCommand =
  | SubmitServiceRequest
  | TriageServiceRequest
  | AssignServiceRequest
  | StartWorkOnServiceRequest
  | ReferServiceRequest
  | ResolveServiceRequest
  | CloseServiceRequest
  | ReopenServiceRequest
  | CancelServiceRequest
  | CommentOnServiceRequest
  | RateServiceRequestSatisfaction
  | CheckServiceRequestSla;
