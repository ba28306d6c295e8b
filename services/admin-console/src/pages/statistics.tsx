import { REGIONS, REQUEST_KINDS, THEMES } from '@sfp/contracts';
import { get, lastWritePosition, queryString } from '../api/client';
import { label, type Statistics } from '../api/types';
import { BarChart } from '../components/charts';
import { ErrorMessage, Loading, useLoad } from '../components/ui';
import { useRouteSearch } from '../routing/paths';

const bars = (counts: Record<string, number>, format = label) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => ({ label: format(key), value }));

/** The help desk's figures for a period (reports:read). */
export function StatisticsPage() {
  const [search, update] = useRouteSearch('statistics');
  const params = {
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    region: search.get('region') ?? undefined,
    kind: search.get('kind') ?? undefined,
    theme: search.get('theme') ?? undefined,
  };
  const query = queryString(params);
  const stats = useLoad(
    () =>
      get<Statistics>(
        `/api/help-desk/statistics${queryString({ ...params, minPosition: lastWritePosition('help-desk') })}`,
      ),
    query,
  );
  const s = stats.data;
  const hours = (value: number | null) => (value === null ? '—' : `${value} h`);
  return (
    <main id="main">
      <h1>Help desk statistics</h1>
      <form
        className="filters"
        aria-label="Period and filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="stats-from">From</label>
          <input
            id="stats-from"
            type="date"
            value={params.from ?? ''}
            onChange={(e) => update({ from: e.target.value || undefined }, { replace: true })}
          />
        </div>
        <div className="field">
          <label htmlFor="stats-to">To (before)</label>
          <input
            id="stats-to"
            type="date"
            value={params.to ?? ''}
            onChange={(e) => update({ to: e.target.value || undefined }, { replace: true })}
          />
        </div>
        {(
          [
            ['region', REGIONS],
            ['kind', REQUEST_KINDS],
            ['theme', THEMES],
          ] as const
        ).map(([name, options]) => (
          <div className="field" key={name}>
            <label htmlFor={`stats-${name}`}>{label(name)}</label>
            <select
              id={`stats-${name}`}
              value={params[name] ?? ''}
              onChange={(e) => update({ [name]: e.target.value || undefined })}
            >
              <option value="">Any</option>
              {options.map((o) => (
                <option key={o} value={o}>
                  {label(o)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </form>
      <ErrorMessage error={stats.error} />
      {!s && stats.loading ? <Loading what="Computing the statistics" /> : null}
      {s ? (
        <>
          <dl className="figures">
            <div>
              <dt>Requests</dt>
              <dd>{s.total}</dd>
            </div>
            <div>
              <dt>First response, median / p90</dt>
              <dd>
                {hours(s.firstResponse.medianHours)} / {hours(s.firstResponse.p90Hours)}
              </dd>
            </div>
            <div>
              <dt>Resolution, median / p90</dt>
              <dd>
                {hours(s.resolution.medianHours)} / {hours(s.resolution.p90Hours)}
              </dd>
            </div>
            <div>
              <dt>SLA breach rate</dt>
              <dd>
                {s.sla.breachRate === null
                  ? '—'
                  : `${Math.round(s.sla.breachRate * 1000) / 10} % of ${s.sla.evaluated}`}
              </dd>
            </div>
          </dl>
          <div className="chart-grid">
            <BarChart title="By status" bars={bars(s.byStatus)} />
            <BarChart
              title="By month"
              bars={Object.entries(s.byMonth)
                .sort()
                .map(([k, value]) => ({ label: k, value }))}
            />
            <BarChart title="By kind" bars={bars(s.byKind)} />
            <BarChart title="By region" bars={bars(s.byRegion)} />
            <BarChart title="By theme" bars={bars(s.byTheme)} />
          </div>
        </>
      ) : null}
    </main>
  );
}
