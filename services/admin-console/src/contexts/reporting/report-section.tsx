// One section (a function of the focal point) of the progress report: its
// figures with the previous period and the change, a chart per breakdown in
// the same unit as its table, its named tables (each with its CSV), its notes
// and its narrative.
import { Link } from 'react-router';
import { BarChart } from '../../components/charts';
import { href } from '../../routing/paths';
import { downloadText } from '../../components/download';
import { formatInUnit, unitName } from '../../components/format';
import { NarrativeEditor, narrativeOf } from './narrative-editor';
import { cellText, sectionFigures, type FigureRow } from './report-figures';
import {
  progressReportAs,
  type Narrative,
  type ReportFunction,
  type ReportTable,
} from './reporting.api';

function FiguresTable(props: {
  caption: string;
  rows: FigureRow[];
  previousLabel: string;
  first: string;
}) {
  const withPrevious = props.rows.some((r) => r.hasPrevious);
  return (
    <table className="list figures-table" aria-label={props.caption}>
      <thead>
        <tr>
          <th scope="col">{props.first}</th>
          <th scope="col" className="num">
            This period
          </th>
          {withPrevious ? (
            <>
              <th scope="col" className="num">
                {props.previousLabel}
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.current}</td>
            {withPrevious ? (
              <>
                <td className="num">{r.previous}</td>
                <td className="num">{r.change}</td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Ids are for machines (the CSV keeps them): the console links by them instead of showing them. */
const isIdColumn = (id: string | undefined) => Boolean(id && /Id$/.test(id));

/** The institution a row is about (a target's, an institution's figure), if it names one. */
function institutionOf(row: ReportTable['rows'][number]): string | undefined {
  if (Array.isArray(row)) return undefined;
  const cell = row['institutionId'];
  const value =
    cell !== null && typeof cell === 'object' ? (cell as { value?: unknown }).value : cell;
  return typeof value === 'string' && value ? value : undefined;
}

function NamedTable({ table, period }: { table: ReportTable; period: string }) {
  const shown = table.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !isIdColumn(c.id ?? c.key));
  return (
    <div className="report-table">
      <table className="list" aria-labelledby={`table-${table.id}`}>
        <caption id={`table-${table.id}`}>{table.title}</caption>
        <thead>
          <tr>
            {shown.map(({ c, i }) => (
              <th key={i} scope="col" className={c.unit && c.unit !== 'text' ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={shown.length} className="empty">
                Nothing in this period.
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => {
              const institutionId = institutionOf(row);
              return (
                <tr key={r}>
                  {shown.map(({ c, i }, n) => (
                    <td key={i} className={c.unit && c.unit !== 'text' ? 'num' : undefined}>
                      {n === 0 && institutionId ? (
                        <Link to={href('institution', { institutionId })}>
                          {cellText(table, row, i)}
                        </Link>
                      ) : (
                        cellText(table, row, i)
                      )}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      <button
        type="button"
        className="small"
        aria-label={`${table.title} as CSV`}
        onClick={() =>
          void progressReportAs(period, 'csv', table.id).then((csv) =>
            downloadText(csv, `progress-report-${period}-${table.id}.csv`, 'text/csv'),
          )
        }
      >
        Table as CSV
      </button>
    </div>
  );
}

export function ReportSection(props: {
  fn: ReportFunction;
  period: string;
  previousLabel: string;
  narrative: Narrative | string | null | undefined;
  readOnly: boolean;
}) {
  const { fn, period } = props;
  const { totals, breakdowns } = sectionFigures(fn.figures ?? []);
  const previousLabel = props.previousLabel;
  return (
    <section
      id={`fn-${fn.function}`}
      aria-labelledby={`fn-${fn.function}-title`}
      className="panel report-section"
    >
      <h3 id={`fn-${fn.function}-title`}>{fn.title}</h3>
      {fn.status === 'not-reported' ? (
        <p className="empty">{fn.note}</p>
      ) : (
        <>
          {fn.tables?.length ? (
            fn.tables.map((t) => {
              const b = breakdowns.get(t.id.slice(fn.function.length + 1));
              return (
                <div key={t.id}>
                  {b ? (
                    <BarChart
                      title={b.title}
                      bars={b.bars}
                      unit={unitName(b.unit)}
                      format={(v) => formatInUnit(v, b.unit, b.currency)}
                      previousLabel={previousLabel}
                    />
                  ) : null}
                  <NamedTable table={t} period={period} />
                </div>
              );
            })
          ) : (
            <>
              {totals.length ? (
                <FiguresTable
                  caption={`${fn.title}: figures`}
                  rows={totals}
                  previousLabel={previousLabel}
                  first="Figure"
                />
              ) : null}
              {[...breakdowns.values()].map((b) => (
                <div key={b.title}>
                  <BarChart
                    title={b.title}
                    bars={b.bars}
                    unit={unitName(b.unit)}
                    format={(v) => formatInUnit(v, b.unit, b.currency)}
                    previousLabel={previousLabel}
                  />
                  <FiguresTable
                    caption={`${fn.title}: ${b.title}`}
                    rows={b.rows}
                    previousLabel={previousLabel}
                    first={b.title}
                  />
                </div>
              ))}
            </>
          )}
          {fn.notes?.length ? (
            <ul className="sub">
              {fn.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <NarrativeEditor
        period={period}
        fn={fn.function}
        title={fn.title}
        narrative={narrativeOf(props.narrative)}
        readOnly={props.readOnly}
      />
    </section>
  );
}
