import type { ProposalDefinition } from '../proposal';

/** One field that changed between two versions of a proposal. */
export interface ProposalChange {
  /** The path of the field: `budget`, `financialComponent.amount`, `logframe.0.indicators.1.target`. */
  field: string;
  /** The field in words: "Outcome 1 › Indicator 2 › Target". */
  label: string;
  /** Absent (undefined) when the field or list item was added. */
  before: unknown;
  /** Absent (undefined) when the field or list item was removed. */
  after: unknown;
}

/**
 * The words of each field of a proposal, by its path without list indices
 * (`logframe.indicators.target`); for a list, the word of one item ("Outcome"
 * numbered 1, 2, … in labels).
 */
export const PROPOSAL_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  description: 'Description',
  department: 'Department',
  countries: 'Country',
  themes: 'Theme',
  currency: 'Currency',
  budget: 'Budget',
  budgetUsd: 'Budget (USD)',
  durationMonths: 'Duration (months)',
  plannedStart: 'Planned start',
  financialComponent: 'Financial component',
  'financialComponent.instrument': 'Instrument',
  'financialComponent.channel': 'Delivery channel',
  'financialComponent.pricingPolicy': 'Pricing policy',
  'financialComponent.interestRateCap': 'Interest-rate cap',
  'financialComponent.amount': 'Amount',
  'financialComponent.coFinancing': 'Co-financing',
  'financialComponent.description': 'Description',
  partnerInstitutionIds: 'Partner institution',
  logframe: 'Outcome',
  'logframe.outcome': 'Statement',
  'logframe.indicators': 'Indicator',
  'logframe.indicators.indicator': 'Name',
  'logframe.indicators.unit': 'Unit',
  'logframe.indicators.baseline': 'Baseline',
  'logframe.indicators.baselineDate': 'Baseline date',
  'logframe.indicators.target': 'Target',
  'logframe.indicators.targetDate': 'Target date',
  'logframe.indicators.meansOfVerification': 'Means of verification',
  exitStrategy: 'Exit strategy',
  constituents: 'Constituent',
  genderOutcomes: 'Gender outcomes',
  decentWorkOutcomes: 'Decent-work outcomes',
  participatingOrganisations: 'Participating organisation',
  'participatingOrganisations.name': 'Name',
  'participatingOrganisations.role': 'Role',
  'participatingOrganisations.ref': 'Identifier',
  sectors: 'Sector',
  iatiIdentifier: 'IATI identifier',
};

/** The label of a field path: each named part in words, list items numbered from 1, joined by " › ". */
export function proposalFieldLabel(field: string): string {
  const parts: string[] = [];
  const pattern: string[] = [];
  for (const segment of field.split('.')) {
    if (/^\d+$/.test(segment)) {
      const last = parts.pop() ?? '';
      parts.push(`${last} ${Number(segment) + 1}`);
      continue;
    }
    pattern.push(segment);
    const key = pattern.join('.');
    parts.push(PROPOSAL_FIELD_LABELS[key] ?? segment);
  }
  return parts.join(' › ');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return false;
}

function compare(path: string, before: unknown, after: unknown, changes: ProposalChange[]): void {
  if (same(before, after)) return;
  const change = () =>
    changes.push({ field: path, label: proposalFieldLabel(path), before, after });
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      compare(`${path}.${i}`, before[i], after[i], changes);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys)
      compare(path ? `${path}.${key}` : key, before[key], after[key], changes);
    return;
  }
  change();
}

/**
 * What changed from one version of a proposal to the next, field by field
 * in the definition's order; lists item by item (`countries.1`,
 * `logframe.0.indicators.1.target`), an item added or removed as one change
 * (before or after undefined). A field absent on one side and undefined on
 * the other is no change.
 */
export function proposalDiff(
  before: ProposalDefinition,
  after: ProposalDefinition,
): ProposalChange[] {
  const changes: ProposalChange[] = [];
  compare('', before, after, changes);
  return changes;
}
