import { useQuery } from '@tanstack/react-query';
import { TARGET_STATUSES } from '@sfp/contracts';
import { QueryState } from '../../components/feedback';
import { FilterBar, FilterSelect } from '../../components/filters';
import { CursorPager, filterOf } from '../../components/pager';
import { useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { knowledgeBaseQueries } from './knowledge-base.api';
import { SetTarget } from './set-target';
import { TargetsTable } from './targets-table';

const WHICH = {
  true: 'Active',
  false: 'Withdrawn',
  all: 'All',
};

/** Targets on the indicators, by status; set one (records:write). */
export function TargetsPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('targets');
  const status = search.get('status');
  const active = search.get('active') ?? 'true';
  const filter = (name: 'status' | 'active') => filterOf(search, update, name);
  const list = useQuery(
    knowledgeBaseQueries.targets(
      status,
      active === 'all' ? undefined : active,
      search.get('cursor'),
    ),
  );
  return (
    <main id="main">
      <h1>Targets</h1>
      <FilterBar label="Filters">
        <FilterSelect label="Status" {...filter('status')} options={TARGET_STATUSES} />
        <FilterSelect label="Which" {...filter('active')} options={WHICH} fallback="true" />
      </FilterBar>
      <QueryState query={list} what="Loading targets" />
      {list.data ? (
        <>
          <TargetsTable targets={list.data.items} withInstitution />
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
      {can('records:write') ? <SetTarget institutionId={search.get('institution') ?? ''} /> : null}
    </main>
  );
}
