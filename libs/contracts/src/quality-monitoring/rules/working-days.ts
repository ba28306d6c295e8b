/**
 * Working days (Monday to Friday, UTC calendar dates; public holidays are not
 * known to the platform and count as working days).
 */

const DAY_MS = 86_400_000;

/** The UTC calendar day (ms at midnight) of an ISO date or date-time. */
function dayOf(iso: string): number {
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);
  if (Number.isNaN(time)) throw new RangeError(`${iso} is no ISO date`);
  return Math.floor(time / DAY_MS) * DAY_MS;
}

const isWorkingDay = (day: number) => {
  const weekday = new Date(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * The working days after `fromIso`'s date up to and including `toIso`'s:
 * submitted on a Monday and decided the same day is 0, on the Tuesday 1,
 * on the next Monday 5. Negative when `toIso` is earlier.
 */
export function workingDaysBetween(fromIso: string, toIso: string): number {
  const from = dayOf(fromIso);
  const to = dayOf(toIso);
  if (to < from) return -workingDaysBetween(toIso, fromIso);
  const days = (to - from) / DAY_MS;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7 * DAY_MS + DAY_MS; day <= to; day += DAY_MS)
    if (isWorkingDay(day)) count++;
  return count;
}

/**
 * The date (YYYY-MM-DD) `days` working days after the submission's date: a
 * decision on or before it is within the service level
 * (workingDaysBetween(submitted, decided) ≤ days).
 */
export function serviceLevelDue(submittedIso: string, days: number): string {
  let day = dayOf(submittedIso);
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    day += DAY_MS;
    if (isWorkingDay(day)) left--;
  }
  return new Date(day).toISOString().slice(0, 10);
}
