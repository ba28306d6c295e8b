// How the console shows figures, dates and codes to people: one place, on
// Intl, in the browser's own locale (no locale is written into the console).
// A figure is shown formatted (grouped digits, a per cent, a currency), never
// as a raw fraction; a code ('in-progress', 'nbfi') as a label.

/** What stands where there is no value. */
export const NONE = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    numberFormats.set(key, format);
  }
  return format;
}

const isFigure = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** 1234.56 → "1,234.6" (en-GB): grouped, at most `digits` decimals. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  return isFigure(value) ? numberFormat({ maximumFractionDigits: digits }).format(value) : NONE;
}

/**
 * A fraction as a per cent: 0.8667 → "86.7 %". The digits are the locale's;
 * the sign follows a space, as the console has always written it.
 */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return isFigure(fraction) ? `${formatNumber(fraction * 100, digits)} %` : NONE;
}

/** An amount in a currency (ISO 4217): 1234.5, 'USD' → "US$1,234.50" (en-GB). */
export function formatCurrency(amount: number | null | undefined, currency: string): string {
  if (!isFigure(amount)) return NONE;
  try {
    return numberFormat({ style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    // Not a currency Intl knows: the figure, then the code.
    return `${formatNumber(amount, 2)} ${currency}`;
  }
}

/** A duration in hours: 36.25 → "36.3 h". */
export function formatHours(hours: number | null | undefined): string {
  return isFigure(hours) ? `${formatNumber(hours, 1)} h` : NONE;
}

/** A duration in seconds: 4 → "4 s". */
export function formatSeconds(seconds: number | null | undefined): string {
  return isFigure(seconds) ? `${formatNumber(seconds, 1)} s` : NONE;
}

/** A count with its noun: 1 → "1 row", 1200 → "1,200 rows". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? singular : plural}`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
});

function formatInstant(value: string | undefined | null, format: Intl.DateTimeFormat): string {
  if (!value) return NONE;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}

/** An instant (ISO 8601) in the reader's time zone: "06 Dec 2026, 14:05" (en-GB). */
export function formatDateTime(value: string | undefined | null): string {
  return formatInstant(value, dateTimeFormat);
}

/** An instant's day: "06 Dec 2026" (en-GB). */
export function formatDate(value: string | undefined | null): string {
  return formatInstant(value, dateFormat);
}

/** Codes and acronyms written as such, not as words. */
const ACRONYMS = new Set([
  'rct',
  'nbfi',
  'ngo',
  'mfi',
  'sacco',
  'sla',
  'csv',
  'usd',
  'gni',
  'iris',
  'oss',
  'fss',
  'roa',
  'roe',
]);

/** A code as a label: 'fund-instrument-guidelines' → 'Fund instrument guidelines', 'nbfi' → 'NBFI'. */
export function label(value: string): string {
  const text = value
    .split('-')
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word))
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A camel-case name as a sentence: 'medianHoursToResolution' → 'Median hours to resolution'. */
export function sentence(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The units a figure of a report is in (the reporting API's `unit`). */
export type FigureUnit = 'count' | 'percent' | 'currency' | 'ratio' | 'hours' | 'days';

/**
 * A figure in its unit, for the reader: a count grouped (1,234), a per cent
 * given as such (12.5 → "12.5 %"), an amount in `currency`, a ratio with two
 * decimals, hours and days with their unit.
 */
export function formatInUnit(
  value: number | null | undefined,
  unit: string | undefined,
  currency = 'USD',
): string {
  if (!isFigure(value)) return NONE;
  switch (unit) {
    case 'percent':
      return `${formatNumber(value, 1)} %`;
    case 'currency':
      return formatCurrency(value, currency);
    case 'ratio':
      return formatNumber(value, 2);
    case 'hours':
      return formatHours(value);
    case 'days':
      return `${formatNumber(value, 1)} d`;
    case 'count':
      return formatNumber(value, 0);
    default:
      return formatNumber(value, 1);
  }
}

/** A change in its unit, signed: +3 · −1.5 % (percentage points for a per cent). */
export function formatChange(
  change: number | null | undefined,
  unit: string | undefined,
  currency = 'USD',
): string {
  if (!isFigure(change)) return NONE;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size =
    unit === 'percent'
      ? `${formatNumber(Math.abs(change), 1)} pts`
      : formatInUnit(Math.abs(change), unit, currency);
  return `${sign}${size}`;
}

/** What a unit is called beside an axis or a column: 'percent' → 'per cent'. */
export function unitName(unit: string | undefined): string | undefined {
  switch (unit) {
    case 'percent':
      return 'per cent';
    case 'currency':
      return 'amount';
    case 'hours':
      return 'hours';
    case 'days':
      return 'days';
    case 'ratio':
      return 'ratio';
    default:
      // A count needs no unit beside it.
      return undefined;
  }
}
