import { useState } from 'react';
import { FilterBar, FilterInput } from '../../components/filters';
import type { ReportingView, ViewQuery } from './reporting.api';

/** The query's parts; choosing another view starts a new query on it at once. */
export function QueryForm(props: {
  views: ReportingView[];
  initial: ViewQuery;
  groupOptions: string[];
  measureOptions: string[];
  onRun: (q: ViewQuery) => void;
}) {
  const [q, setQ] = useState<ViewQuery>(props.initial);
  const set = (name: keyof ViewQuery) => (value: string) => setQ((v) => ({ ...v, [name]: value }));
  return (
    <FilterBar label="Query" onSubmit={() => props.onRun(q)}>
      <div className="field">
        <label htmlFor="rq-view">View</label>
        <select
          id="rq-view"
          value={q.view}
          onChange={(e) =>
            props.onRun({ view: e.target.value, group: '', measure: 'count', filter: '', asOf: '' })
          }
        >
          {props.views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-group">Group by</label>
        <select id="rq-group" value={q.group} onChange={(e) => set('group')(e.target.value)}>
          <option value="">Nothing (one row, or the rows themselves)</option>
          {props.groupOptions.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-measure">Measure</label>
        <select id="rq-measure" value={q.measure} onChange={(e) => set('measure')(e.target.value)}>
          {props.measureOptions.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
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
