import { ACTIVITY_DATE_TYPE, BUDGET_TYPE, SECTOR_VOCABULARY_DAC_5 } from './iati.codes';
import { monthsBetween } from './iati-dates';
import {
  attributeOf,
  childOf,
  childrenOf,
  decimalOf,
  isoDateOf,
  textOf,
  type XmlElement,
} from './iati-xml';

/** The recipient countries' ISO 3166-1 alpha-2 codes (regions are not countries: a warning). */
export function readCountries(activity: XmlElement, warnings: string[]): string[] {
  const countries: string[] = [];
  for (const country of childrenOf(activity, 'recipient-country')) {
    const code = attributeOf(country, 'code')?.toUpperCase();
    if (!code || !/^[A-Z]{2}$/.test(code)) {
      warnings.push(
        `recipient-country ${JSON.stringify(code ?? '')} is not an ISO 3166-1 alpha-2 code: left out`,
      );
    } else if (!countries.includes(code)) countries.push(code);
  }
  unevenShares(childrenOf(activity, 'recipient-country'), 'recipient-country', warnings);
  const regions = childrenOf(activity, 'recipient-region').length;
  if (regions) {
    warnings.push(
      `${regions} recipient-region element${regions > 1 ? 's' : ''} left out: a proposal names its countries`,
    );
  }
  return countries;
}

/** The OECD DAC 5-digit purpose codes (sector vocabulary 1, the default); other vocabularies are left out. */
export function readSectors(activity: XmlElement, warnings: string[]): string[] {
  const sectors: string[] = [];
  for (const sector of childrenOf(activity, 'sector')) {
    const vocabulary = attributeOf(sector, 'vocabulary') ?? SECTOR_VOCABULARY_DAC_5;
    const code = attributeOf(sector, 'code');
    if (vocabulary !== SECTOR_VOCABULARY_DAC_5) {
      warnings.push(
        `sector ${JSON.stringify(code ?? '')} of vocabulary ${vocabulary} left out: only DAC 5-digit codes (vocabulary 1) are read`,
      );
    } else if (!code || !/^\d{5}$/.test(code)) {
      warnings.push(
        `sector ${JSON.stringify(code ?? '')} is not a DAC 5-digit purpose code: left out`,
      );
    } else if (!sectors.includes(code)) sectors.push(code);
  }
  unevenShares(
    childrenOf(activity, 'sector').filter(
      (s) => (attributeOf(s, 'vocabulary') ?? SECTOR_VOCABULARY_DAC_5) === SECTOR_VOCABULARY_DAC_5,
    ),
    'sector',
    warnings,
  );
  return sectors;
}

/**
 * A warning when the elements' percentages are not an even split: a proposal
 * keeps the codes only, and the export shares them evenly.
 */
function unevenShares(elements: XmlElement[], name: string, warnings: string[]): void {
  const shares = elements
    .map((e) => ({
      code: attributeOf(e, 'code'),
      percentage: decimalOf(attributeOf(e, 'percentage')),
    }))
    .filter(
      (s): s is { code: string; percentage: number } => !!s.code && s.percentage !== undefined,
    );
  if (shares.length < 2) return;
  const even = 100 / shares.length;
  if (shares.every((s) => Math.abs(s.percentage - even) < 0.01)) return;
  warnings.push(
    `The ${name} percentages (${shares.map((s) => `${s.code} ${s.percentage} %`).join(', ')}) are not kept: a proposal lists the codes, and its export shares them evenly`,
  );
}

export interface BudgetPeriod {
  start: string;
  end: string;
}

/**
 * The activity's budget: the sum of its budgets, a revised one (type 2)
 * replacing the original of the same period, in one currency (the value's,
 * else the activity's default); the periods for the schedule.
 */
export function readBudget(
  activity: XmlElement,
  warnings: string[],
): { amount?: number; currency?: string; periods: BudgetPeriod[] } {
  const defaultCurrency = attributeOf(activity, 'default-currency')?.toUpperCase();
  const byPeriod = new Map<
    string,
    { type: string; cents: number; currency?: string; period: BudgetPeriod }
  >();
  childrenOf(activity, 'budget').forEach((budget, index) => {
    const start = isoDateOf(attributeOf(childOf(budget, 'period-start'), 'iso-date'));
    const end = isoDateOf(attributeOf(childOf(budget, 'period-end'), 'iso-date'));
    const value = childOf(budget, 'value');
    const amount = decimalOf(textOf(value));
    if (!start || !end || amount === undefined) {
      warnings.push(
        `budget ${index + 1} lacks a period-start, period-end or decimal value: left out`,
      );
      return;
    }
    const type = attributeOf(budget, 'type') ?? BUDGET_TYPE.original;
    const key = `${start}/${end}`;
    const before = byPeriod.get(key);
    if (before && !(type === BUDGET_TYPE.revised && before.type !== BUDGET_TYPE.revised)) return;
    byPeriod.set(key, {
      type,
      cents: Math.round(amount * 100),
      currency: attributeOf(value, 'currency')?.toUpperCase() ?? defaultCurrency,
      period: { start, end },
    });
  });
  const budgets = [...byPeriod.values()];
  const currencies = [...new Set(budgets.map((b) => b.currency).filter((c) => c !== undefined))];
  const currency = currencies.length === 1 ? currencies[0] : defaultCurrency;
  const periods = budgets.map((b) => b.period);
  if (!budgets.length) return { ...(currency ? { currency } : {}), periods };
  if (currencies.length > 1) {
    warnings.push(
      `The budgets are in ${currencies.join(' and ')}: give the budget in one currency`,
    );
    return { ...(currency ? { currency } : {}), periods };
  }
  const cents = budgets.reduce((sum, b) => sum + b.cents, 0);
  return { amount: cents / 100, ...(currency ? { currency } : {}), periods };
}

/**
 * The planned start (activity-date type 1, else the actual start, type 2,
 * else the first budget period's start) and the duration in months to the
 * planned end (type 3, else the actual end, type 4, else the last budget
 * period's end).
 */
export function readSchedule(
  activity: XmlElement,
  periods: BudgetPeriod[],
  warnings: string[],
): { plannedStart?: string; durationMonths?: number } {
  const dateOf = (type: string): string | undefined =>
    childrenOf(activity, 'activity-date')
      .filter((d) => attributeOf(d, 'type') === type)
      .map((d) => isoDateOf(attributeOf(d, 'iso-date')))
      .find((d) => d !== undefined);
  const starts = periods.map((p) => p.start).sort();
  const ends = periods.map((p) => p.end).sort();
  let plannedStart =
    dateOf(ACTIVITY_DATE_TYPE.plannedStart) ?? dateOf(ACTIVITY_DATE_TYPE.actualStart);
  if (!plannedStart && starts.length) {
    plannedStart = starts[0];
    warnings.push(
      `No activity-date of type 1 or 2: the planned start is the first budget period's, ${plannedStart}`,
    );
  }
  let end = dateOf(ACTIVITY_DATE_TYPE.plannedEnd) ?? dateOf(ACTIVITY_DATE_TYPE.actualEnd);
  if (!end && ends.length) {
    end = ends[ends.length - 1];
    warnings.push(
      `No activity-date of type 3 or 4: the duration runs to the last budget period's end, ${end}`,
    );
  }
  if (!plannedStart) return {};
  if (!end || end < plannedStart) return { plannedStart };
  return { plannedStart, durationMonths: monthsBetween(plannedStart, end) };
}
