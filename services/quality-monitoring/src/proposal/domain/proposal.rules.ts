/**
 * Rules of well-formed proposal commands that field validation cannot see:
 * codes that exist, amounts that add up, partners the knowledge base
 * published, ratings on the policy's scale. Each refusal names its field
 * (`countries.1`, `ratings.2.rating`), under `prefix` when the definition is
 * part of a larger body (`proposal.` for a resubmission).
 */
import {
  CRITERION_LABELS,
  isCountryCode,
  isCurrencyCode,
  labelOf,
  listInWords,
  unratedCriteria,
  type CriterionRating,
  type ProposalDefinition,
  type ReviewPolicy,
} from '@sfp/contracts';
import { ProposalRuleError, UnknownPartnerInstitutionError } from './proposal.errors';

/** A calendar date, YYYY-MM-DD, that exists. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Refuses a blank text. */
export function requireText(field: string, value: string, message: string): void {
  if (!value.trim()) throw new ProposalRuleError(field, message);
}

const isAmount = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) && value >= 0;

export function checkDefinition(proposal: ProposalDefinition, prefix = ''): void {
  const field = (path: string) => `${prefix}${path}`;

  requireText(field('title'), proposal.title, 'A proposal has a title');
  if (proposal.countries.length === 0)
    throw new ProposalRuleError(field('countries'), 'A proposal names at least one country');
  proposal.countries.forEach((country, i) => {
    if (!isCountryCode(country))
      throw new ProposalRuleError(
        field(`countries.${i}`),
        `${country} is no ISO 3166-1 alpha-2 country code`,
      );
    if (proposal.countries.indexOf(country) !== i)
      throw new ProposalRuleError(field(`countries.${i}`), `${country} is listed twice`);
  });
  if (!isCurrencyCode(proposal.currency))
    throw new ProposalRuleError(
      field('currency'),
      `${proposal.currency} is no ISO 4217 currency code`,
    );
  if (!isAmount(proposal.budget))
    throw new ProposalRuleError(field('budget'), 'The budget is an amount of zero or more');
  if (!isAmount(proposal.budgetUsd))
    throw new ProposalRuleError(
      field('budgetUsd'),
      'The budget in US dollars is an amount of zero or more',
    );
  if (!Number.isInteger(proposal.durationMonths) || proposal.durationMonths < 1)
    throw new ProposalRuleError(
      field('durationMonths'),
      'The duration is a whole number of months, at least 1',
    );
  if (!isCalendarDate(proposal.plannedStart))
    throw new ProposalRuleError(
      field('plannedStart'),
      `${proposal.plannedStart} is no calendar date`,
    );

  const component = proposal.financialComponent;
  if (!isAmount(component.amount))
    throw new ProposalRuleError(
      field('financialComponent.amount'),
      'The financial component is an amount of zero or more',
    );
  if (component.amount > proposal.budget)
    throw new ProposalRuleError(
      field('financialComponent.amount'),
      `The financial component (${proposal.currency} ${money(component.amount)}) is more than the budget (${proposal.currency} ${money(proposal.budget)})`,
    );
  if (component.coFinancing !== undefined) {
    if (!isAmount(component.coFinancing))
      throw new ProposalRuleError(
        field('financialComponent.coFinancing'),
        'Co-financing is an amount of zero or more',
      );
    if (component.coFinancing > component.amount)
      throw new ProposalRuleError(
        field('financialComponent.coFinancing'),
        'Co-financing is part of the financial component: it cannot be more than its amount',
      );
  }
  if (component.pricingPolicy === 'capped') {
    const cap = component.interestRateCap;
    if (cap === undefined || !Number.isFinite(cap) || cap <= 0 || cap > 1)
      throw new ProposalRuleError(
        field('financialComponent.interestRateCap'),
        'Capped pricing states its annual interest-rate cap, a fraction between 0 and 1 (0.18 for 18 %)',
      );
  } else if (component.interestRateCap !== undefined)
    throw new ProposalRuleError(
      field('financialComponent.interestRateCap'),
      'Only capped pricing has an interest-rate cap',
    );

  proposal.partnerInstitutionIds.forEach((id, i) => {
    if (proposal.partnerInstitutionIds.indexOf(id) !== i)
      throw new ProposalRuleError(
        field(`partnerInstitutionIds.${i}`),
        `Partner institution ${id} is listed twice`,
      );
  });
  proposal.sectors.forEach((sector, i) => {
    if (!/^\d{5}$/.test(sector))
      throw new ProposalRuleError(
        field(`sectors.${i}`),
        `${sector} is no OECD DAC 5-digit purpose code`,
      );
  });
  proposal.logframe.forEach((outcome, o) =>
    outcome.indicators.forEach((indicator, i) => {
      for (const key of ['baselineDate', 'targetDate'] as const) {
        const date = indicator[key];
        if (date !== undefined && !isCalendarDate(date))
          throw new ProposalRuleError(
            field(`logframe.${o}.indicators.${i}.${key}`),
            `${date} is no calendar date`,
          );
      }
    }),
  );
}

/** Refuses the partners the application found the knowledge base has not published, each by its field. */
export function checkPartners(
  proposal: ProposalDefinition,
  unknownPartners: readonly string[],
  prefix = '',
): void {
  const unknown = proposal.partnerInstitutionIds
    .map((institutionId, i) => ({ field: `${prefix}partnerInstitutionIds.${i}`, institutionId }))
    .filter((p) => unknownPartners.includes(p.institutionId));
  if (unknown.length) throw new UnknownPartnerInstitutionError(unknown);
}

/**
 * Refuses ratings of criteria outside the policy, a criterion rated twice,
 * ratings off the scale (whole numbers from min to max), and with `complete`
 * any criterion of the policy left unrated.
 */
export function checkRatings(
  policy: ReviewPolicy,
  ratings: readonly CriterionRating[],
  complete: boolean,
): void {
  if (ratings.length === 0) throw new ProposalRuleError('ratings', 'Rate at least one criterion');
  const criteria = policy.criteria.map((c) => c.criterion as string);
  const { min, max } = policy.scale;
  ratings.forEach((r, i) => {
    if (!criteria.includes(r.criterion))
      throw new ProposalRuleError(
        `ratings.${i}.criterion`,
        `${r.criterion} is not a criterion of the review policy (version ${policy.version})`,
      );
    if (ratings.findIndex((other) => other.criterion === r.criterion) !== i)
      throw new ProposalRuleError(
        `ratings.${i}.criterion`,
        `${labelOf(CRITERION_LABELS, r.criterion)} is rated twice`,
      );
    if (!Number.isInteger(r.rating) || r.rating < min || r.rating > max)
      throw new ProposalRuleError(
        `ratings.${i}.rating`,
        `Rate ${labelOf(CRITERION_LABELS, r.criterion)} with a whole number from ${min} to ${max} (${r.rating} is not)`,
      );
  });
  if (complete) {
    const missing = unratedCriteria(policy, ratings);
    if (missing.length)
      throw new ProposalRuleError(
        'ratings',
        `Rate every criterion: ${listInWords(missing.map((c) => labelOf(CRITERION_LABELS, c)))} ${missing.length === 1 ? 'is' : 'are'} not rated`,
      );
  }
}

function money(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}
