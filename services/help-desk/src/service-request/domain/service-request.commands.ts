import type { Requester } from './service-request.events';
import type {
  CancelledBy,
  GlobalInitiative,
  Priority,
  ReferralTarget,
  Region,
  RequestKind,
  Theme,
} from './service-request.reference-data';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

export interface SubmitServiceRequest extends Timed {
  type: 'SubmitServiceRequest';
  requestId: string;
  requester: Requester;
  title: string;
  description: string;
  kind: RequestKind;
  globalInitiative?: GlobalInitiative;
  themes: Theme[];
  region: Region;
  country: string;
  priority: Priority;
}

export interface TriageServiceRequest extends Timed {
  type: 'TriageServiceRequest';
  kind: RequestKind;
  globalInitiative?: GlobalInitiative;
  themes: Theme[];
  priority: Priority;
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
}

/** From the scheduled SLA check: records a breach once, when a request is past due unresolved. */
export interface CheckServiceRequestSla {
  type: 'CheckServiceRequestSla';
  at: string;
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
  | CheckServiceRequestSla;
