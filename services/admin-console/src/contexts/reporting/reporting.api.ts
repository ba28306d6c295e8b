// The reporting context's HTTP API (/api/reporting) as the console uses it:
// the analyst query API over its views, and the Governing Body progress
// report. Queries are keyed under 'reporting'. The answers' shapes are not in
// @sfp/contracts (it holds reference data and transitions only): they are
// declared here, as the API documents them (/api/docs-json).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiError, fetchText, get, post, queryString } from '../../api/client';

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

export interface ReportFigure {
  metric: string;
  /** null: the total; else the code it is broken down by. */
  key: string | null;
  value: number | null;
  unit: string;
}

export interface ReportFunction {
  function: string;
  title: string;
  status: 'reported' | 'not-reported';
  note?: string;
  figures?: ReportFigure[];
  notes?: string[];
}

export interface ProgressReport {
  title: string;
  period: { label: string; kind: string; from: string; to: string };
  generatedAt: string;
  asOf?: string;
  functions: ReportFunction[];
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
const progressPath = (period: string, format?: 'csv' | 'html') =>
  `${REPORTING}/reports/progress${queryString({ period, format })}`;

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
  progress: (period: string) =>
    queryOptions({
      queryKey: [...REPORTING_KEY, 'progress', period],
      queryFn: () => get<ProgressReport>(progressPath(period)),
    }),
};

/** The query's answer as CSV (all its rows). */
export const answerCsv = (q: ViewQuery) =>
  fetchText(`${queryPath(q.view)}?format=csv`, 'text/csv', bodyOf(q));

/** The progress report as CSV, or as the platform's printable HTML. */
export const progressReportAs = (period: string, format: 'csv' | 'html') =>
  fetchText(progressPath(period, format), format === 'csv' ? 'text/csv' : 'text/html');
