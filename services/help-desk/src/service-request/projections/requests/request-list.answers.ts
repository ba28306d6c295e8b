import { Type, type Static } from '@sinclair/typebox';
import {
  ESCALATION_REASONS,
  GLOBAL_INITIATIVES,
  ORIGINS,
  PRIORITIES,
  REGIONS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  SLA_STATUSES,
  THEMES,
  type RequestStatistics,
} from '@sfp/contracts';
import {
  Counts,
  IsoDateTime,
  StringEnum,
  type MutuallyAssignable,
} from '../../../http/schema-helpers';
import type { CsvColumn } from '@sfp/service-kit';
import type { slaStatusOf } from './request-list.filter';
import type { RequestSummary } from './request-summary';

/** The SLA status of a listed request against now: `closed` once it is no longer open (and never breached). */
export const LISTED_SLA_STATUSES = [...SLA_STATUSES, 'closed'] as const;

/** One request of the list or the queue: its summary, with its SLA status against now. */
export const RequestListItemSchema = Type.Object(
  {
    requestId: Type.String({ format: 'uuid' }),
    title: Type.String(),
    status: StringEnum(REQUEST_STATUSES),
    open: Type.Boolean({
      description: 'Active: submitted, triaged, assigned, in progress or referred',
    }),
    kind: StringEnum(REQUEST_KINDS),
    globalInitiative: Type.Optional(StringEnum(GLOBAL_INITIATIVES)),
    themes: Type.Array(StringEnum(THEMES)),
    region: StringEnum(REGIONS),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    priority: StringEnum(PRIORITIES),
    priorityRank: Type.Integer({
      minimum: 1,
      maximum: 4,
      description: 'urgent 4, high 3, normal 2, low 1',
    }),
    origin: StringEnum(ORIGINS),
    organisation: Type.String(),
    department: Type.Optional(
      Type.String({ description: 'The department whose person or system filed the request' }),
    ),
    assignee: Type.Optional(Type.String()),
    submittedAt: IsoDateTime(),
    submittedMonth: Type.String({
      pattern: '^\\d{4}-\\d{2}$',
      description: 'YYYY-MM of submission',
    }),
    dueAt: IsoDateTime(),
    slaBreached: Type.Boolean(),
    escalation: Type.Optional(
      StringEnum(ESCALATION_REASONS, {
        description:
          'Escalated to the team lead in the current SLA span: approaching its breach, or breached',
      }),
    ),
    escalatedTo: Type.Optional(Type.String({ description: 'The team lead it escalated to' })),
    slaEverBreached: Type.Boolean({
      description: 'Ever breached, even if a reopening reset slaBreached',
    }),
    firstResponseAt: Type.Optional(IsoDateTime('The first triage')),
    resolvedAt: Type.Optional(IsoDateTime('The latest resolution')),
    closedAt: Type.Optional(IsoDateTime()),
    hoursToFirstResponse: Type.Optional(
      Type.Number({ minimum: 0, description: 'Hours from submission to the first triage' }),
    ),
    hoursToResolution: Type.Optional(
      Type.Number({ minimum: 0, description: 'Hours from submission to the (latest) resolution' }),
    ),
    lastActivityAt: IsoDateTime(),
    satisfactionRating: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 5,
        description: 'The requester’s satisfaction after resolution (1–5), once they answered',
      }),
    ),
    slaStatus: StringEnum(LISTED_SLA_STATUSES, {
      description: 'Against the current time; due-soon = due within 24 h',
    }),
    position: Type.Integer({
      minimum: 0,
      description: 'Position of the last event the list applied to this request',
    }),
  },
  { title: 'ServiceRequestListItem' },
);
export type RequestListItem = Static<typeof RequestListItemSchema>;

/** A page of the list or the queue. */
export const RequestListPageSchema = Type.Object(
  {
    items: Type.Array(RequestListItemSchema),
    nextCursor: Type.Optional(
      Type.String({ description: 'Pass as cursor for the next page; absent on the last page' }),
    ),
  },
  { title: 'ServiceRequestListPage' },
);
export type RequestListPage = Static<typeof RequestListPageSchema>;

/** The columns of the CSV page, in order. */
export const REQUEST_LIST_CSV_COLUMNS: CsvColumn<RequestListItem>[] = [
  { header: 'requestId', value: (r) => r.requestId },
  { header: 'title', value: (r) => r.title },
  { header: 'status', value: (r) => r.status },
  { header: 'slaStatus', value: (r) => r.slaStatus },
  { header: 'priority', value: (r) => r.priority },
  { header: 'kind', value: (r) => r.kind },
  { header: 'globalInitiative', value: (r) => r.globalInitiative },
  { header: 'themes', value: (r) => r.themes },
  { header: 'region', value: (r) => r.region },
  { header: 'country', value: (r) => r.country },
  { header: 'origin', value: (r) => r.origin },
  { header: 'organisation', value: (r) => r.organisation },
  { header: 'assignee', value: (r) => r.assignee },
  { header: 'submittedAt', value: (r) => r.submittedAt },
  { header: 'dueAt', value: (r) => r.dueAt },
  { header: 'firstResponseAt', value: (r) => r.firstResponseAt },
  { header: 'resolvedAt', value: (r) => r.resolvedAt },
  { header: 'hoursToFirstResponse', value: (r) => r.hoursToFirstResponse },
  { header: 'hoursToResolution', value: (r) => r.hoursToResolution },
];

/** The page as CSV (`format=csv`): a header line naming the columns, then one line per request. */
export const RequestListCsvSchema = Type.String({
  description: `CSV with the header line ${REQUEST_LIST_CSV_COLUMNS.map((c) => c.header).join(',')}, then one line per request (themes joined by "; ")`,
});

/** The headers of the CSV page. */
export const REQUEST_LIST_CSV_HEADERS = {
  'Content-Disposition': { description: 'CSV only: attachment; filename="service-requests.csv"' },
  'X-Next-Cursor': {
    description: 'The cursor of the next page (CSV only; absent on the last page)',
  },
} as const;

const DurationStatsSchema = Type.Object({
  count: Type.Integer({ minimum: 0, description: 'Requests that have the duration' }),
  medianHours: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  p90Hours: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
});

/** GET /statistics: the statistics of the requests the filters select, and the position they reflect. */
export const RequestStatisticsSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    byKind: Counts('Requests by kind'),
    byTheme: Counts('Requests by theme (a request counts once per theme)'),
    byRegion: Counts('Requests by region'),
    byMonth: Counts('Requests by month of submission (YYYY-MM)'),
    byStatus: Counts('Requests by status'),
    firstResponse: DurationStatsSchema,
    resolution: DurationStatsSchema,
    sla: Type.Object({
      evaluated: Type.Integer({
        minimum: 0,
        description: 'Requests whose SLA is decided: resolved, closed, or breached',
      }),
      breached: Type.Integer({ minimum: 0 }),
      breachRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
        description: 'breached / evaluated; null when nothing is evaluated yet',
      }),
    }),
    satisfaction: Type.Object(
      {
        responses: Type.Integer({ minimum: 0, description: 'Requesters who answered' }),
        mean: Type.Union([Type.Number({ minimum: 1, maximum: 5 }), Type.Null()], {
          description: 'Mean rating (1–5); null when nobody answered yet',
        }),
        distribution: Counts('Answers per rating, "1" to "5"'),
      },
      { description: 'Requester satisfaction (CSAT) after resolution' },
    ),
    position: Type.Integer({
      minimum: 0,
      description: 'Position of the last event the statistics reflect',
    }),
  },
  { title: 'HelpDeskStatistics' },
);

// The schemas describe the types the code answers with, and nothing else.
type ListedSummary = Omit<RequestSummary, `theme_${string}`> & {
  slaStatus: ReturnType<typeof slaStatusOf>;
  position: number;
};
const itemMatches: MutuallyAssignable<RequestListItem, ListedSummary> = true;
const statisticsMatches: MutuallyAssignable<
  Static<typeof RequestStatisticsSchema>,
  RequestStatistics & { position: number }
> = true;
void itemMatches;
void statisticsMatches;
