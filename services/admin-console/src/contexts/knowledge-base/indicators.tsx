// How the knowledge base's indicators read: their names and units are
// @sfp/contracts (INDICATOR_LABELS, INDICATOR_UNITS); a fraction reads as a
// per cent, an amount in US dollars as such, a number of people as a figure.
import {
  INDICATOR_LABELS,
  INDICATOR_UNITS,
  INDICATORS,
  type Comparator,
  type Indicator,
} from '@sfp/contracts';
import { Badge } from '../../components/feedback';
import { formatCurrency, formatNumber, formatPercent, label } from '../../components/format';

export const isIndicator = (value: string): value is Indicator =>
  (INDICATORS as readonly string[]).includes(value);

export const indicatorName = (indicator: string): string =>
  isIndicator(indicator) ? INDICATOR_LABELS[indicator] : indicator;

/** A value of an indicator in its unit: 0.8667 → "86.7 %", 52.3 (USD) → "US$52.30". */
export function formatIndicator(value: number | null | undefined, indicator: string): string {
  const unit = isIndicator(indicator) ? INDICATOR_UNITS[indicator] : 'fraction';
  if (unit === 'usd') return formatCurrency(value, 'USD');
  if (unit === 'people') return formatNumber(value, 1);
  return formatPercent(value, 1);
}

/** 'at-least' → 'at least'. */
export const comparatorText = (comparator: Comparator | string): string =>
  label(comparator).toLowerCase();

export function TargetStatusBadge({ status }: { status: string }) {
  const kind =
    status === 'on-track'
      ? 'good'
      : status === 'at-risk'
        ? 'warn'
        : status === 'off-track'
          ? 'bad'
          : 'none';
  return <Badge kind={kind}>{label(status)}</Badge>;
}
