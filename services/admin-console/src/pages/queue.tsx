import { useState } from 'react';
import {
  OPEN_REQUEST_STATUSES,
  ORIGINS,
  PRIORITIES,
  REGIONS,
  REQUEST_KINDS,
  REQUEST_SORTS,
  REQUEST_STATUSES,
  SLA_STATUSES,
  THEMES,
} from '@sfp/contracts';
import { api, get, lastWritePosition, queryString } from '../api/client';
import { label, type Page, type RequestSummary } from '../api/types';
import {
  Badge,
  downloadText,
  Empty,
  ErrorMessage,
  formatDateTime,
  Loading,
  Pager,
  useLoad,
} from '../components/ui';
import { Link } from 'react-router';
import { href, REQUEST_LIST_FILTERS, useRouteSearch } from '../routing/paths';
import { useAuth } from '../session';

const FILTERS = REQUEST_LIST_FILTERS;
const PAGE_SIZE = 25;

export function slaBadge(status: string | undefined) {
  if (!status) return null;
  return <Badge kind={`sla-${status}`}>{label(status)}</Badge>;
}

/**
 * The request queue: open requests, most urgent deadline first (scope=open),
 * or every request (scope=all). Filters, sort and page are in the URL.
 */
export function QueuePage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('queue');
  const scope = search.get('scope') === 'all' ? 'all' : 'open';
  const params: Record<string, string | undefined> = Object.fromEntries(
    FILTERS.map((f) => [f, search.get(f) ?? undefined]),
  );
  const cursor = search.get('cursor') ?? undefined;
  const trail = (search.get('trail') ?? '').split('.').filter(Boolean);
  const endpoint = scope === 'open' ? '/api/help-desk/queue' : '/api/help-desk/service-requests';
  const query = queryString({ ...params, limit: PAGE_SIZE, cursor });
  const page = useLoad(
    () =>
      get<Page<RequestSummary>>(
        `${endpoint}${queryString({ ...params, limit: PAGE_SIZE, cursor, minPosition: lastWritePosition('help-desk') })}`,
      ),
    `${endpoint}${query}`,
  );
  const [exportError, setExportError] = useState<unknown>(null);

  const setFilter = (name: string, value: string | undefined) =>
    update({ [name]: value, cursor: undefined, trail: undefined });
  const exportCsv = async () => {
    setExportError(null);
    try {
      const { body } = await api<string>(
        `${endpoint}${queryString({ ...params, limit: 1000, format: 'csv' })}`,
        { accept: 'text/csv' },
      );
      downloadText(
        body,
        `service-requests-${new Date().toISOString().slice(0, 10)}.csv`,
        'text/csv',
      );
    } catch (error) {
      setExportError(error);
    }
  };

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
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          name="status"
          label="Status"
          value={params.status}
          options={scope === 'open' ? OPEN_REQUEST_STATUSES : REQUEST_STATUSES}
          onChange={setFilter}
        />
        <FilterSelect
          name="priority"
          label="Priority"
          value={params.priority}
          options={PRIORITIES}
          onChange={setFilter}
        />
        <FilterSelect
          name="sla"
          label="SLA"
          value={params.sla}
          options={SLA_STATUSES}
          onChange={setFilter}
        />
        <FilterSelect
          name="kind"
          label="Kind"
          value={params.kind}
          options={REQUEST_KINDS}
          onChange={setFilter}
        />
        <FilterSelect
          name="region"
          label="Region"
          value={params.region}
          options={REGIONS}
          onChange={setFilter}
        />
        <FilterSelect
          name="theme"
          label="Theme"
          value={params.theme}
          options={THEMES}
          onChange={setFilter}
        />
        <FilterSelect
          name="origin"
          label="Origin"
          value={params.origin}
          options={ORIGINS}
          onChange={setFilter}
        />
        <div className="field">
          <label htmlFor="filter-from">Submitted from</label>
          <input
            id="filter-from"
            type="date"
            value={params.from ?? ''}
            onChange={(e) => setFilter('from', e.target.value || undefined)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-to">Submitted before</label>
          <input
            id="filter-to"
            type="date"
            value={params.to ?? ''}
            onChange={(e) => setFilter('to', e.target.value || undefined)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-assignee">Assignee</label>
          <input
            id="filter-assignee"
            defaultValue={params.assignee ?? ''}
            key={params.assignee ?? ''}
            placeholder="e.g. staff-jkamau"
            onBlur={(e) =>
              e.target.value.trim() !== (params.assignee ?? '') &&
              setFilter('assignee', e.target.value.trim() || undefined)
            }
            onKeyDown={(e) =>
              e.key === 'Enter' && setFilter('assignee', e.currentTarget.value.trim() || undefined)
            }
          />
        </div>
        <div className="field checkbox-field">
          <label>
            <input
              type="checkbox"
              checked={params.unassigned === 'true'}
              onChange={(e) => setFilter('unassigned', e.target.checked ? 'true' : undefined)}
            />{' '}
            Unassigned only
          </label>
        </div>
        <FilterSelect
          name="sort"
          label="Sort"
          value={params.sort}
          options={REQUEST_SORTS}
          onChange={setFilter}
          emptyLabel={scope === 'open' ? 'Due date (default)' : 'Newest first (default)'}
          format={sortLabel}
        />
        <div className="filter-actions">
          <button
            type="button"
            onClick={() =>
              update(Object.fromEntries([...FILTERS, 'cursor', 'trail'].map((f) => [f, undefined])))
            }
          >
            Clear filters
          </button>
          <button type="button" onClick={() => void exportCsv()}>
            Download CSV
          </button>
        </div>
      </form>
      <ErrorMessage error={exportError} title="The CSV export failed." />
      {page.error ? <ErrorMessage error={page.error} /> : null}
      {page.loading && !page.data ? <Loading what="Loading requests" /> : null}
      {page.data ? (
        page.data.items.length === 0 ? (
          <Empty>
            {Object.values(params).some(Boolean)
              ? 'No request matches these filters.'
              : scope === 'open'
                ? 'The queue is empty: no open request.'
                : 'No request yet.'}
          </Empty>
        ) : (
          <>
            <table className="list" aria-busy={page.loading} aria-label="Requests">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Priority</th>
                  <th scope="col">SLA</th>
                  <th scope="col">Due</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Region</th>
                  <th scope="col">Submitted</th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((request) => (
                  <tr key={request.requestId}>
                    <td>
                      <Link to={href('request', { requestId: request.requestId })}>
                        {request.title}
                      </Link>
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
                          : '—'}
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
              </tbody>
            </table>
            <Pager
              hasPrevious={cursor !== undefined}
              nextCursor={page.data.nextCursor}
              onFirst={() => update({ cursor: undefined, trail: undefined })}
              onPrevious={() =>
                update({ cursor: trail.at(-1), trail: trail.slice(0, -1).join('.') || undefined })
              }
              onNext={(next) =>
                update({ cursor: next, trail: cursor ? [...trail, cursor].join('.') : undefined })
              }
            />
          </>
        )
      ) : null}
    </main>
  );
}

function sortLabel(sort: string): string {
  const descending = sort.startsWith('-');
  const field =
    {
      dueAt: 'due date',
      priority: 'priority',
      submittedAt: 'submitted',
      lastActivityAt: 'last activity',
    }[sort.replace('-', '')] ?? sort;
  return `By ${field}, ${descending ? 'latest or highest first' : 'earliest or lowest first'}`;
}

function FilterSelect(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange: (name: string, value: string | undefined) => void;
  emptyLabel?: string;
  format?: (value: string) => string;
}) {
  const id = `filter-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(props.name, e.target.value || undefined)}
      >
        <option value="">{props.emptyLabel ?? 'Any'}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {(props.format ?? label)(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
