/**
 * How a figure of the progress report is measured and written for a reader
 * (pure). A `percent` figure is in per cent (83.3 means 83.3 %), never a
 * fraction; a `ratio` is a plain number (OSS 1.12, a benefit-cost ratio, a
 * mean score); a `currency` figure names its currency (ISO 4217).
 */
export const FIGURE_UNITS = ['count', 'percent', 'currency', 'ratio', 'hours', 'days'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/** What the reader sees for a figure that cannot be computed (a median of nothing). */
export const NOT_AVAILABLE = 'n/a';

const number = (value: number, maxDecimals: number) =>
  new Intl.NumberFormat('en-GB', {
    maximumFractionDigits: maxDecimals,
    minimumFractionDigits: 0,
  }).format(value);

/**
 * A value as the reader reads it: thousands separators, per cent, currency,
 * hours or days; "n/a" for null.
 * e.g. 1234 count → "1,234"; 83.33 percent → "83.3%"; 1.125 ratio → "1.13";
 * 2500000 currency USD → "USD 2,500,000"; 312 hours → "312 hours".
 */
export function formatFigure(value: number | null, unit: FigureUnit, currency?: string): string {
  if (value === null || !Number.isFinite(value)) return NOT_AVAILABLE;
  switch (unit) {
    case 'count':
      return number(value, 1);
    case 'percent':
      return `${number(value, 1)}%`;
    case 'currency':
      return `${currency ?? ''} ${number(value, 0)}`.trim();
    case 'ratio':
      return number(value, 2);
    case 'hours':
      return `${number(value, 1)} ${value === 1 ? 'hour' : 'hours'}`;
    case 'days':
      return `${number(value, 1)} ${value === 1 ? 'day' : 'days'}`;
    default: {
      const unexpected: never = unit;
      return String(unexpected);
    }
  }
}

/**
 * The change from the previous period (current − previous), or null when
 * either is unknown. Rounded to what the units show, so 0.1 + 0.2 is 0.3.
 */
export function changeOf(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 1e6) / 1e6;
}

/**
 * A change for the reader: signed, in the figure's unit; a change of a
 * percentage is in points ("+2.5 points"), never "%" (which would read as a
 * relative change). "no change" for 0, "n/a" when unknown.
 */
export function formatChange(change: number | null, unit: FigureUnit, currency?: string): string {
  if (change === null || !Number.isFinite(change)) return NOT_AVAILABLE;
  if (change === 0) return 'no change';
  const sign = change > 0 ? '+' : '−';
  const size = Math.abs(change);
  if (unit === 'percent') return `${sign}${number(size, 1)} ${size === 1 ? 'point' : 'points'}`;
  return `${sign}${formatFigure(size, unit, currency)}`;
}

/**
 * The unit of a figure that does not say (the contexts' older figures), from
 * its metric's name: …Percent → percent, …Ratio → ratio, …Hours… → hours,
 * …Days → days, …Usd or …ByCurrency → currency, a mean → ratio; otherwise a
 * count.
 */
export function unitOfMetric(metric: string): FigureUnit {
  if (/Percent$/.test(metric)) return 'percent';
  if (/Ratio$/.test(metric)) return 'ratio';
  if (/Hours/.test(metric)) return 'hours';
  if (/Days$/.test(metric)) return 'days';
  if (/Usd$|ByCurrency$/.test(metric)) return 'currency';
  if (/Mean(Points)?$/.test(metric)) return 'ratio';
  return 'count';
}

/** The currency of a currency figure that does not say: USD for …Usd, the key for …ByCurrency. */
export function currencyOfMetric(metric: string, key: string | null): string | undefined {
  if (/Usd$/.test(metric)) return 'USD';
  if (/ByCurrency$/.test(metric) && key) return key;
  return undefined;
}
