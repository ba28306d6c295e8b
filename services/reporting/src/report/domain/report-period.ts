import { CodedError } from '@sfp/event-sourcing/domain';

/**
 * A reporting period of the Governing Body: a year (2026), a biennium
 * (2026-2027, two consecutive years) or a quarter (2026-Q1). `from` is
 * inclusive, `to` exclusive, both UTC instants.
 */
export interface ReportPeriod {
  label: string;
  kind: 'year' | 'biennium' | 'quarter';
  from: string;
  to: string;
}

export class InvalidPeriodError extends CodedError {
  readonly field = 'period';
  constructor(text: string) {
    super(
      'INVALID_PERIOD',
      `${JSON.stringify(text.slice(0, 40))} is not a period: use a year (2026), a biennium (2026-2027) or a quarter (2026-Q1), between 2000 and 2100`,
    );
  }
}

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * Every period parseReportPeriod accepts, as one regular expression (for the
 * request's rules and the OpenAPI document): a year or a quarter of
 * 2000–2100, or two consecutive years.
 */
export const REPORT_PERIOD_PATTERN = new RegExp(
  `^(?:(?:20[0-9]{2}|2100)(?:-Q[1-4])?|${Array.from(
    { length: LAST_YEAR - FIRST_YEAR + 1 },
    (_, i) => `${FIRST_YEAR + i}-${FIRST_YEAR + i + 1}`,
  ).join('|')})$`,
);

const start = (year: number, month = 0) => new Date(Date.UTC(year, month, 1)).toISOString();

export function parseReportPeriod(text: string): ReportPeriod {
  const year = /^(\d{4})$/.exec(text);
  const biennium = /^(\d{4})-(\d{4})$/.exec(text);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  const inRange = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;
  if (year && inRange(Number(year[1]))) {
    const y = Number(year[1]);
    return { label: text, kind: 'year', from: start(y), to: start(y + 1) };
  }
  if (biennium && inRange(Number(biennium[1])) && Number(biennium[2]) === Number(biennium[1]) + 1) {
    const y = Number(biennium[1]);
    return { label: text, kind: 'biennium', from: start(y), to: start(y + 2) };
  }
  if (quarter && inRange(Number(quarter[1]))) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    return {
      label: text,
      kind: 'quarter',
      from: start(y, (q - 1) * 3),
      to: q === 4 ? start(y + 1) : start(y, q * 3),
    };
  }
  throw new InvalidPeriodError(text);
}

/** Whether an ISO instant falls in the period. */
export function inPeriod(period: ReportPeriod, instant: string | null | undefined): boolean {
  return typeof instant === 'string' && instant >= period.from && instant < period.to;
}
