import { useQuery } from '@tanstack/react-query';
import { REGIONS, REQUEST_KINDS, THEMES } from '@sfp/contracts';
import { BarChart, barsOf } from '../../components/charts';
import { QueryState } from '../../components/feedback';
import { Figures } from '../../components/figures';
import { FilterBar, FilterChoices, FilterInput } from '../../components/filters';
import { formatHours, formatNumber, formatPercent, label, NONE } from '../../components/format';
import { useRouteSearch } from '../../routing/paths';
import type { DurationStats, RequestStatistics } from '@sfp/contracts';
import { helpDeskQueries } from './help-desk.api';

const CHOICES = [
  ['region', 'Region', REGIONS],
  ['kind', 'Kind', REQUEST_KINDS],
  ['theme', 'Theme', THEMES],
] as const;

const SATISFACTION_RATINGS = [
  ['5', 'Very satisfied (5)'],
  ['4', 'Satisfied (4)'],
  ['3', 'Neutral (3)'],
  ['2', 'Dissatisfied (2)'],
  ['1', 'Very dissatisfied (1)'],
] as const;

/** The help desk's figures for a period (reports:read). */
export function StatisticsPage() {
  const [search, update] = useRouteSearch('statistics');
  const stats = useQuery(helpDeskQueries.statistics(search.values));
  const s = stats.data;
  return (
    <main id="main">
      <h1>Help desk statistics</h1>
      <FilterBar label="Period and filters">
        <FilterInput
          label="From"
          type="date"
          value={search.get('from') ?? ''}
          onChange={(from) => update({ from }, { replace: true })}
        />
        <FilterInput
          label="To (before)"
          type="date"
          value={search.get('to') ?? ''}
          onChange={(to) => update({ to }, { replace: true })}
        />
        <FilterChoices
          choices={CHOICES}
          value={search.get}
          onChange={(name, value) => update({ [name]: value })}
        />
      </FilterBar>
      <QueryState query={stats} what="Computing the statistics" />
      {s ? (
        <>
          <Figures items={figuresOf(s)} />
          <div className="chart-grid">
            <BarChart title="By status" bars={barsOf(s.byStatus, label)} />
            <BarChart
              title="By month"
              bars={Object.entries(s.byMonth)
                .sort()
                .map(([month, value]) => ({ label: month, value }))}
            />
            <BarChart title="By kind" bars={barsOf(s.byKind, label)} />
            <BarChart title="By region" bars={barsOf(s.byRegion, label)} />
            <BarChart title="By theme" bars={barsOf(s.byTheme, label)} />
            {s.satisfaction?.responses ? (
              <BarChart
                title="Requester satisfaction: answers per rating"
                bars={SATISFACTION_RATINGS.map(([rating, text]) => ({
                  label: text,
                  value: s.satisfaction.distribution[rating] ?? 0,
                }))}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </main>
  );
}

function figuresOf(s: RequestStatistics) {
  const spread = (d: DurationStats) => `${formatHours(d.medianHours)} / ${formatHours(d.p90Hours)}`;
  return [
    { label: 'Requests', value: formatNumber(s.total, 0) },
    { label: 'First response, median / p90', value: spread(s.firstResponse) },
    { label: 'Resolution, median / p90', value: spread(s.resolution) },
    {
      label: 'SLA breach rate',
      value:
        s.sla.breachRate === null
          ? NONE
          : `${formatPercent(s.sla.breachRate)} of ${formatNumber(s.sla.evaluated, 0)}`,
    },
    {
      label: 'Requester satisfaction (1–5), mean',
      value:
        s.satisfaction?.mean == null
          ? NONE
          : `${formatNumber(s.satisfaction.mean, 2)} from ${formatNumber(s.satisfaction.responses, 0)} ${s.satisfaction.responses === 1 ? 'answer' : 'answers'}`,
    },
  ];
}
