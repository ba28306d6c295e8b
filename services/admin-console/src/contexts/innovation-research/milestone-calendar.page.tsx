import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { MilestoneState } from '@sfp/contracts';
import { FilterInput, FilterSelect } from '../../components/filters';
import { formatDate } from '../../components/format';
import { FIRST_PAGE } from '../../components/pager';
import { href, useRouteSearch } from '../../routing/paths';
import { FilteredListPage } from './filtered-list-page';
import { DeliverablesCell, MilestoneStateCell } from './milestone-cells';
import { researchQueries, type MilestoneFilters } from './research.api';
import { MILESTONE_STATE_LABELS, STATUS_LABELS } from './research-labels';

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
    <FilteredListPage
      title="Milestone calendar"
      csv={{ list: 'milestones', filters }}
      filters={
        <>
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
        </>
      }
      list={list}
      loading="Loading the calendar"
      empty="No milestone in this selection."
      table={{
        label: 'Milestones',
        columns: ['Planned', 'Milestone', 'Project', 'Phase', 'Done', 'State', 'Deliverables'],
      }}
      row={(m) => (
        <tr key={`${m.projectId}-${m.milestoneId}`} data-state={m.state}>
          <td>{formatDate(m.plannedOn)}</td>
          <td>{m.title}</td>
          <td>
            <Link to={href('researchProject', { projectId: m.projectId })}>{m.projectTitle}</Link>
          </td>
          <td>{STATUS_LABELS[m.phase]}</td>
          <td>{m.completedOn ? formatDate(m.completedOn) : ''}</td>
          <MilestoneStateCell milestone={m} />
          <DeliverablesCell milestone={m} />
        </tr>
      )}
    />
  );
}
