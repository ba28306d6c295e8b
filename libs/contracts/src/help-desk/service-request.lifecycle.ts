/**
 * The life of a service request: its statuses and, for each command given on
 * an existing request, the statuses it is allowed from. The help desk's
 * decider refuses a command with ILLEGAL_TRANSITION by this very table, so
 * the actions the console offers cannot drift from what the API accepts.
 * (Submitting creates the request; the scheduled SLA check is not a user's
 * command: neither is here.)
 */

export const REQUEST_STATUSES = [
  'submitted',
  'triaged',
  'assigned',
  'in-progress',
  'referred',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Open (active): in the queue, checked against its SLA, may be cancelled. */
export const OPEN_REQUEST_STATUSES = [
  'submitted',
  'triaged',
  'assigned',
  'in-progress',
  'referred',
] as const satisfies readonly RequestStatus[];
export type OpenRequestStatus = (typeof OPEN_REQUEST_STATUSES)[number];

/** The commands given on an existing request, in the order the console offers them (the step forward first). */
export const REQUEST_COMMANDS = [
  'StartWorkOnServiceRequest',
  'ResolveServiceRequest',
  'ReferServiceRequest',
  'AssignServiceRequest',
  'TriageServiceRequest',
  'CloseServiceRequest',
  'ReopenServiceRequest',
  'CancelServiceRequest',
  'CommentOnServiceRequest',
] as const;
export type RequestCommandType = (typeof REQUEST_COMMANDS)[number];

/** The statuses each command is allowed from; any other status refuses it. */
export const REQUEST_COMMAND_ALLOWED_FROM: Readonly<
  Record<RequestCommandType, readonly RequestStatus[]>
> = {
  TriageServiceRequest: ['submitted', 'triaged'],
  AssignServiceRequest: ['triaged', 'assigned', 'in-progress'],
  StartWorkOnServiceRequest: ['assigned'],
  ReferServiceRequest: ['in-progress'],
  ResolveServiceRequest: ['in-progress', 'referred'],
  CloseServiceRequest: ['resolved'],
  // Within the reopen window only: the decider also checks the time.
  ReopenServiceRequest: ['resolved', 'closed'],
  CancelServiceRequest: OPEN_REQUEST_STATUSES,
  CommentOnServiceRequest: [...OPEN_REQUEST_STATUSES, 'resolved'],
};

/** Each command's endpoint: POST /service-requests/{id}/{action}. */
export const REQUEST_COMMAND_ACTIONS = {
  StartWorkOnServiceRequest: 'start',
  ResolveServiceRequest: 'resolve',
  ReferServiceRequest: 'refer',
  AssignServiceRequest: 'assign',
  TriageServiceRequest: 'triage',
  CloseServiceRequest: 'close',
  ReopenServiceRequest: 'reopen',
  CancelServiceRequest: 'cancel',
  CommentOnServiceRequest: 'comments',
} as const satisfies Record<RequestCommandType, string>;
export type RequestAction = (typeof REQUEST_COMMAND_ACTIONS)[RequestCommandType];

export function isRequestCommandAllowed(
  command: RequestCommandType,
  status: RequestStatus,
): boolean {
  return REQUEST_COMMAND_ALLOWED_FROM[command].includes(status);
}

/** The commands a request in this status accepts, in REQUEST_COMMANDS order. */
export function requestCommandsAllowedIn(status: RequestStatus): RequestCommandType[] {
  return REQUEST_COMMANDS.filter((command) => isRequestCommandAllowed(command, status));
}
