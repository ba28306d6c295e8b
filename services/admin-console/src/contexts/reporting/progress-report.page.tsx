import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { useCommand } from '../../api/query';
import { downloadText, openHtml } from '../../components/download';
import { ErrorMessage, QueryState } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { FilterBar } from '../../components/filters';
import { formatDate, formatDateTime } from '../../components/format';
import { useRouteSearch } from '../../routing/paths';
import { ReportSection } from './report-section';
import { ReportSubmissions } from './report-submissions';
import { progressReportAs, reportingQueries, type ProgressReport } from './reporting.api';

/**
 * The Governing Body progress report for a period: every section with its
 * figures beside the previous period's and the change, charts in the units
 * of their tables, the narrative per section, the JSON, CSV and print view,
 * and the submitted (frozen) versions.
 */
export function ProgressReportPage() {
  const [search, update] = useRouteSearch('progressReport');
  const period = search.get('period') ?? String(new Date().getUTCFullYear());
  const asOf = search.get('asOf');
  const [draft, setDraft] = useState(period);
  const [asOfDraft, setAsOfDraft] = useState(asOf ? asOf.slice(0, 16) : '');
  const asOfInstant = asOf ? new Date(asOf).toISOString() : undefined;
  const report = useQuery(reportingQueries.progress(period, asOfInstant));
  const download = useCommand(
    async (format: 'json' | 'csv' | 'html') => {
      if (format === 'json') {
        const json = JSON.stringify(report.data, null, 2);
        downloadText(json, `progress-report-${period}.json`, 'application/json');
        return;
      }
      const body = await progressReportAs(period, format, undefined, asOfInstant);
      if (format === 'csv') downloadText(body, `progress-report-${period}.csv`, 'text/csv');
      else openHtml(body);
    },
    { invalidates: [] },
  );
  return (
    <main id="main">
      <h1>Progress report to the Governing Body</h1>
      <FilterBar
        label="Period"
        onSubmit={() => update({ period: draft.trim(), asOf: asOfDraft || undefined })}
      >
        <TextField
          label="Period"
          name="period"
          value={draft}
          onChange={setDraft}
          errors={report.error instanceof ApiError ? report.error : null}
          hint="A year (2026), a biennium (2026-2027) or a quarter (2026-Q1)"
        />
        <TextField
          label="As of (optional)"
          name="asOf"
          type="datetime-local"
          value={asOfDraft}
          onChange={setAsOfDraft}
          errors={report.error instanceof ApiError ? report.error : null}
          hint="The report, and its narratives, as they stood then"
        />
        <div className="filter-actions">
          <button type="submit" className="primary">
            Show the report
          </button>
          <button type="button" onClick={() => void report.refetch()}>
            Refresh
          </button>
          <button type="button" onClick={() => download.run('json')} disabled={!report.data}>
            Download JSON
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
      {report.data ? <Report report={report.data} period={period} /> : null}
      {report.data && !asOf ? <ReportSubmissions period={period} /> : null}
    </main>
  );
}

/** "2025", or "the previous period" when the API does not name it. */
function previousLabelOf(report: ProgressReport): string {
  const p = report.previousPeriod;
  return p ? `Previous period (${p.label})` : 'Previous period';
}

function Report({ report, period }: { report: ProgressReport; period: string }) {
  const previousLabel = previousLabelOf(report);
  return (
    <article aria-label={report.title}>
      <h2>{report.title}</h2>
      <p className="sub">
        {formatDate(report.period.from)} to {formatDate(report.period.to)} (end excluded)
        {report.previousPeriod ? `, beside ${report.previousPeriod.label}` : ''}; generated{' '}
        {formatDateTime(report.generatedAt)}
        {report.asOf ? `, as of ${formatDateTime(report.asOf)}` : ''}
      </p>
      <nav aria-label="Sections" className="toc">
        <ol>
          {report.functions.map((fn) => (
            <li key={fn.function}>
              <a href={`#fn-${fn.function}`}>{fn.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {report.functions.map((fn) => (
        <ReportSection
          key={fn.function}
          fn={fn}
          period={period}
          previousLabel={previousLabel}
          narrative={fn.narrative ?? report.narratives?.[fn.function]}
          readOnly={Boolean(report.asOf)}
        />
      ))}
    </article>
  );
}
