import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCommand } from '../../api/query';
import { downloadText, today } from '../../components/download';
import { Badge, Empty, ErrorMessage, QueryState } from '../../components/feedback';
import { formatDateTime, label } from '../../components/format';
import { CursorPager } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, REQUEST_LIST_FILTERS, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import {
  helpDeskQueries,
  requestsCsv,
  type RequestListFilters,
  type RequestSummary,
} from './help-desk.api';
import { EscalationBadge } from './escalation-badge';
import { RequestFilters } from './request-filters';

function slaBadge(status: string | undefined) {
  if (!status) return null;
  return <Badge kind={`sla-${status}`}>{label(status)}</Badge>;
}

/**
 * The request queue: open requests, most urgent deadline first (scope=open),
 * or every request (scope=all). Filters, sort and page are in the URL.
 */
export function QueuePage() {
  const { can } = useAuth();
  const [search] = useRouteSearch('queue');
  const scope = search.get('scope') === 'all' ? 'all' : 'open';
  const filters: RequestListFilters = Object.fromEntries(
    REQUEST_LIST_FILTERS.map((name) => [name, search.get(name)]),
  );
  const page = useQuery(helpDeskQueries.requests(scope, filters, search.get('cursor')));
  const exportCsv = useCommand(
    async () =>
      downloadText(
        await requestsCsv(scope, filters),
        `service-requests-${today()}.csv`,
        'text/csv',
      ),
    { invalidates: [] },
  );
  const filtered = Object.values(filters).some(Boolean);
  return (
    <main id="main">
      <div className="title-row">
        <h1>{scope === 'open' ? 'Request queue' : 'All requests'}</h1>
        {can('records:write') ? (
          <Link to={href('newRequest')} className="button primary">
            File a request
          </Link>
        ) : null}
      </div>
      <nav className="tabs" aria-label="Which requests">
        <Link to={href('queue')} aria-current={scope === 'open' ? 'page' : undefined}>
          Open queue
        </Link>
        <Link
          to={href('queue', { scope: 'all' })}
          aria-current={scope === 'all' ? 'page' : undefined}
        >
          All requests
        </Link>
      </nav>
      <RequestFilters scope={scope} onExport={() => exportCsv.run()} />
      <ErrorMessage error={exportCsv.error} title="The CSV export failed." />
      <QueryState query={page} what="Loading requests" />
      {page.data?.items.length === 0 ? (
        <Empty>
          {filtered
            ? 'No request matches these filters.'
            : scope === 'open'
              ? 'The queue is empty: no open request.'
              : 'No request yet.'}
        </Empty>
      ) : null}
      {page.data?.items.length ? (
        <>
          <RequestsTable requests={page.data.items} busy={page.isFetching} />
          <CursorPager nextCursor={page.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}

const COLUMNS = [
  'Title',
  'Status',
  'Priority',
  'SLA',
  'Due',
  'Assignee',
  'Kind',
  'Region',
  'Submitted',
];

function RequestsTable({ requests, busy }: { requests: RequestSummary[]; busy: boolean }) {
  return (
    <ListTable label="Requests" columns={COLUMNS} busy={busy}>
      {requests.map((request) => (
        <tr key={request.requestId}>
          <td>
            <Link to={href('request', { requestId: request.requestId })}>{request.title}</Link>
            <div className="sub">{request.organisation}</div>
          </td>
          <td>
            <Badge kind={`status-${request.status}`}>{label(request.status)}</Badge>
          </td>
          <td>
            <Badge kind={`priority-${request.priority}`}>{label(request.priority)}</Badge>
          </td>
          <td>
            {request.open
              ? slaBadge(request.slaStatus)
              : request.slaBreached
                ? slaBadge('breached')
                : '—'}{' '}
            <EscalationBadge escalation={request.escalation} escalatedTo={request.escalatedTo} />
          </td>
          <td>{formatDateTime(request.dueAt)}</td>
          <td>{request.assignee ?? <span className="sub">unassigned</span>}</td>
          <td>{label(request.kind)}</td>
          <td>
            {label(request.region)} ({request.country})
          </td>
          <td>{formatDateTime(request.submittedAt)}</td>
        </tr>
      ))}
    </ListTable>
  );
}
