import { useState, type FormEvent } from 'react';
import { api, ApiError, get, post } from '../api/client';
import { label } from '../api/types';
import { BarChart, LineChart } from '../components/charts';
import {
  downloadText,
  Empty,
  ErrorMessage,
  FieldMessages,
  Loading,
  useLoad,
} from '../components/ui';
import { useRouteSearch } from '../routing/paths';

interface ViewField {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'timestamp' | 'string-list';
  description: string;
}
interface ReportingView {
  name: string;
  context: string;
  title: string;
  description: string;
  fields: ViewField[];
}
interface QueryAnswer {
  view: string;
  asOf?: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
  total: number;
  offset: number;
  limit: number;
}

/** The analyst query API as a form: a view, one grouping, one measure, a filter; table, chart and CSV. The query is in the URL. */
export function ReportingViewsPage() {
  const catalogue = useLoad(() => get<{ views: ReportingView[] }>('/api/reporting/views'), 'views');
  const [search, update] = useRouteSearch('reportingViews');
  const views = catalogue.data?.views ?? [];
  const view = views.find((v) => v.name === search.get('view')) ?? views[0];
  if (!view) {
    return (
      <main id="main">
        <h1>Reporting views</h1>
        <ErrorMessage error={catalogue.error} />
        {catalogue.loading ? (
          <Loading what="Loading the views" />
        ) : (
          <Empty>No reporting view.</Empty>
        )}
      </main>
    );
  }
  const group = search.get('group') ?? '';
  const measure = search.get('measure') ?? 'count';
  const filter = search.get('filter') ?? '';
  const asOf = search.get('asOf') ?? '';
  const groupOptions = view.fields.flatMap((f) =>
    f.type === 'timestamp'
      ? [`${f.name}:year`, `${f.name}:quarter`, `${f.name}:month`]
      : f.type === 'number'
        ? []
        : [f.name],
  );
  const measureOptions = [
    'count',
    ...view.fields
      .filter((f) => f.type === 'number')
      .flatMap((f) => ['avg', 'median', 'sum', 'min', 'max'].map((a) => `${a}:${f.name}`)),
  ];
  return (
    <main id="main">
      <h1>Reporting views</h1>
      <QueryForm
        key={`${view.name}|${group}|${measure}|${filter}|${asOf}`}
        views={views}
        view={view}
        initial={{ group, measure, filter, asOf }}
        groupOptions={groupOptions}
        measureOptions={measureOptions}
        onRun={(q) =>
          update({
            view: q.view,
            group: q.group || undefined,
            measure: q.measure === 'count' ? undefined : q.measure,
            filter: q.filter || undefined,
            asOf: q.asOf || undefined,
          })
        }
      />
      <p className="sub">{view.description}</p>
      <QueryResult view={view} group={group} measure={measure} filter={filter} asOf={asOf} />
    </main>
  );
}

interface QueryInput {
  view: string;
  group: string;
  measure: string;
  filter: string;
  asOf: string;
}

function QueryForm(props: {
  views: ReportingView[];
  view: ReportingView;
  initial: Omit<QueryInput, 'view'>;
  groupOptions: string[];
  measureOptions: string[];
  onRun: (q: QueryInput) => void;
}) {
  const [q, setQ] = useState<QueryInput>({ view: props.view.name, ...props.initial });
  const set = (name: keyof QueryInput) => (value: string) => setQ((v) => ({ ...v, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onRun(q);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Query">
      <div className="field">
        <label htmlFor="rq-view">View</label>
        <select
          id="rq-view"
          value={q.view}
          onChange={(e) =>
            props.onRun({ view: e.target.value, group: '', measure: 'count', filter: '', asOf: '' })
          }
        >
          {props.views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-group">Group by</label>
        <select id="rq-group" value={q.group} onChange={(e) => set('group')(e.target.value)}>
          <option value="">Nothing (one row, or the rows themselves)</option>
          {props.groupOptions.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-measure">Measure</label>
        <select id="rq-measure" value={q.measure} onChange={(e) => set('measure')(e.target.value)}>
          {props.measureOptions.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-filter">Filter (JSON)</label>
        <input
          id="rq-filter"
          value={q.filter}
          onChange={(e) => set('filter')(e.target.value)}
          placeholder='{"region": {"in": ["africa"]}}'
          size={40}
        />
      </div>
      <div className="field">
        <label htmlFor="rq-asof">As of (optional)</label>
        <input
          id="rq-asof"
          type="datetime-local"
          value={q.asOf}
          onChange={(e) => set('asOf')(e.target.value)}
        />
      </div>
      <div className="filter-actions">
        <button type="submit" className="primary">
          Run the query
        </button>
      </div>
    </form>
  );
}

function buildQuery(
  group: string,
  measure: string,
  filter: string,
  asOf: string,
): Record<string, unknown> {
  let parsedFilter: unknown;
  if (filter.trim()) {
    try {
      parsedFilter = JSON.parse(filter);
    } catch {
      throw new ApiError(400, 'INVALID_QUERY', 'The filter is not valid JSON', [
        { field: 'filter', messages: ['must be JSON, e.g. {"region": "africa"}'] },
      ]);
    }
  }
  return {
    ...(parsedFilter !== undefined ? { filter: parsedFilter } : {}),
    ...(group ? { groupBy: [group] } : {}),
    ...(group || measure !== 'count' ? { aggregates: [measure] } : {}),
    ...(asOf ? { asOf: new Date(asOf).toISOString() } : {}),
    limit: 1000,
  };
}

function QueryResult({
  view,
  group,
  measure,
  filter,
  asOf,
}: {
  view: ReportingView;
  group: string;
  measure: string;
  filter: string;
  asOf: string;
}) {
  const key = JSON.stringify([view.name, group, measure, filter, asOf]);
  const answer = useLoad(
    () =>
      post<QueryAnswer>(
        `/api/reporting/views/${view.name}/query`,
        buildQuery(group, measure, filter, asOf),
      ),
    key,
  );
  const [csvError, setCsvError] = useState<unknown>(null);
  const downloadCsv = async () => {
    setCsvError(null);
    try {
      const { body } = await api<string>(`/api/reporting/views/${view.name}/query?format=csv`, {
        method: 'POST',
        body: buildQuery(group, measure, filter, asOf),
        accept: 'text/csv',
      });
      downloadText(body, `${view.name}.csv`, 'text/csv');
    } catch (error) {
      setCsvError(error);
    }
  };
  const error = answer.error instanceof ApiError ? answer.error : null;
  const data = answer.data;
  const measureColumn = measure === 'count' ? 'count' : measure.replace(':', '_');
  const chartable =
    data && group && data.columns.includes(group) && data.columns.includes(measureColumn);
  const chartPoints = chartable
    ? data.rows.map((row) => ({
        label: row[group] === null ? '(none)' : String(row[group]),
        value: Number(row[measureColumn] ?? 0),
      }))
    : [];
  return (
    <section aria-label="Result">
      {error?.fieldErrors.length ? (
        <div className="error" role="alert">
          <strong>The query is not valid.</strong>
          {error.fieldErrors.map((f) => (
            <FieldMessages
              key={f.field}
              id={`rq-error-${f.field}`}
              messages={f.messages.map((m) => `${f.field}: ${m}`)}
            />
          ))}
        </div>
      ) : (
        <ErrorMessage error={answer.error} />
      )}
      {!data && answer.loading ? <Loading what="Running the query" /> : null}
      {data ? (
        <>
          <div className="title-row">
            <p>
              {data.total} {data.total === 1 ? 'row' : 'rows'}
              {data.asOf ? ` as of ${data.asOf}` : ''}
              {data.total > data.rows.length
                ? ` (first ${data.rows.length} shown; download the CSV or narrow the filter)`
                : ''}
            </p>
            <div className="row-actions">
              <button type="button" onClick={answer.reload}>
                Refresh
              </button>
              <button type="button" onClick={() => void downloadCsv()}>
                Download CSV
              </button>
            </div>
          </div>
          <ErrorMessage error={csvError} title="The CSV export failed." />
          {chartable && chartPoints.length ? (
            group.includes(':') ? (
              <LineChart
                title={`${measure} by ${group}`}
                series={[
                  { name: measure, points: chartPoints.map((p) => ({ x: p.label, y: p.value })) },
                ]}
              />
            ) : (
              <BarChart title={`${measure} by ${group}`} bars={chartPoints.slice(0, 30)} />
            )
          ) : null}
          {data.rows.length === 0 ? (
            <Empty>No row matches.</Empty>
          ) : (
            <div className="scroll">
              <table className="list" aria-label={`${view.title}: result`}>
                <thead>
                  <tr>
                    {data.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.slice(0, 200).map((row, index) => (
                    <tr key={index}>
                      {data.columns.map((c) => (
                        <td key={c}>{cell(row[c])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

interface ReportFunction {
  function: string;
  title: string;
  status: 'reported' | 'not-reported';
  note?: string;
  figures?: Array<{ metric: string; key: string | null; value: number | null; unit: string }>;
  notes?: string[];
}
interface ProgressReport {
  title: string;
  period: { label: string; kind: string; from: string; to: string };
  generatedAt: string;
  asOf?: string;
  functions: ReportFunction[];
}

/** The Governing Body progress report for a period, with CSV download and a print view. */
export function ProgressReportPage() {
  const [search, update] = useRouteSearch('progressReport');
  const period = search.get('period') ?? String(new Date().getUTCFullYear());
  const [draft, setDraft] = useState(period);
  const report = useLoad(
    () =>
      get<ProgressReport>(`/api/reporting/reports/progress?period=${encodeURIComponent(period)}`),
    period,
  );
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const fetchAs = async (format: 'csv' | 'html') => {
    setDownloadError(null);
    try {
      const { body } = await api<string>(
        `/api/reporting/reports/progress?period=${encodeURIComponent(period)}&format=${format}`,
        { accept: format === 'csv' ? 'text/csv' : 'text/html' },
      );
      if (format === 'csv') downloadText(body, `progress-report-${period}.csv`, 'text/csv');
      else {
        const url = URL.createObjectURL(new Blob([body], { type: 'text/html' }));
        window.open(url, '_blank', 'noopener');
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    } catch (error) {
      setDownloadError(error);
    }
  };
  const error = report.error instanceof ApiError ? report.error : null;
  return (
    <main id="main">
      <h1>Progress report to the Governing Body</h1>
      <form
        className="filters"
        aria-label="Period"
        onSubmit={(e) => {
          e.preventDefault();
          update({ period: draft.trim() || undefined });
        }}
      >
        <div className="field">
          <label htmlFor="report-period">Period</label>
          <input
            id="report-period"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby="report-period-hint"
          />
          <small id="report-period-hint" className="hint">
            A year (2026), a biennium (2026-2027) or a quarter (2026-Q1)
          </small>
          {error ? (
            <FieldMessages id="report-period-error" messages={error.messagesFor('period')} />
          ) : null}
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            Show the report
          </button>
          <button type="button" onClick={report.reload}>
            Refresh
          </button>
          <button type="button" onClick={() => void fetchAs('csv')}>
            Download CSV
          </button>
          <button type="button" onClick={() => void fetchAs('html')}>
            Print view
          </button>
        </div>
      </form>
      <ErrorMessage error={downloadError} />
      {report.error ? <ErrorMessage error={report.error} /> : null}
      {!report.data && report.loading ? <Loading what="Computing the report" /> : null}
      {report.data ? <Report report={report.data} /> : null}
    </main>
  );
}

function Report({ report }: { report: ProgressReport }) {
  return (
    <article aria-label={report.title}>
      <h2>{report.title}</h2>
      <p className="sub">
        {report.period.from.slice(0, 10)} to {report.period.to.slice(0, 10)} (end excluded);
        generated {report.generatedAt}
      </p>
      {report.functions.map((fn) => {
        const totals = (fn.figures ?? []).filter((f) => f.key === null);
        const breakdowns = new Map<string, Array<{ label: string; value: number }>>();
        for (const f of fn.figures ?? []) {
          if (f.key === null) continue;
          breakdowns.set(f.metric, [
            ...(breakdowns.get(f.metric) ?? []),
            { label: label(f.key), value: f.value ?? 0 },
          ]);
        }
        return (
          <section key={fn.function} aria-labelledby={`fn-${fn.function}`} className="panel">
            <h3 id={`fn-${fn.function}`}>{fn.title}</h3>
            {fn.status === 'not-reported' ? (
              <p className="empty">{fn.note}</p>
            ) : (
              <>
                <dl className="figures">
                  {totals.map((f) => (
                    <div key={f.metric}>
                      <dt>{metricLabel(f.metric)}</dt>
                      <dd>
                        {f.value === null
                          ? '—'
                          : `${f.value}${f.unit === 'hours' ? ' h' : f.unit === 'percent' ? ' %' : ''}`}
                      </dd>
                    </div>
                  ))}
                </dl>
                <div className="chart-grid">
                  {[...breakdowns.entries()].map(([metric, bars]) => (
                    <BarChart key={metric} title={metricLabel(metric)} bars={bars} />
                  ))}
                </div>
                {fn.notes?.length ? (
                  <ul className="sub">
                    {fn.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            )}
          </section>
        );
      })}
    </article>
  );
}

function metricLabel(metric: string): string {
  const words = metric.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
