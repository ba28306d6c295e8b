// A changed field of a proposal as people read it: its value in words (a
// code by its label, a rate as a per cent, a country by its name), and the
// criterion of the checklist the field bears on (whose comments sit beside it).
import type {
  Constituent,
  DeliveryChannel,
  FinancialInstrument,
  PricingPolicy,
  ReviewCriterion,
} from '@sfp/contracts';
import { formatDate, formatNumber, formatPercent, label, NONE } from '../../components/format';
import {
  CHANNEL_LABELS,
  CONSTITUENT_LABELS,
  countryName,
  INSTRUMENT_LABELS,
  PRICING_LABELS,
} from './quality-labels';

/** The field's path without list indices: `logframe.0.indicators.1.target` → `logframe.indicators.target`. */
const shapeOf = (field: string) =>
  field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');

const CODE_LABELS: Record<string, (code: string) => string> = {
  'financialComponent.instrument': (c) => INSTRUMENT_LABELS[c as FinancialInstrument] ?? label(c),
  'financialComponent.channel': (c) => CHANNEL_LABELS[c as DeliveryChannel] ?? label(c),
  'financialComponent.pricingPolicy': (c) => PRICING_LABELS[c as PricingPolicy] ?? label(c),
  constituents: (c) => CONSTITUENT_LABELS[c as Constituent] ?? label(c),
  countries: countryName,
  themes: label,
};

/** A value of a field in words. */
export function valueText(field: string, value: unknown): string {
  const shape = shapeOf(field);
  if (value === undefined || value === null || value === '') return NONE;
  if (typeof value === 'number')
    return shape === 'financialComponent.interestRateCap'
      ? formatPercent(value)
      : formatNumber(value, 2);
  if (typeof value === 'string') {
    if (/(Date|Start)$/.test(shape) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return CODE_LABELS[shape]?.(value) ?? value;
  }
  if (Array.isArray(value))
    return value.length ? value.map((item) => valueText(field, item)).join(', ') : NONE;
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${label(key)}: ${valueText(`${field}.${key}`, item)}`)
      .join('; ');
  return String(value);
}

/** The criterion a field bears on, when one does. */
const FIELD_CRITERIA: Array<[prefix: string, criterion: ReviewCriterion]> = [
  ['exitStrategy', 'exit-strategy'],
  ['financialComponent.channel', 'channel'],
  ['financialComponent.pricingPolicy', 'pricing-and-cost-recovery'],
  ['financialComponent.interestRateCap', 'pricing-and-cost-recovery'],
  ['financialComponent.instrument', 'instrument-fit'],
  ['financialComponent', 'instrument-fit'],
  ['partnerInstitutionIds', 'partner-appraisal'],
  ['logframe', 'monitoring-plan'],
  ['constituents', 'constituent-involvement'],
  ['genderOutcomes', 'gender'],
  ['decentWorkOutcomes', 'decent-work-relevance'],
  ['description', 'decent-work-relevance'],
];

export function criterionOfField(field: string): ReviewCriterion | undefined {
  return FIELD_CRITERIA.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`))?.[1];
}
