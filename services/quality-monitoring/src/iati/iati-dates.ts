/**
 * Calendar arithmetic on YYYY-MM-DD dates for an activity's periods: the
 * planned end of a duration in months, the months between two dates, the
 * budget's yearly periods (IATI advises none longer than a year).
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `date` plus `months` calendar months (the 31st becomes the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** `date` plus `days` days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The last day of a period of `months` months from `start` (inclusive). */
export function periodEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** Whole months from `start` to `end` inclusive (2026-01-01 → 2028-12-31 is 36), at least 1. */
export function monthsBetween(start: string, end: string): number {
  const [y1, m1, d1] = parts(start);
  const [y2, m2, d2] = parts(addDays(end, 1));
  const months = (y2 - y1) * 12 + (m2 - m1) + (d2 - d1) / 30;
  return Math.max(1, Math.round(months));
}

/** The yearly periods of `months` months from `start`: [start, end, months in it]. */
export function yearlyPeriods(
  start: string,
  months: number,
): Array<{ start: string; end: string; months: number }> {
  const periods: Array<{ start: string; end: string; months: number }> = [];
  for (let from = 0; from < months; from += 12) {
    const length = Math.min(12, months - from);
    periods.push({
      start: addMonths(start, from),
      end: periodEnd(start, from + length),
      months: length,
    });
  }
  return periods;
}
