import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { MilestoneState } from '@sfp/contracts';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { FilterBar, FilterInput, FilterSelect } from '../../components/filters';
import { formatCount, formatDate } from '../../components/format';
import { CursorPager, FIRST_PAGE } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { CsvButton } from './csv-button';
import { researchQueries, type MilestoneFilters } from './research.api';
import {
  DELIVERABLE_LABELS,
  MILESTONE_STATE_BADGES,
  MILESTONE_STATE_LABELS,
  STATUS_LABELS,
} from './research-labels';

/** Every project's milestones by planned date: slipping ones marked, with the days late. */
export function MilestoneCalendarPage() {
  const [search, update] = useRouteSearch('researchMilestones');
  const filters: MilestoneFilters = {
    from: search.get('from'),
    to: search.get('to'),
    state: search.get('state'),
  };
  const list = useQuery(researchQueries.milestones(filters, search.get('cursor')));
  return (
    <main id="main">
      <div className="title-row">
        <h1>Milestone calendar</h1>
        <CsvButton list="milestones" filters={filters} />
      </div>
      <FilterBar label="Filters">
        <FilterInput
          label="Planned from"
          type="date"
          value={filters.from ?? ''}
          onChange={(from) => update({ from: from || undefined, ...FIRST_PAGE })}
        />
        <FilterInput
          label="Planned to"
          type="date"
          value={filters.to ?? ''}
          onChange={(to) => update({ to: to || undefined, ...FIRST_PAGE })}
        />
        <FilterSelect<MilestoneState>
          label="State"
          value={filters.state}
          options={MILESTONE_STATE_LABELS}
          onChange={(state) => update({ state, ...FIRST_PAGE })}
        />
      </FilterBar>
      <QueryState query={list} what="Loading the calendar" />
      {list.data?.items.length === 0 ? <Empty>No milestone in this selection.</Empty> : null}
      {list.data?.items.length ? (
        <>
          <ListTable
            label="Milestones"
            columns={['Planned', 'Milestone', 'Project', 'Phase', 'Done', 'State', 'Deliverables']}
          >
            {list.data.items.map((m) => (
              <tr key={`${m.projectId}-${m.milestoneId}`} data-state={m.state}>
                <td>{formatDate(m.plannedOn)}</td>
                <td>{m.title}</td>
                <td>
                  <Link to={href('researchProject', { projectId: m.projectId })}>
                    {m.projectTitle}
                  </Link>
                </td>
                <td>{STATUS_LABELS[m.phase]}</td>
                <td>{m.completedOn ? formatDate(m.completedOn) : ''}</td>
                <td>
                  <Badge kind={MILESTONE_STATE_BADGES[m.state]}>
                    {MILESTONE_STATE_LABELS[m.state]}
                  </Badge>
                  {m.daysLate ? (
                    <div className="sub">{formatCount(m.daysLate, 'day')} late</div>
                  ) : null}
                </td>
                <td>
                  {m.deliverables.map((d) => (
                    <div key={d.url}>
                      <a href={d.url}>{d.title}</a>{' '}
                      <span className="sub">({DELIVERABLE_LABELS[d.kind]})</span>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </ListTable>
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}
