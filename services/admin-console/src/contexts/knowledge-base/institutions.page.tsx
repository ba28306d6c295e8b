import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { INSTITUTION_KINDS, INSTITUTION_STATUSES, LEGAL_TYPES, REGIONS } from '@sfp/contracts';
import type { Indicator } from '@sfp/contracts';
import { Badge, Empty, Notice, QueryState } from '../../components/feedback';
import { FilterBar, FilterChoices } from '../../components/filters';
import { formatCount, formatDate, formatNumber, label, NONE } from '../../components/format';
import { CursorPager, FIRST_PAGE } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { formatIndicator, indicatorName, isIndicator } from './indicators';
import { knowledgeBaseQueries, type Institution } from './knowledge-base.api';
import { RegisterInstitution } from './register-institution';

const CHOICES = [
  ['region', 'Region', REGIONS],
  ['legalType', 'Legal type', LEGAL_TYPES],
  ['kind', 'Kind', INSTITUTION_KINDS],
  ['status', 'Status', INSTITUTION_STATUSES],
] as const;

/** The filters of a link from a figure: the institutions behind it. */
const BEHIND = ['id', 'reportedFrom', 'reportedTo'] as const;

function behindText(from?: string, to?: string, ids?: string): string {
  const period =
    from && to
      ? `with a report for a period ending ${formatDate(from)} to ${formatDate(to)}`
      : from
        ? `with a report for a period ending on or after ${formatDate(from)}`
        : to
          ? `with a report for a period ending on or before ${formatDate(to)}`
          : '';
  const chosen = ids ? `${formatCount(ids.split(',').length, 'chosen institution')}` : '';
  return `Showing ${[chosen, period].filter(Boolean).join(', ') || 'institutions'}`;
}

const COLUMNS = [
  'Institution',
  'Kind, legal type',
  'Country',
  'Status',
  'Reports',
  'Latest period',
  'Targets off track',
];

/** The finance institutions, filtered by the URL; register one (records:write). */
export function InstitutionsPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('institutions');
  const behind = BEHIND.map((name) => [name, search.get(name)] as const);
  const filters = Object.fromEntries([
    ...CHOICES.map(([name]) => [name, search.get(name)] as const),
    ...behind,
  ]);
  const list = useQuery(knowledgeBaseQueries.institutions(filters, search.get('cursor')));
  return (
    <main id="main">
      <div className="title-row">
        <h1>Finance institutions</h1>
        {can('records:write') ? (
          <Link to={href('reportImport')} className="button">
            Import performance reports
          </Link>
        ) : null}
      </div>
      {behind.some(([, value]) => value) ? (
        <Notice>
          {behindText(search.get('reportedFrom'), search.get('reportedTo'), search.get('id'))}
          {search.get('indicator')
            ? ` (behind the figure ${indicatorName(search.get('indicator') ?? '')})`
            : ''}
          . <Link to={href('institutions')}>All institutions</Link>
        </Notice>
      ) : null}
      <FilterBar label="Filters">
        <FilterChoices
          choices={CHOICES}
          value={search.get}
          onChange={(name, value) => update({ [name]: value, ...FIRST_PAGE })}
        />
      </FilterBar>
      <QueryState query={list} what="Loading institutions" />
      {list.data?.items.length === 0 ? (
        <Empty>
          No institution
          {Object.values(filters).some(Boolean) ? ' matches these filters' : ' registered yet'}.
        </Empty>
      ) : null}
      {list.data?.items.length ? (
        <>
          <InstitutionsTable
            institutions={list.data.items}
            indicator={
              isIndicator(search.get('indicator') ?? '') ? search.get('indicator') : undefined
            }
          />
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
      {can('records:write') ? <RegisterInstitution /> : null}
    </main>
  );
}

const STATUS_BADGES: Record<string, string> = { active: 'good', registered: 'warn' };

function InstitutionsTable({
  institutions,
  indicator,
}: {
  institutions: Institution[];
  /** A figure's indicator: its latest value is shown in a column of its own. */
  indicator?: string | undefined;
}) {
  const columns = indicator ? [...COLUMNS, `Latest ${indicatorName(indicator)}`] : COLUMNS;
  return (
    <ListTable label="Institutions" columns={columns}>
      {institutions.map((i) => (
        <tr key={i.institutionId}>
          <td>
            <Link to={href('institution', { institutionId: i.institutionId })}>{i.name}</Link>
            <div className="sub">{i.programmes.join(', ')}</div>
          </td>
          <td>
            {label(i.kind)}
            <div className="sub">{label(i.legalType)}</div>
          </td>
          <td>
            {i.country} ({label(i.region)})
          </td>
          <td>
            <Badge kind={STATUS_BADGES[i.status] ?? 'bad'}>{label(i.status)}</Badge>
          </td>
          <td>{formatNumber(i.reports ?? 0, 0)}</td>
          <td>{i.latestPeriodEnd ?? NONE}</td>
          <td>
            {i.targetsOffTrack ? <Badge kind="bad">{formatNumber(i.targetsOffTrack, 0)}</Badge> : 0}
          </td>
          {indicator ? (
            <td>{formatIndicator(i.latest?.ratios[indicator as Indicator]?.value, indicator)}</td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
