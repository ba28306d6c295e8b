import type { ReportPeriod } from './performance-inputs';

const DAY_MS = 86_400_000;

export interface PeriodLength {
  /** Length in years: whole calendar months / 12, otherwise days / 365. */
  years: number;
  /** What flows are multiplied by to be annual: 1 for a year, 1 / years for a shorter period. */
  annualisationFactor: number;
  /** Whole calendar months when the period runs from a 1st to a month end, else undefined. */
  months?: number;
  days: number;
}

/** An ISO date (YYYY-MM-DD) that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The length of a period and its annualisation factor. A quarter (Jan 1 to
 * Mar 31) is 3 months = 0.25 year, so its flows are multiplied by 4; an
 * irregular period counts days (inclusive) over 365. Callers check that the
 * period is valid (see checkPeriod).
 */
export function periodLength(period: ReportPeriod): PeriodLength {
  const start = new Date(`${period.start}T00:00:00.000Z`);
  const end = new Date(`${period.end}T00:00:00.000Z`);
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS) + 1;
  const nextDay = new Date(end.getTime() + DAY_MS);
  const wholeMonths = start.getUTCDate() === 1 && nextDay.getUTCDate() === 1;
  if (wholeMonths) {
    const months =
      (end.getUTCFullYear() - start.getUTCFullYear()) * 12 +
      (end.getUTCMonth() - start.getUTCMonth()) +
      1;
    const years = months / 12;
    return { years, annualisationFactor: years < 1 ? 1 / years : 1, months, days };
  }
  const years = days / 365;
  return { years, annualisationFactor: years < 1 ? 1 / years : 1, days };
}

/** Why a period is not acceptable, or undefined when it is. */
export function periodProblem(
  period: ReportPeriod,
): { field: string; message: string } | undefined {
  if (!isIsoDate(period.start))
    return { field: 'period.start', message: 'must be a calendar date YYYY-MM-DD' };
  if (!isIsoDate(period.end))
    return { field: 'period.end', message: 'must be a calendar date YYYY-MM-DD' };
  if (period.end < period.start)
    return { field: 'period.end', message: 'must not be before period.start' };
  const length = periodLength(period);
  const tooLong = length.months !== undefined ? length.months > 12 : length.days > 366;
  if (tooLong) return { field: 'period.end', message: 'a reporting period is at most one year' };
  return undefined;
}

/** The year a period belongs to: the year of its end (fiscal years are named by their end). */
export function periodYear(period: ReportPeriod): number {
  return Number(period.end.slice(0, 4));
}
