import { useQuery } from '@tanstack/react-query';
import type { ProgrammeProgress } from '@sfp/contracts';
import { Link } from 'react-router';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { FilterBar, FilterSelect } from '../../components/filters';
import { formatCount } from '../../components/format';
import { CursorPager, filterOf } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import {
  PROGRAMME_STATUS_BADGES,
  PROGRAMME_STATUS_LABELS,
  SCOPE_KIND_LABELS,
  scopeLabel,
} from './programme-progress';
import { programmeQueries, type ProgrammeFilters } from './training.api';
import { formatSpan } from './training-labels';

const FILTERS = ['status', 'scopeKind'] as const;

/** Capacity-building programmes, by title; an operator launches a new one (records:write). */
export function ProgrammesPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('trainingProgrammes');
  const filters: ProgrammeFilters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name)]),
  );
  const list = useQuery(programmeQueries.programmes(filters, search.get('cursor')));
  const filter = (name: (typeof FILTERS)[number]) => filterOf(search, update, name);
  return (
    <main id="main">
      <div className="title-row">
        <h1>Capacity-building programmes</h1>
        {can('records:write') ? (
          <Link to={href('launchProgramme')} className="button primary">
            Launch a programme
          </Link>
        ) : null}
      </div>
      <FilterBar label="Filters">
        <FilterSelect label="Status" {...filter('status')} options={PROGRAMME_STATUS_LABELS} />
        <FilterSelect label="For" {...filter('scopeKind')} options={SCOPE_KIND_LABELS} />
      </FilterBar>
      <QueryState query={list} what="Loading the programmes" />
      {list.data?.items.length === 0 ? (
        <Empty>
          No programme
          {Object.values(filters).some(Boolean) ? ' matches these filters' : ' launched yet'}.
        </Empty>
      ) : null}
      {list.data?.items.length ? (
        <>
          <ProgrammesTable programmes={list.data.items} />
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}

function ProgrammesTable({ programmes }: { programmes: ProgrammeProgress[] }) {
  return (
    <ListTable label="Programmes" columns={['Title', 'For', 'Period', 'Offerings', 'Status']}>
      {programmes.map((p) => (
        <tr key={p.programmeId}>
          <td>
            <Link to={href('trainingProgramme', { programmeId: p.programmeId })}>{p.title}</Link>
          </td>
          <td>
            {scopeLabel(p.scope)}
            <div className="sub">{SCOPE_KIND_LABELS[p.scope.kind]}</div>
          </td>
          <td>{formatSpan(p.startsOn, p.endsOn)}</td>
          <td>{p.offeringIds.length ? formatCount(p.offeringIds.length, 'offering') : 'None'}</td>
          <td>
            <Badge kind={PROGRAMME_STATUS_BADGES[p.status]}>
              {PROGRAMME_STATUS_LABELS[p.status]}
            </Badge>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
