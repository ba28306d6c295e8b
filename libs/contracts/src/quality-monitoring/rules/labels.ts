/**
 * Readable names of the codes the rules put into sentences (reasons, red
 * flags, diff labels). The console may show the same names.
 */
import type { Theme } from '../../help-desk/reference-data';
import type { Region } from '../../shared/regions';
import type {
  FinancialInstrument,
  PricingPolicy,
  RedFlag,
  ReviewCriterion,
  ToolKind,
} from '../reference-data';

export const INSTRUMENT_LABELS: Readonly<Record<FinancialInstrument, string>> = {
  'credit-line': 'credit line',
  'guarantee-fund': 'guarantee fund',
  'revolving-fund': 'revolving fund',
  'grant-to-provider': 'grant to a financial provider',
  equity: 'equity investment',
  'insurance-scheme': 'insurance scheme',
  'savings-scheme': 'savings scheme',
};

export const THEME_LABELS: Readonly<Record<Theme, string>> = {
  youth: 'youth',
  gender: 'gender',
  poverty: 'poverty',
  'informal-economy': 'informal economy',
  'child-labour': 'child labour',
  'migration-and-remittances': 'migration and remittances',
  'social-protection': 'social protection',
  microinsurance: 'microinsurance',
  cooperatives: 'cooperatives',
  'green-finance': 'green finance',
  'crisis-response': 'crisis response',
  disability: 'disability',
};

export const REGION_LABELS: Readonly<Record<Region, string>> = {
  africa: 'Africa',
  americas: 'the Americas',
  'arab-states': 'the Arab States',
  'asia-pacific': 'Asia and the Pacific',
  'europe-central-asia': 'Europe and Central Asia',
};

export const CRITERION_LABELS: Readonly<Record<ReviewCriterion, string>> = {
  'decent-work-relevance': 'Decent-work relevance',
  channel: 'Delivery channel',
  'pricing-and-cost-recovery': 'Pricing and cost recovery',
  'partner-appraisal': 'Partner appraisal',
  'instrument-fit': 'Instrument fit',
  'performance-based-agreement': 'Performance-based agreement',
  'monitoring-plan': 'Monitoring plan',
  'constituent-involvement': 'Constituent involvement',
  gender: 'Gender',
  'exit-strategy': 'Exit strategy',
};

export const RED_FLAG_LABELS: Readonly<Record<RedFlag, string>> = {
  'direct-lending': 'Direct lending by the project',
  'pricing-prevents-cost-recovery': 'Pricing prevents cost recovery',
  'no-exit-strategy': 'No exit strategy',
  'partner-par30-above-threshold': 'Partner PAR30 above the threshold',
  'partner-oss-below-threshold': 'Partner self-sufficiency below the threshold',
};

export const PRICING_POLICY_LABELS: Readonly<Record<PricingPolicy, string>> = {
  'market-rates': 'market rates',
  subsidised: 'subsidised rates',
  capped: 'capped rates',
};

export const TOOL_KIND_LABELS: Readonly<Record<ToolKind, string>> = {
  course: 'training course',
  programme: 'training programme',
  'research-project': 'research project',
  'practice-note': 'practice note',
  'impact-assessment': 'impact assessment',
};

/** The label of a code, or the code itself when it has none (a code from a newer list). */
export function labelOf<K extends string>(
  labels: Readonly<Record<K, string>>,
  code: string,
): string {
  return (labels as Readonly<Record<string, string>>)[code] ?? code;
}

let countryNames: Intl.DisplayNames | undefined;

/** The English name of an ISO 3166-1 alpha-2 code ("Kenya"), or the code when unknown. */
export function countryName(code: string): string {
  try {
    countryNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return countryNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A fraction as a percentage for people: 0.142 → "14.2 %", 1 → "100 %". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })} %`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
