// The help desk's HTTP API (/api/help-desk) as the console uses it: its
// queries, keyed under 'help-desk' (a command invalidates them all), and its
// commands. Reference data, statuses and the transitions a status allows are
// @sfp/contracts. The answers' shapes are not in @sfp/contracts (it holds
// reference data and transitions only): they are declared here, as the API
// documents them (/api/docs-json).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  REQUEST_COMMAND_ACTIONS,
  type CancelledBy,
  type EscalationReason,
  type ReferralTarget,
  type Region,
  type RequestClassification,
  type RequestCommandType,
  type Requester,
  type RequestKind,
  type RequestStatistics,
  type RequestStatus,
  type RequestSubject,
  type SlaStatus,
  type HistoryEntry,
} from '@sfp/contracts';
import { fetchText, get, post, queryString } from '../../api/client';
import { contextApi, PAGE_SIZE } from '../../api/context-api';
import type { Page } from '../../api/types';
import type { REQUEST_LIST_FILTERS } from '../../routing/paths';

const { base: HELP_DESK, key: HELP_DESK_KEY, since } = contextApi('help-desk');
export { HELP_DESK_KEY };

/** A choice the form may leave empty: the API names it in its answer. */
export type Choice<T extends string> = T | '';

/** A row of the request list: what the request is about, and where it stands. */
export interface RequestSummary
  extends Pick<RequestSubject, 'title' | 'kind' | 'themes' | 'region' | 'country' | 'priority'>,
    Pick<Requester, 'origin' | 'organisation'> {
  requestId: string;
  status: RequestStatus;
  open: boolean;
  assignee?: string;
  submittedAt: string;
  dueAt: string;
  slaBreached: boolean;
  slaStatus?: SlaStatus;
  lastActivityAt: string;
  /** Escalated to the team lead in the current SLA span (approaching its breach, or breached). */
  escalation?: EscalationReason;
  escalatedTo?: string;
}

/** A request as its page shows it: its subject, requester, deadlines, comments and history. */
export interface RequestDetail extends RequestSubject {
  requestId: string;
  streamVersion: number;
  status: RequestStatus;
  assignee?: string;
  requester: Requester;
  submittedAt: string;
  dueAt: string;
  slaBreached: boolean;
  /** The latest escalation to the team lead in the current SLA span. */
  escalation?: { reason: EscalationReason; teamLead: string; dueAt: string; escalatedAt: string };
  resolvedAt?: string;
  firstResponseAt?: string;
  comments: Array<{
    commentId: string;
    text: string;
    author: string;
    commentedAt: string;
    /** public: a reply the requester reads (and is mailed); internal: a note for staff. */
    visibility?: 'public' | 'internal';
    fromRequester?: boolean;
  }>;
  /** The requester's satisfaction (CSAT), once they answered. */
  satisfaction?: { rating: number; comment?: string; ratedAt: string };
  history: HistoryEntry[];
}

/** What a command answers: the request's new version and its last event's position. */
export interface CommandResult {
  requestId: string;
  streamVersion: number;
  position: number;
  changed: boolean;
}

/** A request to file: its subject and who asks (the API gives the person an id). */
export interface NewRequest extends Omit<RequestSubject, 'kind' | 'region'> {
  requester: Omit<Requester, 'personId'>;
  kind: Choice<RequestKind>;
  region: Choice<Region>;
}

/** Each command's body (CommandOn…: the request's commands, @sfp/contracts). */
export interface RequestCommandBodies {
  TriageServiceRequest: RequestClassification & { note?: string };
  AssignServiceRequest: { assignee: string };
  StartWorkOnServiceRequest: Record<string, never>;
  ReferServiceRequest: { target: ReferralTarget; referredTo: string; reason: string };
  ResolveServiceRequest: { answer: string; outputs: string[] };
  CloseServiceRequest: Record<string, never>;
  ReopenServiceRequest: { reason: string };
  CancelServiceRequest: { reason: string; cancelledBy: CancelledBy };
  CommentOnServiceRequest: { text: string; visibility: 'public' | 'internal' };
}

export type RequestListFilters = Partial<
  Record<(typeof REQUEST_LIST_FILTERS)[number], string | undefined>
>;
export type RequestScope = 'open' | 'all';
export type StatisticsFilters = Partial<
  Record<'from' | 'to' | 'region' | 'kind' | 'theme', string | undefined>
>;

/** The open queue (most urgent deadline first), or every request. */
const listPath = (scope: RequestScope) =>
  scope === 'open' ? `${HELP_DESK}/queue` : `${HELP_DESK}/service-requests`;
const requestPath = (id: string) => `${HELP_DESK}/service-requests/${encodeURIComponent(id)}`;

export const helpDeskQueries = {
  requests: (scope: RequestScope, filters: RequestListFilters, cursor: string | undefined) =>
    queryOptions({
      queryKey: [...HELP_DESK_KEY, 'requests', scope, filters, cursor],
      queryFn: () =>
        get<Page<RequestSummary>>(
          `${listPath(scope)}${queryString({ ...filters, limit: PAGE_SIZE, cursor, ...since() })}`,
        ),
      placeholderData: keepPreviousData,
    }),
  request: (requestId: string) =>
    queryOptions({
      queryKey: [...HELP_DESK_KEY, 'request', requestId],
      queryFn: () => get<RequestDetail>(requestPath(requestId)),
    }),
  statistics: (filters: StatisticsFilters) =>
    queryOptions({
      queryKey: [...HELP_DESK_KEY, 'statistics', filters],
      queryFn: () =>
        get<RequestStatistics>(`${HELP_DESK}/statistics${queryString({ ...filters, ...since() })}`),
      placeholderData: keepPreviousData,
    }),
};

export const helpDeskCommands = {
  submit: (request: NewRequest) => post<CommandResult>(`${HELP_DESK}/service-requests`, request),
  /** A command on a request, refused (409) unless `ifMatch` is still its version. */
  give: <C extends RequestCommandType>(
    requestId: string,
    command: C,
    body: RequestCommandBodies[C],
    ifMatch: number | undefined,
  ) =>
    post<CommandResult>(
      `${requestPath(requestId)}/${REQUEST_COMMAND_ACTIONS[command]}`,
      body,
      ifMatch,
    ),
  /** Deletes a person's key: every personal field of theirs then reads "[erased]". */
  erasePersonalData: (email: string) =>
    post<{ personId: string; erased: boolean }>(`${HELP_DESK}/personal-data/erasures`, { email }),
};

/** The list as CSV (up to 1,000 rows), as filtered. */
export function requestsCsv(scope: RequestScope, filters: RequestListFilters): Promise<string> {
  return fetchText(
    `${listPath(scope)}${queryString({ ...filters, limit: 1000, format: 'csv' })}`,
    'text/csv',
  );
}
