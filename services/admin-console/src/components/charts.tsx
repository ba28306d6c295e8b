// Small hand-written SVG charts: each has a title, a text description for
// screen readers and the numbers themselves on the chart, formatted as the
// page says (a per cent, an amount), never raw.
import { niceTicks } from './axis';
import { formatNumber } from './format';

export { niceTicks };

/** A figure with as many decimals as its size needs: 1,234 · 12.3 · 0.87. */
export function figure(value: number): string {
  const size = Math.abs(value);
  return formatNumber(value, size >= 100 ? 0 : size >= 10 ? 1 : 2);
}

/** Bars from counts by code, largest first, each code shown by `format`. */
export function barsOf(counts: Record<string, number>, format: (key: string) => string): Bar[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => ({ label: format(key), value }));
}

export interface Bar {
  label: string;
  value: number;
  /** The same figure for the previous period: drawn as a second, lighter bar. */
  previous?: number | null;
}

interface ChartProps {
  title: string;
  /** How a value is written (a per cent, an amount); by default a plain figure. */
  format?: (value: number) => string;
  /** The unit the values are in, said beside the title ('per cent', 'US dollars'). */
  unit?: string;
}

function Caption({ title, unit }: { title: string; unit?: string }) {
  return (
    <figcaption>
      {title}
      {unit ? <span className="sub"> (in {unit})</span> : null}
    </figcaption>
  );
}

export function BarChart({
  title,
  bars,
  format = figure,
  unit,
  previousLabel = 'previous period',
}: ChartProps & { bars: Bar[]; previousLabel?: string }) {
  const paired = bars.some((b) => b.previous !== undefined);
  const max = Math.max(1, ...bars.flatMap((b) => [b.value, b.previous ?? 0]));
  const rowHeight = paired ? 36 : 24;
  const labelWidth = 190;
  const width = 520;
  const height = Math.max(rowHeight, bars.length * rowHeight) + 8;
  const said = (b: Bar) =>
    `${b.label} ${format(b.value)}${
      paired ? ` (${previousLabel}: ${b.previous == null ? 'none' : format(b.previous)})` : ''
    }`;
  return (
    <figure className="chart">
      <Caption title={title} unit={unit} />
      {bars.length === 0 ? (
        <p className="empty">No data.</p>
      ) : (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-label={`${title}: ${bars.map(said).join(', ')}`}
        >
          {bars.map((bar, index) => {
            const y = index * rowHeight + 4;
            const span = width - labelWidth - 110;
            const w = (span * bar.value) / max;
            const pw = (span * (bar.previous ?? 0)) / max;
            return (
              <g key={bar.label}>
                <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="chart-label">
                  {bar.label}
                </text>
                <rect
                  x={labelWidth}
                  y={y + 3}
                  width={Math.max(1, w)}
                  height={16}
                  className="chart-bar"
                />
                <text x={labelWidth + w + 6} y={y + 15} className="chart-value">
                  {format(bar.value)}
                </text>
                {paired ? (
                  <>
                    <rect
                      x={labelWidth}
                      y={y + 21}
                      width={Math.max(1, pw)}
                      height={9}
                      className="chart-bar previous"
                    />
                    <text x={labelWidth + pw + 6} y={y + 30} className="chart-label">
                      {bar.previous == null ? 'none' : format(bar.previous)}
                    </text>
                  </>
                ) : null}
              </g>
            );
          })}
        </svg>
      )}
      {paired && bars.length ? (
        <ul className="legend">
          <li>
            <span className="swatch current" aria-hidden="true" />
            This period
          </li>
          <li>
            <span className="swatch previous" aria-hidden="true" />
            {previousLabel.charAt(0).toUpperCase() + previousLabel.slice(1)}
          </li>
        </ul>
      ) : null}
    </figure>
  );
}

export interface Series {
  name: string;
  points: Array<{ x: string; y: number | null }>;
  /** A dashed reference line (a target or a median). */
  dashed?: boolean;
  /** A level across the whole chart (a target threshold) instead of points. */
  constant?: number;
}

const COLOURS = ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#0f766e'];

/** Lines over ordered x labels (periods); null values leave a gap. */
export function LineChart({
  title,
  series,
  format = figure,
  unit,
}: ChartProps & { series: Series[] }) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const values = series
    .flatMap((s) => [...s.points.map((p) => p.y), s.constant ?? null])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const width = 560;
  const height = 240;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 36;
  if (xs.length === 0 || values.length === 0) {
    return (
      <figure className="chart">
        <Caption title={title} unit={unit} />
        <p className="empty">No data yet.</p>
      </figure>
    );
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= Math.abs(min) * 0.1 || 1;
    max += Math.abs(max) * 0.1 || 1;
  }
  const xOf = (x: string) =>
    left +
    (xs.length === 1
      ? (width - left - right) / 2
      : (xs.indexOf(x) * (width - left - right)) / (xs.length - 1));
  const yOf = (y: number) => top + ((max - y) * (height - top - bottom)) / (max - min);
  const ticks = niceTicks(min, max);
  min = Math.min(min, ticks[0] ?? min);
  max = Math.max(max, ticks[ticks.length - 1] ?? max);
  const description = series
    .map((s) =>
      s.constant !== undefined
        ? `${s.name}: ${format(s.constant)}`
        : `${s.name}: ${s.points.map((p) => `${p.x} ${p.y === null ? 'none' : format(p.y)}`).join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="chart">
      <Caption title={title} unit={unit} />
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${description}`}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={left}
              x2={width - right}
              y1={yOf(tick)}
              y2={yOf(tick)}
              className="chart-grid"
            />
            <text x={left - 6} y={yOf(tick) + 4} textAnchor="end" className="chart-label">
              {format(tick)}
            </text>
          </g>
        ))}
        {xs.map((x) => (
          <text key={x} x={xOf(x)} y={height - 12} textAnchor="middle" className="chart-label">
            {x}
          </text>
        ))}
        {series.map((s, index) => {
          const colour = COLOURS[index % COLOURS.length];
          const segments: string[] = [];
          let current = '';
          for (const point of [...s.points].sort((a, b) => a.x.localeCompare(b.x))) {
            if (point.y === null || !Number.isFinite(point.y)) {
              if (current) segments.push(current);
              current = '';
              continue;
            }
            current += `${current ? 'L' : 'M'}${xOf(point.x).toFixed(1)},${yOf(point.y).toFixed(1)}`;
          }
          if (current) segments.push(current);
          if (s.constant !== undefined) {
            segments.push(
              `M${left},${yOf(s.constant).toFixed(1)}L${width - right},${yOf(s.constant).toFixed(1)}`,
            );
          }
          return (
            <g key={s.name} data-series={s.name}>
              {segments.map((d) => (
                <path
                  key={d}
                  d={d}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2}
                  strokeDasharray={s.dashed ? '6 4' : undefined}
                />
              ))}
              {s.points
                .filter((p): p is { x: string; y: number } => p.y !== null && Number.isFinite(p.y))
                .map((p) => (
                  <circle
                    key={p.x}
                    cx={xOf(p.x)}
                    cy={yOf(p.y)}
                    r={s.dashed ? 2 : 3.5}
                    fill={colour}
                  >
                    <title>{`${s.name}, ${p.x}: ${format(p.y)}`}</title>
                  </circle>
                ))}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {series.map((s, index) => (
          <li key={s.name}>
            <span
              className="swatch"
              style={{ background: COLOURS[index % COLOURS.length] }}
              aria-hidden="true"
            />
            {s.name}
            {s.dashed ? ' (dashed)' : ''}
          </li>
        ))}
      </ul>
    </figure>
  );
}
