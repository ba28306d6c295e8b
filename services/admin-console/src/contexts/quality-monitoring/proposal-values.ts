// The proposal form's values (text as typed, the rows its editors hold), the
// definition they make, and back: a version resubmitted or an IATI activity
// read fills the form from a (partial) definition.
import type {
  Constituent,
  DeliveryChannel,
  FinancialInstrument,
  LogframeOutcome,
  PricingPolicy,
  ProposalDefinition,
  Theme,
} from '@sfp/contracts';
import { listOf, numberOf } from '../../components/form-values';
import type { ImportedProposal } from './quality.api';

/** One indicator of the logical framework, with the outcome it measures. */
export interface IndicatorRow {
  outcome: string;
  indicator: string;
  unit: string;
  baseline: string;
  baselineDate: string;
  target: string;
  targetDate: string;
  meansOfVerification: string;
}

export interface OrganisationRow {
  name: string;
  role: '' | '1' | '2' | '3' | '4';
  ref: string;
}

export const EMPTY_INDICATOR: IndicatorRow = {
  outcome: '',
  indicator: '',
  unit: '',
  baseline: '',
  baselineDate: '',
  target: '',
  targetDate: '',
  meansOfVerification: '',
};
export const EMPTY_ORGANISATION: OrganisationRow = { name: '', role: '', ref: '' };

export const INITIAL_PROPOSAL_VALUES = {
  title: '',
  description: '',
  department: '',
  countries: '',
  themes: [] as Theme[],
  currency: 'USD',
  budget: '',
  budgetUsd: '',
  durationMonths: '',
  plannedStart: '',
  instrument: '' as FinancialInstrument | '',
  channel: '' as DeliveryChannel | '',
  pricingPolicy: '' as PricingPolicy | '',
  /** A per cent as typed (18 for 18 %). */
  interestRateCap: '',
  amount: '',
  coFinancing: '',
  componentDescription: '',
  partnerInstitutionIds: '',
  indicators: [{ ...EMPTY_INDICATOR }] as IndicatorRow[],
  exitStrategy: '',
  constituents: [] as Constituent[],
  genderOutcomes: '',
  decentWorkOutcomes: '',
  organisations: [] as OrganisationRow[],
  sectors: '',
  iatiIdentifier: '',
};

export type ProposalValues = typeof INITIAL_PROPOSAL_VALUES;

/**
 * Where the API reports each value's problems (its field path), for the
 * values whose form name is not the path.
 */
export const PROPOSAL_FIELD_PATHS: Partial<Record<keyof ProposalValues, string>> = {
  instrument: 'financialComponent.instrument',
  channel: 'financialComponent.channel',
  pricingPolicy: 'financialComponent.pricingPolicy',
  interestRateCap: 'financialComponent.interestRateCap',
  amount: 'financialComponent.amount',
  coFinancing: 'financialComponent.coFinancing',
  componentDescription: 'financialComponent.description',
  indicators: 'logframe',
  organisations: 'participatingOrganisations',
};

export const pathOf = (name: keyof ProposalValues): string => PROPOSAL_FIELD_PATHS[name] ?? name;

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The logical framework from its indicator rows: consecutive rows of one outcome make one outcome. */
function logframeOf(rows: readonly IndicatorRow[]): LogframeOutcome[] {
  const outcomes: LogframeOutcome[] = [];
  for (const row of rows) {
    if (!row.outcome.trim() && !row.indicator.trim()) continue;
    let outcome = outcomes.at(-1);
    if (!outcome || outcome.outcome !== row.outcome.trim()) {
      outcome = { outcome: row.outcome.trim(), indicators: [] };
      outcomes.push(outcome);
    }
    outcome.indicators.push({
      indicator: row.indicator.trim(),
      unit: row.unit.trim(),
      baseline: numberOf(row.baseline) as number,
      ...(row.baselineDate ? { baselineDate: row.baselineDate } : {}),
      target: numberOf(row.target) as number,
      ...(row.targetDate ? { targetDate: row.targetDate } : {}),
      meansOfVerification: row.meansOfVerification.trim(),
    });
  }
  return outcomes;
}

/** The definition the form's values make (the API says what is wrong with it). */
export function definitionOf(v: ProposalValues): ProposalDefinition {
  const cap = numberOf(v.interestRateCap);
  const coFinancing = numberOf(v.coFinancing);
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    department: v.department.trim(),
    countries: listOf(v.countries).map((c) => c.toUpperCase()),
    themes: v.themes,
    currency: v.currency.trim().toUpperCase(),
    budget: numberOf(v.budget) as number,
    budgetUsd: (numberOf(v.budgetUsd) ??
      (v.currency === 'USD' ? numberOf(v.budget) : undefined)) as number,
    durationMonths: numberOf(v.durationMonths) as number,
    plannedStart: v.plannedStart,
    financialComponent: {
      instrument: v.instrument as FinancialInstrument,
      channel: v.channel as DeliveryChannel,
      pricingPolicy: v.pricingPolicy as PricingPolicy,
      ...(v.pricingPolicy === 'capped' && cap !== undefined ? { interestRateCap: cap / 100 } : {}),
      amount: numberOf(v.amount) as number,
      ...(coFinancing !== undefined ? { coFinancing } : {}),
      description: v.componentDescription.trim(),
    },
    partnerInstitutionIds: listOf(v.partnerInstitutionIds),
    logframe: logframeOf(v.indicators),
    exitStrategy: v.exitStrategy.trim(),
    constituents: v.constituents,
    genderOutcomes: v.genderOutcomes.trim(),
    decentWorkOutcomes: v.decentWorkOutcomes.trim(),
    participatingOrganisations: v.organisations
      .filter((o) => o.name.trim())
      .map((o) => ({
        name: o.name.trim(),
        role: Number(o.role) as 1 | 2 | 3 | 4,
        ...(o.ref.trim() ? { ref: o.ref.trim() } : {}),
      })),
    sectors: listOf(v.sectors),
    ...(v.iatiIdentifier.trim() ? { iatiIdentifier: v.iatiIdentifier.trim() } : {}),
  };
}

/**
 * Where the API reports each indicator row's fields: `logframe.<outcome>.indicators.<n>`,
 * grouped as `definitionOf` groups them (undefined for a row left blank).
 */
export function indicatorPaths(rows: readonly IndicatorRow[]): Array<string | undefined> {
  let outcome = -1;
  let indicator = 0;
  let previous: string | undefined;
  return rows.map((row) => {
    if (!row.outcome.trim() && !row.indicator.trim()) return undefined;
    if (outcome < 0 || row.outcome.trim() !== previous) {
      outcome += 1;
      indicator = 0;
      previous = row.outcome.trim();
    } else indicator += 1;
    return `logframe.${outcome}.indicators.${indicator}`;
  });
}

/** The form's values from a definition, or the part of one an IATI activity carries. */
export function valuesOf(p: ImportedProposal): ProposalValues {
  const f = p.financialComponent;
  const indicators: IndicatorRow[] = (p.logframe ?? []).flatMap((o) =>
    o.indicators.length
      ? o.indicators.map((x) => ({
          outcome: o.outcome,
          indicator: x.indicator,
          unit: x.unit ?? '',
          baseline: text(x.baseline),
          baselineDate: x.baselineDate ?? '',
          target: text(x.target),
          targetDate: x.targetDate ?? '',
          meansOfVerification: x.meansOfVerification ?? '',
        }))
      : [{ ...EMPTY_INDICATOR, outcome: o.outcome }],
  );
  return {
    title: p.title ?? '',
    description: p.description ?? '',
    department: p.department ?? '',
    countries: (p.countries ?? []).join(', '),
    themes: p.themes ?? [],
    currency: p.currency ?? 'USD',
    budget: text(p.budget),
    budgetUsd: text(p.budgetUsd),
    durationMonths: text(p.durationMonths),
    plannedStart: p.plannedStart ?? '',
    instrument: f?.instrument ?? '',
    channel: f?.channel ?? '',
    pricingPolicy: f?.pricingPolicy ?? '',
    interestRateCap:
      f?.interestRateCap === undefined ? '' : String(Math.round(f.interestRateCap * 10000) / 100),
    amount: text(f?.amount),
    coFinancing: text(f?.coFinancing),
    componentDescription: f?.description ?? '',
    partnerInstitutionIds: (p.partnerInstitutionIds ?? []).join(', '),
    indicators: indicators.length ? indicators : [{ ...EMPTY_INDICATOR }],
    exitStrategy: p.exitStrategy ?? '',
    constituents: p.constituents ?? [],
    genderOutcomes: p.genderOutcomes ?? '',
    decentWorkOutcomes: p.decentWorkOutcomes ?? '',
    organisations: (p.participatingOrganisations ?? []).map((o) => ({
      name: o.name,
      role: String(o.role) as OrganisationRow['role'],
      ref: o.ref ?? '',
    })),
    sectors: (p.sectors ?? []).join(', '),
    iatiIdentifier: p.iatiIdentifier ?? '',
  };
}
