// The home dashboard at `/`: a panel per role's work, each shown to those
// who may open its pages — the help desk's open requests and SLA risk by
// assignee, the knowledge base's reports due and targets at risk, and the
// next progress report to the Governing Body.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useHasPath } from '../../api/capabilities';
import { Empty, QueryState } from '../../components/feedback';
import { Figures } from '../../components/figures';
import { formatDate, formatDateTime, formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { href } from '../../routing/paths';
import { useAuth } from '../../session';
import { indicatorName, TargetStatusBadge } from '../knowledge-base/indicators';
import { reportingQueries } from '../reporting/reporting.api';
import { homeQueries } from './home.api';

/** Which panels this user sees (none: the shell sends them to their first page). */
export function useDashboardPanels() {
  const { can } = useAuth();
  const hasPath = useHasPath();
  return {
    helpDesk: can('records:read') && hasPath('/api/help-desk/queue') === true,
    knowledgeBase: can('reports:read') && hasPath('/api/knowledge-base/targets') === true,
    report: can('reports:read') && hasPath('/api/reporting/reports/progress') === true,
  };
}

const atLeast = (count: number, more: boolean) => `${formatNumber(count, 0)}${more ? '+' : ''}`;

function Panel(props: { title: string; children: ReactNode }) {
  const id = `home-${props.title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="panel dashboard-panel" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function HomeDashboard() {
  const { me } = useAuth();
  const panels = useDashboardPanels();
  return (
    <main id="main">
      <h1>Home</h1>
      <p className="sub">Welcome, {me?.displayName ?? me?.name}. What needs attention today.</p>
      <div className="dashboard">
        {panels.helpDesk ? <HelpDeskPanel /> : null}
        {panels.knowledgeBase ? <KnowledgeBasePanel /> : null}
        {panels.report ? <NextReportPanel /> : null}
      </div>
    </main>
  );
}

function HelpDeskPanel() {
  const queue = useQuery(homeQueries.queue());
  const s = queue.data;
  return (
    <Panel title="Help desk">
      <QueryState query={queue} what="Reading the open requests" />
      {s ? (
        <>
          <Figures
            items={[
              {
                label: 'Open requests',
                value: <Link to={href('queue')}>{atLeast(s.open, s.more)}</Link>,
              },
              {
                label: 'SLA at risk (due within 24 h)',
                value: (
                  <Link to={href('queue', { sla: 'due-soon' })}>
                    {formatNumber(s.bySla['due-soon'], 0)}
                  </Link>
                ),
              },
              {
                label: 'SLA overdue',
                value: (
                  <Link to={href('queue', { sla: 'overdue' })}>
                    {formatNumber(s.bySla.overdue, 0)}
                  </Link>
                ),
              },
              {
                label: 'SLA breached',
                value: (
                  <Link to={href('queue', { sla: 'breached' })}>
                    {formatNumber(s.bySla.breached, 0)}
                  </Link>
                ),
              },
            ]}
          />
          {s.byAssignee.length ? (
            <ListTable
              label="Open requests by assignee"
              columns={['Assignee', 'Open', 'SLA at risk', 'Overdue or breached']}
            >
              {s.byAssignee.map((a) => (
                <tr key={a.assignee ?? ''}>
                  <th scope="row">
                    <Link
                      to={href(
                        'queue',
                        a.assignee ? { assignee: a.assignee } : { unassigned: 'true' },
                      )}
                    >
                      {a.assignee ?? 'Unassigned'}
                    </Link>
                  </th>
                  <td className="num">{formatNumber(a.open, 0)}</td>
                  <td className="num">{formatNumber(a.atRisk, 0)}</td>
                  <td className="num">{formatNumber(a.late, 0)}</td>
                </tr>
              ))}
            </ListTable>
          ) : (
            <Empty>No open request.</Empty>
          )}
        </>
      ) : null}
    </Panel>
  );
}

function KnowledgeBasePanel() {
  const kb = useQuery(homeQueries.knowledgeBase());
  const s = kb.data;
  const risky = s ? [...s.offTrack, ...s.atRisk] : [];
  return (
    <Panel title="Knowledge base">
      <QueryState query={kb} what="Reading the targets and reports" />
      {s ? (
        <>
          <Figures
            items={[
              {
                label: 'Performance reports due',
                value: (
                  <Link to={href('institutions')}>{atLeast(s.reportsDue.length, s.more)}</Link>
                ),
              },
              {
                label: 'Targets at risk',
                value: (
                  <Link to={href('targets', { status: 'at-risk' })}>
                    {formatNumber(s.atRisk.length, 0)}
                  </Link>
                ),
              },
              {
                label: 'Targets off track',
                value: (
                  <Link to={href('targets', { status: 'off-track' })}>
                    {formatNumber(s.offTrack.length, 0)}
                  </Link>
                ),
              },
              { label: 'Targets due within 90 days', value: formatNumber(s.dueSoon.length, 0) },
            ]}
          />
          <p className="sub">
            A report is due from an active institution with none for the last full quarter.
          </p>
          {s.reportsDue.length ? (
            <ListTable label="Performance reports due" columns={['Institution', 'Latest period']}>
              {s.reportsDue.slice(0, 10).map((i) => (
                <tr key={i.institutionId}>
                  <th scope="row">
                    <Link to={href('institution', { institutionId: i.institutionId })}>
                      {i.name}
                    </Link>
                  </th>
                  <td>{i.latestPeriodEnd ? formatDate(i.latestPeriodEnd) : 'No report yet'}</td>
                </tr>
              ))}
            </ListTable>
          ) : null}
          {risky.length ? (
            <ListTable
              label="Targets at risk"
              columns={['Institution', 'Indicator', 'Due', 'Status']}
            >
              {risky.slice(0, 10).map((t) => (
                <tr key={t.targetId}>
                  <th scope="row">
                    {t.institutionId ? (
                      <Link to={href('institution', { institutionId: t.institutionId })}>
                        {s.names[t.institutionId] ?? 'Institution'}
                      </Link>
                    ) : (
                      'The portfolio'
                    )}
                  </th>
                  <td>{indicatorName(t.indicator)}</td>
                  <td>{formatDate(t.dueDate)}</td>
                  <td>
                    <TargetStatusBadge status={t.status} />
                  </td>
                </tr>
              ))}
            </ListTable>
          ) : (
            <Empty>No target at risk.</Empty>
          )}
        </>
      ) : null}
    </Panel>
  );
}

function NextReportPanel() {
  // The next report is the current year's (the Governing Body reads one a year).
  const period = String(new Date().getUTCFullYear());
  const report = useQuery(reportingQueries.progress(period));
  const submissions = useQuery(reportingQueries.submissions(period));
  const latest = [...(submissions.data ?? [])].sort((a, b) => b.version - a.version)[0];
  const sections = report.data?.functions ?? [];
  const reported = sections.filter((f) => f.status === 'reported').length;
  const narrated = sections.filter(
    (f) => f.narrative ?? report.data?.narratives?.[f.function],
  ).length;
  return (
    <Panel title="Next report">
      <QueryState query={report} what="Computing the report" />
      <p>
        <Link to={href('progressReport', { period })}>
          Progress report to the Governing Body, {period}
        </Link>
      </p>
      {report.data ? (
        <Figures
          items={[
            {
              label: 'Sections with figures',
              value: `${formatNumber(reported, 0)} of ${formatNumber(sections.length, 0)}`,
            },
            {
              label: 'Sections with a narrative',
              value: `${formatNumber(narrated, 0)} of ${formatNumber(sections.length, 0)}`,
            },
            {
              label: 'Submitted',
              value: latest
                ? `Version ${latest.version}, ${formatDateTime(latest.submittedAt)}`
                : 'Not yet',
            },
          ]}
        />
      ) : null}
    </Panel>
  );
}
