import { useState } from 'react';
import { FilterBar, FilterInput, FilterSelect } from '../../components/filters';
import type { ReportingView, ViewQuery } from './reporting.api';

const asWritten = (text: string) => text;

/** The query's parts; choosing another view starts a new query on it at once. */
export function QueryForm(props: {
  views: ReportingView[];
  initial: ViewQuery;
  groupOptions: string[];
  measureOptions: string[];
  onRun: (q: ViewQuery) => void;
}) {
  const [q, setQ] = useState<ViewQuery>(props.initial);
  const set = (name: keyof ViewQuery) => (value: string | undefined) =>
    setQ((v) => ({ ...v, [name]: value ?? '' }));
  const titles = new Map(props.views.map((v) => [v.name, v.title]));
  return (
    <FilterBar label="Query" onSubmit={() => props.onRun(q)}>
      <FilterSelect
        label="View"
        value={q.view}
        options={props.views.map((v) => v.name)}
        emptyLabel={null}
        format={(name) => titles.get(name) ?? name}
        onChange={(view) =>
          props.onRun({ view: view ?? '', group: '', measure: 'count', filter: '', asOf: '' })
        }
      />
      <FilterSelect
        label="Group by"
        value={q.group}
        options={props.groupOptions}
        emptyLabel="Nothing (one row, or the rows themselves)"
        format={asWritten}
        onChange={set('group')}
      />
      <FilterSelect
        label="Measure"
        value={q.measure}
        options={props.measureOptions}
        emptyLabel={null}
        format={asWritten}
        onChange={set('measure')}
      />
      <FilterInput
        label="Filter (JSON)"
        value={q.filter}
        onChange={set('filter')}
        placeholder='{"region": {"in": ["africa"]}}'
        size={40}
      />
      <FilterInput
        label="As of (optional)"
        type="datetime-local"
        value={q.asOf}
        onChange={set('asOf')}
      />
      <div className="filter-actions">
        <button type="submit" className="primary">
          Run the query
        </button>
      </div>
    </FilterBar>
  );
}
