import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { useCommand } from '../../api/query';
import { BarChart, LineChart } from '../../components/charts';
import { downloadText } from '../../components/download';
import { Empty, ErrorMessage, Loading } from '../../components/feedback';
import { FieldMessages } from '../../components/fields';
import { formatCount, formatNumber, NONE } from '../../components/format';
import { ListTable } from '../../components/table';
import { answerCsv, reportingQueries, type ReportingView, type ViewQuery } from './reporting.api';

/** A query's answer: the rows (the first 200), a chart of a grouping, the CSV of all. */
export function QueryResult({ view, query }: { view: ReportingView; query: ViewQuery }) {
  const answer = useQuery(reportingQueries.answer(query));
  const csv = useCommand(
    async () => downloadText(await answerCsv(query), `${view.name}.csv`, 'text/csv'),
    { invalidates: [] },
  );
  const invalid = answer.error instanceof ApiError ? answer.error.fieldErrors : [];
  const data = answer.data;
  const { group, measure } = query;
  const measureColumn = measure === 'count' ? 'count' : measure.replace(':', '_');
  const cell = (column: string, value: unknown) =>
    column === measureColumn && typeof value === 'number' ? formatNumber(value, 2) : text(value);
  const points =
    data && group && data.columns.includes(group) && data.columns.includes(measureColumn)
      ? data.rows.map((row) => ({
          label: row[group] === null ? '(none)' : String(row[group]),
          value: Number(row[measureColumn] ?? 0),
        }))
      : [];
  return (
    <section aria-label="Result">
      {invalid.length ? (
        <div className="error" role="alert">
          <strong>The query is not valid.</strong>
          {invalid.map((f) => (
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
      {answer.isLoading ? <Loading what="Running the query" /> : null}
      {data ? (
        <>
          <div className="title-row">
            <p>
              {formatCount(data.total, 'row')}
              {data.asOf ? ` as of ${data.asOf}` : ''}
              {data.total > data.rows.length
                ? ` (first ${formatNumber(data.rows.length, 0)} shown; download the CSV or narrow the filter)`
                : ''}
            </p>
            <div className="row-actions">
              <button type="button" onClick={() => void answer.refetch()}>
                Refresh
              </button>
              <button type="button" onClick={() => csv.run()}>
                Download CSV
              </button>
            </div>
          </div>
          <ErrorMessage error={csv.error} title="The CSV export failed." />
          {points.length ? (
            group.includes(':') ? (
              <LineChart
                title={`${measure} by ${group}`}
                series={[
                  { name: measure, points: points.map((p) => ({ x: p.label, y: p.value })) },
                ]}
              />
            ) : (
              <BarChart title={`${measure} by ${group}`} bars={points.slice(0, 30)} />
            )
          ) : null}
          {data.rows.length === 0 ? (
            <Empty>No row matches.</Empty>
          ) : (
            <div className="scroll">
              <ListTable label={`${view.title}: result`} columns={data.columns}>
                {data.rows.slice(0, 200).map((row, index) => (
                  <tr key={index}>
                    {data.columns.map((c) => (
                      <td key={c}>{cell(c, row[c])}</td>
                    ))}
                  </tr>
                ))}
              </ListTable>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

/** A value of a row as text: lists joined, objects as JSON. */
function text(value: unknown): string {
  if (value === null || value === undefined) return NONE;
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
