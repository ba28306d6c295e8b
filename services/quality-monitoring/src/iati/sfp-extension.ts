import {
  CONSTITUENTS,
  DELIVERY_CHANNELS,
  FINANCIAL_INSTRUMENTS,
  PRICING_POLICIES,
  THEMES,
  type Constituent,
  type FinancialComponent,
  type Theme,
} from '@sfp/contracts';
import { SFP_IATI_NAMESPACE } from './iati.codes';
import { attributeOf, childOf, childrenOf, decimalOf, textOf, type XmlElement } from './iati-xml';

/**
 * What a proposal carries that IATI has no element for, as the platform's
 * extension element `<sfp:proposal xmlns:sfp="https://sfp.example.org/iati-extension/1">`
 * holds it at the end of `iati-activity`:
 *
 *   <sfp:proposal>
 *     <sfp:department>…</sfp:department>
 *     <sfp:themes><sfp:theme code="gender"/>…</sfp:themes>
 *     <sfp:budget-usd>…</sfp:budget-usd>
 *     <sfp:financial-component instrument="guarantee-fund" channel="specialised-provider"
 *        pricing-policy="capped" interest-rate-cap="0.18" amount="…" co-financing="…">
 *       <sfp:description>…</sfp:description>
 *     </sfp:financial-component>
 *     <sfp:partner-institutions><sfp:partner-institution id="…"/>…</sfp:partner-institutions>
 *     <sfp:exit-strategy>…</sfp:exit-strategy>   (empty: the proposal has none)
 *     <sfp:constituents><sfp:constituent code="government"/>…</sfp:constituents>
 *     <sfp:gender-outcomes>…</sfp:gender-outcomes>
 *     <sfp:decent-work-outcomes>…</sfp:decent-work-outcomes>
 *     <sfp:indicator-units><sfp:indicator-unit result="1" indicator="2" unit="enterprises"/>…</sfp:indicator-units>
 *     <sfp:decision proposal-id="…" version="2" decision="approved-with-conditions" decided-at="…"/>  (export only)
 *   </sfp:proposal>
 *
 * An element present gives its field (a list container with no items: an
 * empty list); one absent leaves the field to the `missing` list.
 */
export interface SfpExtension {
  department?: string;
  themes?: Theme[];
  budgetUsd?: number;
  financialComponent?: FinancialComponent;
  partnerInstitutionIds?: string[];
  exitStrategy?: string;
  constituents?: Constituent[];
  genderOutcomes?: string;
  decentWorkOutcomes?: string;
  /** `result.indicator` (1-based positions among the activity's results) → unit. */
  indicatorUnits: Map<string, string>;
}

/** Where the extension element is and what prefix its children carry. */
function findExtension(
  activity: XmlElement,
  inScope: Record<string, string>,
): { element: XmlElement; name: (local: string) => string } | undefined {
  for (const key of Object.keys(activity)) {
    if (key.startsWith('@') || key === '#text') continue;
    const [prefix, local] = key.includes(':') ? key.split(':', 2) : ['', key];
    if (local !== 'proposal') continue;
    const element = childOf(activity, key);
    const declared = prefix ? `@xmlns:${prefix}` : '@xmlns';
    const uri = (element?.[declared] as string | undefined) ?? inScope[declared];
    if (element && uri === SFP_IATI_NAMESPACE) {
      return { element, name: (n) => (prefix ? `${prefix}:${n}` : n) };
    }
  }
  return undefined;
}

/** The namespace declarations of the root and the activity (the activity's win). */
export function namespacesOf(...elements: XmlElement[]): Record<string, string> {
  const scope: Record<string, string> = {};
  for (const element of elements) {
    for (const [key, value] of Object.entries(element)) {
      if ((key === '@xmlns' || key.startsWith('@xmlns:')) && typeof value === 'string') {
        scope[key] = value;
      }
    }
  }
  return scope;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((v) => v === value);
}

/** The platform's extension of the activity, undefined when the file has none (a foreign file). */
export function readSfpExtension(
  activity: XmlElement,
  inScope: Record<string, string>,
  warnings: string[],
): SfpExtension | undefined {
  const found = findExtension(activity, inScope);
  if (!found) return undefined;
  const { element, name } = found;
  const text = (local: string): string | undefined => {
    const child = childOf(element, name(local));
    return child ? textOf(child) : undefined;
  };
  const codes = <T extends string>(
    container: string,
    item: string,
    attribute: string,
    allowed: readonly T[],
  ): T[] | undefined => {
    const list = childOf(element, name(container));
    if (!list) return undefined;
    const read: T[] = [];
    for (const entry of childrenOf(list, name(item))) {
      const raw = attributeOf(entry, attribute);
      const code = oneOf(allowed, raw);
      if (code) read.push(code);
      else
        warnings.push(
          `sfp:${item} ${JSON.stringify(raw ?? '')} is not one the platform knows: left out`,
        );
    }
    return read;
  };

  const extension: SfpExtension = { indicatorUnits: new Map() };
  const department = text('department');
  if (department) extension.department = department;
  const themes = codes('themes', 'theme', 'code', THEMES);
  if (themes) extension.themes = themes;
  const budgetUsd = decimalOf(text('budget-usd'));
  if (budgetUsd !== undefined) extension.budgetUsd = budgetUsd;
  const component = readFinancialComponent(
    childOf(element, name('financial-component')),
    name,
    warnings,
  );
  if (component) extension.financialComponent = component;
  const partners = childOf(element, name('partner-institutions'));
  if (partners) {
    extension.partnerInstitutionIds = childrenOf(partners, name('partner-institution'))
      .map((p) => attributeOf(p, 'id'))
      .filter((id): id is string => id !== undefined);
  }
  const exitStrategy = text('exit-strategy');
  if (exitStrategy !== undefined) extension.exitStrategy = exitStrategy;
  const constituents = codes('constituents', 'constituent', 'code', CONSTITUENTS);
  if (constituents) extension.constituents = constituents;
  const gender = text('gender-outcomes');
  if (gender !== undefined) extension.genderOutcomes = gender;
  const decentWork = text('decent-work-outcomes');
  if (decentWork !== undefined) extension.decentWorkOutcomes = decentWork;
  const units = childOf(element, name('indicator-units'));
  for (const unit of childrenOf(units, name('indicator-unit'))) {
    const result = attributeOf(unit, 'result');
    const indicator = attributeOf(unit, 'indicator');
    const value = unit['@unit'];
    if (result && indicator && typeof value === 'string') {
      extension.indicatorUnits.set(`${result}.${indicator}`, value.trim());
    }
  }
  return extension;
}

function readFinancialComponent(
  element: XmlElement | undefined,
  name: (local: string) => string,
  warnings: string[],
): FinancialComponent | undefined {
  if (!element) return undefined;
  const instrument = oneOf(FINANCIAL_INSTRUMENTS, attributeOf(element, 'instrument'));
  const channel = oneOf(DELIVERY_CHANNELS, attributeOf(element, 'channel'));
  const pricingPolicy = oneOf(PRICING_POLICIES, attributeOf(element, 'pricing-policy'));
  const amount = decimalOf(attributeOf(element, 'amount'));
  if (!instrument || !channel || !pricingPolicy || amount === undefined) {
    warnings.push(
      'sfp:financial-component lacks a known instrument, channel, pricing-policy or amount: left out',
    );
    return undefined;
  }
  const cap = decimalOf(attributeOf(element, 'interest-rate-cap'));
  const coFinancing = decimalOf(attributeOf(element, 'co-financing'));
  return {
    instrument,
    channel,
    pricingPolicy,
    ...(cap !== undefined ? { interestRateCap: cap } : {}),
    amount,
    ...(coFinancing !== undefined ? { coFinancing } : {}),
    description: textOf(childOf(element, name('description'))),
  };
}
