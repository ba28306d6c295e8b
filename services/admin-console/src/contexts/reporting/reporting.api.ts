// The reporting context's HTTP API (/api/reporting) as the console uses it:
// the analyst query API over its views, and the Governing Body progress
// report. Queries are keyed under 'reporting'. The answers' shapes are not in
// @sfp/contracts (it holds reference data and transitions only): they are
// declared here, as the API documents them (/api/docs-json).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, ApiError, fetchText, get, post, queryString } from '../../api/client';

const REPORTING = '/api/reporting';
export const REPORTING_KEY = ['reporting'] as const;

export interface ViewField {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'timestamp' | 'string-list';
  description: string;
}

export interface ReportingView {
  name: string;
  context: string;
  title: string;
  description: string;
  fields: ViewField[];
}

export interface QueryAnswer {
  view: string;
  asOf?: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
  total: number;
  offset: number;
  limit: number;
}

/** A query as the page keeps it in its URL: one grouping, one measure, a JSON filter, a time. */
export interface ViewQuery {
  view: string;
  group: string;
  measure: string;
  filter: string;
  asOf: string;
}

/** A figure's value and how it reads, for a period (the previous one, a change). */
export interface FigureValue {
  value: number | null;
  formatted?: string;
}

export interface ReportFigure {
  /** The machine's code (requestsReceived). */
  metric: string;
  /** null: the total; else the code it is broken down by. */
  key: string | null;
  value: number | null;
  /** 'count' | 'percent' | 'currency' | 'ratio' | 'hours' | 'days'. */
  unit?: string;
  /** For the reader: "Requests received", and the breakdown's label ("Africa"). */
  label?: string;
  keyLabel?: string | null;
  formatted?: string;
  currency?: string;
  /** The same figure for the previous period of the same kind (a number, or with its reading). */
  previous?: number | null | FigureValue;
  previousFormatted?: string;
  /** This period's value less the previous one's. */
  change?: number | null | FigureValue;
  changeFormatted?: string;
}

export interface ReportTableColumn {
  id?: string;
  key?: string;
  label: string;
  unit?: string;
}

/** A named table of a section: as JSON here, and as CSV by its id. */
export interface ReportTable {
  id: string;
  title: string;
  columns: ReportTableColumn[];
  /** Rows by column id, or cells in the columns' order; a cell may carry its reading. */
  rows: Array<Record<string, unknown> | unknown[]>;
}

/** What an operator wrote for a section. */
export interface Narrative {
  text: string;
  author?: string;
  writtenAt?: string;
}

export interface ReportFunction {
  function: string;
  title: string;
  status: 'reported' | 'not-reported';
  note?: string;
  figures?: ReportFigure[];
  tables?: ReportTable[];
  notes?: string[];
  narrative?: Narrative | string | null;
}

export interface ProgressReport {
  title: string;
  period: { label: string; kind: string; from: string; to: string };
  previousPeriod?: { label: string; kind?: string; from?: string; to?: string };
  generatedAt: string;
  asOf?: string;
  functions: ReportFunction[];
  /** Narratives by function, when the report keeps them beside the sections. */
  narratives?: Record<string, Narrative | string>;
}

/** A frozen (submitted) version of a period's report. */
export interface ReportSubmission {
  submissionId: string;
  version: number;
  submittedAt: string;
  submittedBy?: string;
  note?: string | null;
}

/** The query API's body from the page's query; a filter that is not JSON is refused here, by its field. */
function bodyOf(q: ViewQuery): Record<string, unknown> {
  let filter: unknown;
  if (q.filter.trim()) {
    try {
      filter = JSON.parse(q.filter);
    } catch {
      throw new ApiError(400, 'INVALID_QUERY', 'The filter is not valid JSON', [
        { field: 'filter', messages: ['must be JSON, e.g. {"region": "africa"}'] },
      ]);
    }
  }
  return {
    ...(filter !== undefined ? { filter } : {}),
    ...(q.group ? { groupBy: [q.group] } : {}),
    ...(q.group || q.measure !== 'count' ? { aggregates: [q.measure] } : {}),
    ...(q.asOf ? { asOf: new Date(q.asOf).toISOString() } : {}),
    limit: 1000,
  };
}

const queryPath = (view: string) => `${REPORTING}/views/${encodeURIComponent(view)}/query`;
export type ReportFormat = 'json' | 'csv' | 'html';

const progressPath = (period: string, format?: ReportFormat, table?: string, asOf?: string) =>
  `${REPORTING}/reports/progress${queryString({ period, format, table, asOf })}`;
const periodPath = (period: string) =>
  `${REPORTING}/reports/progress/${encodeURIComponent(period)}`;
const submissionsPath = (period: string) => `${periodPath(period)}/submissions`;

/** Where the live report, one of its tables, or a submitted version is, in a format (a link). */
export const reportLinks = {
  live: (period: string, format: ReportFormat, table?: string) =>
    progressPath(period, format === 'json' ? undefined : format, table),
  submitted: (period: string, version: number, format: ReportFormat) =>
    `${submissionsPath(period)}/${version}${queryString({ format: format === 'json' ? undefined : format })}`,
};

export const reportingQueries = {
  views: () =>
    queryOptions({
      queryKey: [...REPORTING_KEY, 'views'],
      queryFn: () => get<{ views: ReportingView[] }>(`${REPORTING}/views`),
      staleTime: 60_000,
    }),
  /** The query is a POST (its body is the query) that changes nothing: read like any other. */
  answer: (q: ViewQuery) =>
    queryOptions({
      queryKey: [...REPORTING_KEY, 'answer', q],
      queryFn: () => post<QueryAnswer>(queryPath(q.view), bodyOf(q)),
      placeholderData: keepPreviousData,
    }),
  /** The live report, or as it stood at `asOf` (an ISO instant): its figures and narratives then. */
  progress: (period: string, asOf?: string) =>
    queryOptions({
      queryKey: [...REPORTING_KEY, 'progress', period, asOf],
      queryFn: () => get<ProgressReport>(progressPath(period, undefined, undefined, asOf)),
    }),
  submissions: (period: string) =>
    queryOptions({
      queryKey: [...REPORTING_KEY, 'submissions', period],
      queryFn: async () => {
        const answer = await get<ReportSubmission[] | { submissions: ReportSubmission[] }>(
          submissionsPath(period),
        );
        return Array.isArray(answer) ? answer : answer.submissions;
      },
    }),
};

export const reportingCommands = {
  /** An operator's narrative of one section of a period's report. */
  writeNarrative: (period: string, fn: string, text: string) =>
    api<unknown>(`${periodPath(period)}/narratives/${encodeURIComponent(fn)}`, {
      method: 'PUT',
      body: { text },
    }).then((r) => r.body),
  /** Freezes the report as it is now: a submitted version, served as it was. */
  submit: (period: string, note: string) =>
    post<{ submissionId: string; submittedAt: string; version: number }>(
      submissionsPath(period),
      note.trim() ? { note: note.trim() } : {},
    ),
};

/** The query's answer as CSV (all its rows). */
export const answerCsv = (q: ViewQuery) =>
  fetchText(`${queryPath(q.view)}?format=csv`, 'text/csv', bodyOf(q));

const ACCEPT = { csv: 'text/csv', html: 'text/html', json: 'application/json' } as const;

/** The progress report (or one of its tables) as CSV, or as the platform's printable HTML. */
export const progressReportAs = (
  period: string,
  format: 'csv' | 'html',
  table?: string,
  asOf?: string,
) => fetchText(progressPath(period, format, table, asOf), ACCEPT[format]);

/** A submitted version, as it was submitted. */
export const submittedReportAs = (period: string, version: number, format: ReportFormat) =>
  fetchText(reportLinks.submitted(period, version, format), ACCEPT[format]) as Promise<unknown>;
