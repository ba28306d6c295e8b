/** Figures as a reader of the report reads them (en-GB: thousands separated by commas). */
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 1234567 → "1,234,567"; null → "n/a". */
export const formatCount = (value: number | null): string =>
  value === null ? 'n/a' : whole.format(value);

/** 0.6667 → "67 %"; null → "n/a". */
export const formatPercent = (value: number | null): string =>
  value === null ? 'n/a' : `${whole.format(value)} %`;

/** 1.8349 → "1.83"; null → "n/a". */
export const formatRatio = (value: number | null): string =>
  value === null ? 'n/a' : twoDecimals.format(value);

/** An amount with its ISO 4217 code: ("USD", -1234567.4) → "USD -1,234,567". */
export const formatMoney = (currency: string, amount: number): string =>
  `${currency} ${whole.format(Math.round(amount))}`;

/** The change from `previous` to `current`: "+3", "-2", "no change", "n/a". */
export function formatChange(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'n/a';
  const change = Math.round((current - previous) * 100) / 100;
  if (change === 0) return 'no change';
  return `${change > 0 ? '+' : '-'}${formatCount(Math.abs(change)).replace(/^-/, '')}`;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
