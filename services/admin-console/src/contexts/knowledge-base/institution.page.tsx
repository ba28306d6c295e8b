import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Indicator } from '@sfp/contracts';
import { Badge, Empty, ErrorMessage, Loading, Notice } from '../../components/feedback';
import { label } from '../../components/format';
import { ListTable } from '../../components/table';
import { href, useRouteParams, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { formatIndicator, indicatorName, isIndicator } from './indicators';
import { InstitutionLibrary } from './institution-library';
import { InstitutionLifecycle } from './institution-lifecycle';
import { knowledgeBaseQueries, type Profile } from './knowledge-base.api';
import { RatioOverTime } from './ratio-chart';
import { TargetsTable } from './targets-table';

/** An institution's profile: status, a ratio over time, its reports and targets. */
export function InstitutionPage() {
  const { institutionId } = useRouteParams('institution');
  const { can } = useAuth();
  const [search, update] = useRouteSearch('institution');
  const ratio = search.get('ratio') ?? 'oss';
  const indicator: Indicator = isIndicator(ratio) ? ratio : 'oss';
  const [notice, setNotice] = useState<string | null>(null);
  const profile = useQuery(knowledgeBaseQueries.profile(institutionId));
  const p = profile.data;
  const back = (
    <p>
      <Link to={href('institutions')}>← Institutions</Link>
    </p>
  );
  if (!p) {
    return (
      <main id="main">
        {back}
        {profile.error ? (
          <ErrorMessage error={profile.error} />
        ) : (
          <Loading what="Loading the institution" />
        )}
      </main>
    );
  }
  const writer = can('records:write');
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{p.name}</h1>
        <Badge kind={p.status === 'active' ? 'good' : 'warn'}>
          <span data-testid="institution-status">{p.status}</span>
        </Badge>
      </div>
      <p className="sub">
        {label(p.kind)}, {label(p.legalType)} · {p.country}, {label(p.region)} · programmes:{' '}
        {p.programmes.join(', ') || 'none'}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      {writer ? (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <InstitutionLifecycle
            institutionId={p.institutionId}
            name={p.name}
            status={p.status}
            onDone={setNotice}
          />
        </section>
      ) : null}
      <RatioOverTime
        profile={p}
        indicator={indicator}
        onIndicator={(ratio) => update({ ratio }, { replace: true })}
      />
      {p.latestPeriodEnd ? (
        <p>
          <Link
            to={href('institutions', {
              reportedFrom: p.latestPeriodEnd,
              reportedTo: p.latestPeriodEnd,
              indicator,
            })}
          >
            {indicatorName(indicator)} of the institutions reporting for a period ending{' '}
            {p.latestPeriodEnd}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="reports-heading">
        <div className="title-row">
          <h2 id="reports-heading">Performance reports</h2>
          {writer && p.status === 'active' ? (
            <Link
              to={href('fileReport', { institutionId: p.institutionId })}
              className="button primary"
            >
              File a performance report
            </Link>
          ) : null}
        </div>
        <ReportsTable profile={p} indicator={indicator} />
      </section>
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">Targets</h2>
        <TargetsTable targets={p.targets} />
        <p>
          <Link to={href('targets', { institution: p.institutionId })}>
            Set a target for {p.name}
          </Link>
        </p>
      </section>
      {can('reports:read') ? <InstitutionLibrary institutionId={p.institutionId} /> : null}
    </main>
  );
}

/** The reports, newest first: PAR30 and OSS always, and the chart's ratio when it is another. */
function ReportsTable({ profile, indicator }: { profile: Profile; indicator: Indicator }) {
  if (profile.series.length === 0) return <Empty>None filed.</Empty>;
  const extra = indicator !== 'par30' && indicator !== 'oss';
  const columns = ['Period', 'Version', 'Currency'];
  if (extra) columns.push(indicatorName(indicator));
  columns.push('PAR30', 'OSS');
  return (
    <ListTable label="Performance reports" columns={columns}>
      {[...profile.series].reverse().map((s) => (
        <tr key={s.reportId}>
          <td>
            <Link to={href('report', { reportId: s.reportId })}>
              {s.period.start} to {s.period.end}
            </Link>
          </td>
          <td>
            {s.version} {s.restated ? <Badge kind="warn">restated</Badge> : null}
          </td>
          <td>{s.currency}</td>
          {extra ? <td>{formatIndicator(s.ratios[indicator]?.value, indicator)}</td> : null}
          <td>{formatIndicator(s.ratios.par30?.value, 'par30')}</td>
          <td>{formatIndicator(s.ratios.oss?.value, 'oss')}</td>
        </tr>
      ))}
    </ListTable>
  );
}
