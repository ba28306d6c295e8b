/** Calendar dates (YYYY-MM-DD) as the research domain compares them: UTC days, no clock. */

const DAY_MS = 86_400_000;

/** A calendar date, YYYY-MM-DD, that exists. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS,
  );
}

/** The calendar date (UTC) of an ISO date-time such as a command's `at`. */
export function dateOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
