import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { useCommand } from '../../api/query';
import { BarChart, type Bar } from '../../components/charts';
import { downloadText, openHtml } from '../../components/download';
import { ErrorMessage, QueryState } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { Figures } from '../../components/figures';
import { FilterBar } from '../../components/filters';
import { formatHours, formatNumber, label, NONE, sentence } from '../../components/format';
import { useRouteSearch } from '../../routing/paths';
import {
  progressReportAs,
  reportingQueries,
  type ProgressReport,
  type ReportFigure,
} from './reporting.api';

/** The Governing Body progress report for a period, with CSV download and a print view. */
export function ProgressReportPage() {
  const [search, update] = useRouteSearch('progressReport');
  const period = search.get('period') ?? String(new Date().getUTCFullYear());
  const [draft, setDraft] = useState(period);
  const report = useQuery(reportingQueries.progress(period));
  const download = useCommand(
    async (format: 'csv' | 'html') => {
      const body = await progressReportAs(period, format);
      if (format === 'csv') downloadText(body, `progress-report-${period}.csv`, 'text/csv');
      else openHtml(body);
    },
    { invalidates: [] },
  );
  return (
    <main id="main">
      <h1>Progress report to the Governing Body</h1>
      <FilterBar label="Period" onSubmit={() => update({ period: draft.trim() })}>
        <TextField
          label="Period"
          name="period"
          value={draft}
          onChange={setDraft}
          errors={report.error instanceof ApiError ? report.error : null}
          hint="A year (2026), a biennium (2026-2027) or a quarter (2026-Q1)"
        />
        <div className="filter-actions">
          <button type="submit" className="primary">
            Show the report
          </button>
          <button type="button" onClick={() => void report.refetch()}>
            Refresh
          </button>
          <button type="button" onClick={() => download.run('csv')}>
            Download CSV
          </button>
          <button type="button" onClick={() => download.run('html')}>
            Print view
          </button>
        </div>
      </FilterBar>
      <ErrorMessage error={download.error} />
      <QueryState query={report} what="Computing the report" />
      {report.data ? <Report report={report.data} /> : null}
    </main>
  );
}

/** A figure in its unit: hours, a per cent (the API gives it as such), or a count. */
function figureOf(f: ReportFigure): string {
  if (f.value === null) return NONE;
  if (f.unit === 'hours') return formatHours(f.value);
  if (f.unit === 'percent') return `${formatNumber(f.value, 1)} %`;
  return formatNumber(f.value, 1);
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
        const breakdowns = new Map<string, Bar[]>();
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
                <Figures
                  items={totals.map((f) => ({ label: sentence(f.metric), value: figureOf(f) }))}
                />
                <div className="chart-grid">
                  {[...breakdowns.entries()].map(([metric, bars]) => (
                    <BarChart key={metric} title={sentence(metric)} bars={bars} />
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
