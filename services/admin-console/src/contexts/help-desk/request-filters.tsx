// The request list's filters, each one a query key of the page's URL.
import {
  ESCALATION_REASONS,
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
import { CheckboxField } from '../../components/fields';
import { FilterBar, FilterChoices, FilterInput, FilterSelect } from '../../components/filters';
import { FIRST_PAGE } from '../../components/pager';
import { REQUEST_LIST_FILTERS, useRouteSearch } from '../../routing/paths';
import type { RequestScope } from './help-desk.api';

type Filter = (typeof REQUEST_LIST_FILTERS)[number];

/** The filters that pick one code among the reference data (@sfp/contracts). */
const CHOICES = [
  ['priority', 'Priority', PRIORITIES],
  ['sla', 'SLA', SLA_STATUSES],
  ['escalation', 'Escalated', ESCALATION_REASONS],
  ['kind', 'Kind', REQUEST_KINDS],
  ['region', 'Region', REGIONS],
  ['theme', 'Theme', THEMES],
  ['origin', 'Origin', ORIGINS],
] as const;

export function RequestFilters({ scope, onExport }: { scope: RequestScope; onExport: () => void }) {
  const [search, update] = useRouteSearch('queue');
  const set = (name: Filter) => (value: string | undefined) =>
    update({ [name]: value, ...FIRST_PAGE });
  return (
    <FilterBar label="Filters">
      <FilterSelect
        label="Status"
        value={search.get('status')}
        options={scope === 'open' ? OPEN_REQUEST_STATUSES : REQUEST_STATUSES}
        onChange={set('status')}
      />
      <FilterChoices
        choices={CHOICES}
        value={search.get}
        onChange={(name, value) => set(name)(value)}
      />
      <FilterInput
        label="Submitted from"
        type="date"
        value={search.get('from') ?? ''}
        onChange={set('from')}
      />
      <FilterInput
        label="Submitted before"
        type="date"
        value={search.get('to') ?? ''}
        onChange={set('to')}
      />
      <AssigneeFilter value={search.get('assignee')} onChange={set('assignee')} />
      <CheckboxField
        checked={search.get('unassigned') === 'true'}
        onChange={(checked) => set('unassigned')(checked ? 'true' : undefined)}
      >
        Unassigned only
      </CheckboxField>
      <FilterSelect
        label="Sort"
        value={search.get('sort')}
        options={REQUEST_SORTS}
        onChange={set('sort')}
        emptyLabel={scope === 'open' ? 'Due date (default)' : 'Newest first (default)'}
        format={sortLabel}
      />
      <div className="filter-actions">
        <button
          type="button"
          onClick={() =>
            update({
              ...Object.fromEntries(REQUEST_LIST_FILTERS.map((name) => [name, undefined])),
              ...FIRST_PAGE,
            })
          }
        >
          Clear filters
        </button>
        <button type="button" onClick={onExport}>
          Download CSV
        </button>
      </div>
    </FilterBar>
  );
}

/** Typed words apply when the field is left or Enter is pressed, not at each key. */
function AssigneeFilter(props: { value: string | undefined; onChange: (value?: string) => void }) {
  const apply = (text: string) => {
    if (text.trim() !== (props.value ?? '')) props.onChange(text.trim() || undefined);
  };
  return (
    <div className="field">
      <label htmlFor="filter-assignee">Assignee</label>
      <input
        id="filter-assignee"
        defaultValue={props.value ?? ''}
        key={props.value ?? ''}
        placeholder="e.g. staff-jkamau"
        onBlur={(e) => apply(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && apply(e.currentTarget.value)}
      />
    </div>
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
