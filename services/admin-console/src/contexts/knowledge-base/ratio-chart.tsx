// One ratio of an institution over the years, against its active targets on
// that ratio and the median of its peers (same region and legal type).
import { useQuery } from '@tanstack/react-query';
import { INDICATOR_UNITS, INDICATORS, type Indicator } from '@sfp/contracts';
import { LineChart, type Series } from '../../components/charts';
import { Empty } from '../../components/feedback';
import { FilterSelect } from '../../components/filters';
import { label } from '../../components/format';
import { comparatorText, formatIndicator, indicatorName } from './indicators';
import { knowledgeBaseQueries, type Profile } from './knowledge-base.api';

/** The axis's unit as the table beside it shows it: a fraction is read (and drawn) as a per cent. */
const AXIS_UNITS: Record<string, string> = {
  fraction: 'per cent',
  usd: 'US dollars',
  people: 'people',
};

export function RatioOverTime(props: {
  profile: Profile;
  indicator: Indicator;
  onIndicator: (indicator: string) => void;
}) {
  const { profile: p, indicator } = props;
  const peers = useQuery(knowledgeBaseQueries.benchmarks(p.region, p.legalType));
  const format = (value: number) => formatIndicator(value, indicator);
  const years = p.series.map((s) => String(s.year));
  const series: Series[] = [
    {
      name: p.name,
      points: p.series.map((s) => ({ x: String(s.year), y: s.ratios[indicator]?.value ?? null })),
    },
  ];
  const medians = (peers.data?.groups ?? []).filter((g) => years.includes(String(g.year)));
  if (medians.length) {
    series.push({
      name: `Peer median (${label(p.region)}, ${label(p.legalType)})`,
      dashed: true,
      points: medians.map((g) => ({ x: String(g.year), y: g.ratios[indicator]?.median ?? null })),
    });
  }
  for (const target of p.targets.filter((t) => t.indicator === indicator && t.active)) {
    series.push({
      name: `Target: ${comparatorText(target.comparator)} ${format(target.threshold)} by ${target.dueDate}`,
      dashed: true,
      points: [],
      constant: target.threshold,
    });
  }
  const missing = p.series.filter((s) => s.ratios[indicator]?.value === null);
  return (
    <section aria-labelledby="ratios-heading">
      <h2 id="ratios-heading">Ratios over time</h2>
      <FilterSelect
        label="Ratio"
        inline
        value={indicator}
        options={INDICATORS}
        emptyLabel={null}
        format={indicatorName}
        onChange={(ratio) => ratio && props.onIndicator(ratio)}
      />
      {p.series.length === 0 ? (
        <Empty>No performance report yet.</Empty>
      ) : (
        <LineChart
          title={`${indicatorName(indicator)}: ${p.name} against targets and peers`}
          series={series}
          format={format}
          unit={AXIS_UNITS[INDICATOR_UNITS[indicator]]}
        />
      )}
      {missing.map((s) => (
        <p key={s.reportId} className="sub">
          {s.year}: not computable — {s.ratios[indicator]?.reason}
        </p>
      ))}
    </section>
  );
}
