import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { INDICATORS } from '@sfp/contracts';
import type { HistoryEntry } from '@sfp/contracts';
import { ErrorMessage, Loading, Notice } from '../../components/feedback';
import { formatCurrency, formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { eventData, eventName, Timeline } from '../../components/timeline';
import { href, useRouteParams, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { formatIndicator, indicatorName } from './indicators';
import {
  knowledgeBaseCommands,
  knowledgeBaseQueries,
  type PerformanceReport,
} from './knowledge-base.api';
import { FiledBy, RawFigures } from './report-figures';
import { ReportForm, valuesOf } from './report-form';

/** A performance report: its ratios, a restatement (records:write), and its versions' history. */
export function ReportPage() {
  const { reportId } = useRouteParams('report');
  const { can } = useAuth();
  const [search, update] = useRouteSearch('report');
  const report = useQuery(knowledgeBaseQueries.report(reportId));
  const r = report.data?.current;
  if (!report.data || !r) {
    return (
      <main id="main">
        {report.error ? (
          <ErrorMessage error={report.error} />
        ) : (
          <Loading what="Loading the report" />
        )}
      </main>
    );
  }
  const { version } = report.data;
  return (
    <main id="main">
      <p>
        <Link to={href('institution', { institutionId: r.institutionId })}>
          ← {r.institution?.name ?? 'Institution'}
        </Link>
      </p>
      <h1>
        Performance report {r.period.start} to {r.period.end}
      </h1>
      {search.get('filed') === '1' ? <Notice>Filed: version {version}.</Notice> : null}
      {search.get('restated') === '1' ? (
        <Notice>
          Restated: version {version} now counts; the earlier versions stay in the history.
        </Notice>
      ) : null}
      <p className="sub">
        Version {version} · {r.currency} (per USD: average {formatNumber(r.fx.periodAverage, 4)},
        end {formatNumber(r.fx.periodEnd, 4)})
        {r.gniPerCapitaUsd ? ` · GNI per capita ${formatCurrency(r.gniPerCapitaUsd, 'USD')}` : ''}
      </p>
      <FiledBy report={report.data} />
      <p>
        <Link
          to={href('institutions', {
            reportedFrom: r.period.end,
            reportedTo: r.period.end,
          })}
        >
          Other institutions reporting for a period ending {r.period.end}
        </Link>
      </p>
      <RatiosTable report={report.data} />
      <RawFigures report={r} />
      {!can('records:write') ? null : search.get('restate') === '1' ? (
        <section className="panel" aria-labelledby="restate-heading">
          <h2 id="restate-heading">Restate this report</h2>
          <ReportForm
            title="Restatement"
            initial={valuesOf(r)}
            version={version}
            withPeriod={false}
            withReason
            submitLabel="Restate"
            send={(body, ifMatch) => knowledgeBaseCommands.restateReport(reportId, body, ifMatch)}
            onSuccess={() => update({ restate: undefined, filed: undefined, restated: '1' })}
          />
        </section>
      ) : (
        <p>
          <button
            type="button"
            onClick={() => update({ restate: '1', restated: undefined, filed: undefined })}
          >
            Restate this report
          </button>
        </p>
      )}
      <Timeline
        heading="History"
        history={report.data.history}
        title={reportEventTitle}
        summary={(entry) => {
          const { reason } = eventData(entry);
          return typeof reason === 'string' ? [`Reason: ${reason}`] : [];
        }}
      />
    </main>
  );
}

/** 'kb.PerformanceReportRestated' → 'report restated'. */
function reportEventTitle(entry: HistoryEntry): string {
  return eventName(entry)
    .replace(/^PerformanceReport/, 'Report ')
    .toLowerCase();
}

/**
 * The ratios; each leads to where it comes from: the institution's series of
 * that ratio, and the institutions reporting for the same period with theirs.
 */
function RatiosTable({ report }: { report: PerformanceReport }) {
  const { ratios, institutionId, period } = report.current;
  return (
    <ListTable label="Ratios" columns={['Ratio', 'Value', 'Compare']}>
      {INDICATORS.map((i) => (
        <tr key={i}>
          <th scope="row">
            <Link to={href('institution', { institutionId }, { ratio: i })}>
              {indicatorName(i)}
            </Link>
          </th>
          <td>
            {ratios[i]?.value === null ? (
              <span className="sub">not computable: {ratios[i]?.reason}</span>
            ) : (
              formatIndicator(ratios[i]?.value, i)
            )}
          </td>
          <td>
            <Link
              to={href('institutions', {
                reportedFrom: period.end,
                reportedTo: period.end,
                indicator: i,
              })}
              aria-label={`${indicatorName(i)} of the institutions reporting for a period ending ${period.end}`}
            >
              Peers reporting
            </Link>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
