/**
 * Business hours: the help desk's working calendar (weekdays, opening and
 * closing time in a time zone, public holidays) and the time that counts
 * against a service level within it. Pure functions: the instants they are
 * given are the only time they know.
 */

/** ISO weekday numbers: 1 Monday … 7 Sunday. */
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export interface BusinessCalendar {
  /** The days the help desk works. */
  weekdays: readonly WeekdayName[];
  /** Opening time, minutes after local midnight (09:00 → 540). */
  opensAt: number;
  /** Closing time, minutes after local midnight (17:00 → 1020; 24:00 → 1440). */
  closesAt: number;
  /** IANA time zone of the opening hours and the holidays ("Europe/Zurich", "UTC"). */
  timeZone: string;
  /** Local dates (YYYY-MM-DD) on which the help desk is closed. */
  holidays: readonly string[];
}

/** Every hour of every day counts (calendar time): the SLA as it was before business hours. */
export const ALWAYS_OPEN: BusinessCalendar = {
  weekdays: WEEKDAY_NAMES,
  opensAt: 0,
  closesAt: 24 * 60,
  timeZone: 'UTC',
  holidays: [],
};

/** Monday to Friday, 09:00–17:00 UTC, no holidays: the help desk's default calendar. */
export const OFFICE_HOURS: BusinessCalendar = {
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  opensAt: 9 * 60,
  closesAt: 17 * 60,
  timeZone: 'UTC',
  holidays: [],
};

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** No SLA spans more than this many days of calendar: a calendar with no open day ends the search. */
const MAX_DAYS = 3_660;

/** Business hours in one working day of the calendar. */
export function hoursPerDay(calendar: BusinessCalendar): number {
  return (calendar.closesAt - calendar.opensAt) / 60;
}

/** The instant `hours` business hours after `fromIso` (a start outside hours counts from the next opening). */
export function addBusinessHours(
  fromIso: string,
  hours: number,
  calendar: BusinessCalendar,
): string {
  const from = parse(fromIso);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining <= 0) return new Date(from).toISOString();
  for (const [open, close] of openWindows(from, calendar)) {
    const start = Math.max(open, from);
    if (start >= close) continue;
    if (remaining <= close - start) return new Date(start + remaining).toISOString();
    remaining -= close - start;
  }
  throw new RangeError(`The calendar has no business hours within ${MAX_DAYS} days of ${fromIso}`);
}

/** Business hours between two instants (0 when `toIso` is not later). */
export function businessHoursBetween(
  fromIso: string,
  toIso: string,
  calendar: BusinessCalendar,
): number {
  const from = parse(fromIso);
  const to = parse(toIso);
  let total = 0;
  if (to <= from) return 0;
  for (const [open, close] of openWindows(from, calendar)) {
    if (open >= to) break;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total / HOUR_MS;
}

/** The opening windows [open, close) (ms) of every working day from the local day of `from` on. */
function* openWindows(from: number, calendar: BusinessCalendar): Generator<[number, number]> {
  const { year, month, day } = localDate(from, calendar.timeZone);
  for (let offset = 0; offset < MAX_DAYS; offset++) {
    const date = new Date(Date.UTC(year, month - 1, day + offset));
    const weekday = WEEKDAY_NAMES[(date.getUTCDay() + 6) % 7];
    const ymd = date.toISOString().slice(0, 10);
    if (!calendar.weekdays.includes(weekday) || calendar.holidays.includes(ymd)) continue;
    yield [
      zonedInstant(date, calendar.opensAt, calendar.timeZone),
      zonedInstant(date, calendar.closesAt, calendar.timeZone),
    ];
  }
}

/** The instant of a local wall-clock time (minutes after midnight of `date`'s UTC day) in a zone. */
function zonedInstant(date: Date, minutes: number, timeZone: string): number {
  const wall = date.getTime() + minutes * MINUTE_MS;
  let instant = wall - zoneOffset(wall, timeZone);
  // Across a change of offset (summer time), the offset at the instant itself decides.
  instant = wall - zoneOffset(instant, timeZone);
  return instant;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatOf(timeZone).formatToParts(new Date(instant)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** Local time minus UTC at an instant, in ms (Zurich in winter: +3 600 000). */
function zoneOffset(instant: number, timeZone: string): number {
  const p = wallClock(instant, timeZone);
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return local - (instant - (instant % 1000));
}

function localDate(
  instant: number,
  timeZone: string,
): { year: number; month: number; day: number } {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

function parse(iso: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`${iso} is no ISO date-time`);
  return time;
}

/** Whether a time zone is one the runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar of the settings:
 *   HELP_DESK_BUSINESS_DAYS="mon,tue,wed,thu,fri"   HELP_DESK_BUSINESS_HOURS="09:00-17:00"
 *   HELP_DESK_TIME_ZONE="Europe/Zurich"            HELP_DESK_HOLIDAYS="2026-12-25,2027-01-01"
 * "always" as the hours: every hour counts (calendar time). A malformed value throws, naming it.
 */
export function businessCalendarOf(settings: {
  HELP_DESK_BUSINESS_DAYS?: string;
  HELP_DESK_BUSINESS_HOURS?: string;
  HELP_DESK_TIME_ZONE?: string;
  HELP_DESK_HOLIDAYS?: string;
}): BusinessCalendar {
  const hoursSpec = settings.HELP_DESK_BUSINESS_HOURS?.trim();
  if (hoursSpec === 'always') return ALWAYS_OPEN;
  const calendar = { ...OFFICE_HOURS };
  const days = settings.HELP_DESK_BUSINESS_DAYS?.trim();
  if (days) {
    const names = days.split(',').map((d) => d.trim().toLowerCase());
    const wrong = names.find((d) => !(WEEKDAY_NAMES as readonly string[]).includes(d));
    if (wrong !== undefined || names.length === 0)
      throw new RangeError(
        `HELP_DESK_BUSINESS_DAYS: "${wrong}" is not one of ${WEEKDAY_NAMES.join(', ')}`,
      );
    calendar.weekdays = names as WeekdayName[];
  }
  if (hoursSpec) {
    const match = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/.exec(hoursSpec);
    const opens = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
    const closes = match ? Number(match[3]) * 60 + Number(match[4]) : NaN;
    if (
      !match ||
      Number(match[2]) > 59 ||
      Number(match[4]) > 59 ||
      !(opens < closes) ||
      closes > 1440
    )
      throw new RangeError(
        `HELP_DESK_BUSINESS_HOURS must be HH:MM-HH:MM with the opening before the closing, or "always", got "${hoursSpec}"`,
      );
    calendar.opensAt = opens;
    calendar.closesAt = closes;
  }
  const zone = settings.HELP_DESK_TIME_ZONE?.trim();
  if (zone) {
    if (!isTimeZone(zone))
      throw new RangeError(`HELP_DESK_TIME_ZONE: "${zone}" is not a known time zone`);
    calendar.timeZone = zone;
  }
  const holidays = settings.HELP_DESK_HOLIDAYS?.trim();
  if (holidays) {
    const dates = holidays.split(',').map((d) => d.trim());
    const wrong = dates.find(
      (d) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(d) ||
        Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ||
        new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d,
    );
    if (wrong !== undefined)
      throw new RangeError(`HELP_DESK_HOLIDAYS: "${wrong}" is not a date (YYYY-MM-DD)`);
    calendar.holidays = dates;
  }
  return calendar;
}
