import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { INSTITUTION_KINDS, INSTITUTION_STATUSES, LEGAL_TYPES, REGIONS } from '@sfp/contracts';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { FilterBar, FilterChoices } from '../../components/filters';
import { formatNumber, label, NONE } from '../../components/format';
import { CursorPager, FIRST_PAGE } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { knowledgeBaseQueries, type Institution } from './knowledge-base.api';
import { RegisterInstitution } from './register-institution';

const CHOICES = [
  ['region', 'Region', REGIONS],
  ['legalType', 'Legal type', LEGAL_TYPES],
  ['kind', 'Kind', INSTITUTION_KINDS],
  ['status', 'Status', INSTITUTION_STATUSES],
] as const;

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
  const filters = Object.fromEntries(CHOICES.map(([name]) => [name, search.get(name)]));
  const list = useQuery(knowledgeBaseQueries.institutions(filters, search.get('cursor')));
  return (
    <main id="main">
      <h1>Finance institutions</h1>
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
          <InstitutionsTable institutions={list.data.items} />
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
      {can('records:write') ? <RegisterInstitution /> : null}
    </main>
  );
}

const STATUS_BADGES: Record<string, string> = { active: 'good', registered: 'warn' };

function InstitutionsTable({ institutions }: { institutions: Institution[] }) {
  return (
    <ListTable label="Institutions" columns={COLUMNS}>
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
        </tr>
      ))}
    </ListTable>
  );
}
