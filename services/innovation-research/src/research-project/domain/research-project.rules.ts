/**
 * Rules of a well-formed project definition that field validation cannot
 * see: codes that exist, ids that are unique, dates in order, money that adds
 * up, a design that says how it identifies the effect, someone who leads it.
 * Each refusal names its field (`hypotheses.1.hypothesisId`), under `prefix`
 * when the definition is part of a larger body (`project.` for a revision).
 */
import type { ResearchProjectDefinition } from '@sfp/contracts';
import { isCalendarDate } from './research-project.dates';
import { ResearchRuleError, UnknownPartnerInstitutionError } from './research-project.errors';
import { isCountryCode, isCurrencyCode } from './research-project.reference';

const amount = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 2 });

export function checkDefinition(project: ResearchProjectDefinition, prefix = ''): void {
  const field = (path: string) => `${prefix}${path}`;

  if (project.hypotheses.length === 0)
    throw new ResearchRuleError(field('hypotheses'), 'A project tests at least one hypothesis');
  const seen = new Set<string>();
  project.hypotheses.forEach((h, i) => {
    if (seen.has(h.hypothesisId))
      throw new ResearchRuleError(
        field(`hypotheses.${i}.hypothesisId`),
        `Hypothesis id ${h.hypothesisId} is used twice: each hypothesis has its own`,
      );
    seen.add(h.hypothesisId);
  });

  project.countries.forEach((country, i) => {
    if (!isCountryCode(country))
      throw new ResearchRuleError(
        field(`countries.${i}`),
        `${country} is no ISO 3166-1 alpha-2 country code`,
      );
  });

  if (!isCurrencyCode(project.currency))
    throw new ResearchRuleError(
      field('currency'),
      `${project.currency} is no ISO 4217 currency code`,
    );

  if (!isCalendarDate(project.plannedStart))
    throw new ResearchRuleError(
      field('plannedStart'),
      `${project.plannedStart} is no calendar date`,
    );
  if (!isCalendarDate(project.plannedEnd))
    throw new ResearchRuleError(field('plannedEnd'), `${project.plannedEnd} is no calendar date`);
  if (project.plannedEnd <= project.plannedStart)
    throw new ResearchRuleError(
      field('plannedEnd'),
      `The planned end (${project.plannedEnd}) is not after the planned start (${project.plannedStart})`,
    );

  if (!Number.isFinite(project.budget) || project.budget < 0)
    throw new ResearchRuleError(field('budget'), 'The budget is an amount of zero or more');
  project.fundingSources.forEach((source, i) => {
    if (!Number.isFinite(source.amount) || source.amount < 0)
      throw new ResearchRuleError(
        field(`fundingSources.${i}.amount`),
        'A funding source brings an amount of zero or more',
      );
  });
  const funded = project.fundingSources.reduce((sum, s) => sum + s.amount, 0);
  if (funded > project.budget)
    throw new ResearchRuleError(
      field('fundingSources'),
      `The funding sources total ${project.currency} ${amount(funded)}, more than the budget of ${project.currency} ${amount(project.budget)}`,
    );

  const { design } = project;
  if (design.method === 'rct') {
    if (!design.unitOfRandomisation?.trim())
      throw new ResearchRuleError(
        field('design.unitOfRandomisation'),
        'A randomised controlled trial names its unit of randomisation',
      );
    if (design.quasiExperimentalMethod !== undefined)
      throw new ResearchRuleError(
        field('design.quasiExperimentalMethod'),
        'A randomised controlled trial has no quasi-experimental method',
      );
  } else if (design.method === 'quasi-experimental') {
    if (design.quasiExperimentalMethod === undefined)
      throw new ResearchRuleError(
        field('design.quasiExperimentalMethod'),
        'A quasi-experimental design names its method',
      );
    if (design.unitOfRandomisation !== undefined)
      throw new ResearchRuleError(
        field('design.unitOfRandomisation'),
        'A quasi-experimental design randomises nothing',
      );
  } else {
    if (design.unitOfRandomisation !== undefined)
      throw new ResearchRuleError(
        field('design.unitOfRandomisation'),
        `A ${design.method} design randomises nothing`,
      );
    if (design.quasiExperimentalMethod !== undefined)
      throw new ResearchRuleError(
        field('design.quasiExperimentalMethod'),
        `A ${design.method} design has no quasi-experimental method`,
      );
  }
  if (design.clusters !== undefined && (!Number.isInteger(design.clusters) || design.clusters < 1))
    throw new ResearchRuleError(
      field('design.clusters'),
      'Clusters are a whole number, at least 1',
    );

  if (!project.team.some((m) => m.role === 'principal-investigator'))
    throw new ResearchRuleError(field('team'), 'The team has at least one principal investigator');
}

/** Refuses the partner institutions the application found unpublished, each with its field. */
export function checkPartners(
  project: ResearchProjectDefinition,
  unknownPartners: readonly string[],
  prefix = '',
): void {
  const unknown = project.partnerInstitutionIds.flatMap((institutionId, i) =>
    unknownPartners.includes(institutionId)
      ? [{ field: `${prefix}partnerInstitutionIds.${i}`, institutionId }]
      : [],
  );
  if (unknown.length > 0) throw new UnknownPartnerInstitutionError(unknown);
}
