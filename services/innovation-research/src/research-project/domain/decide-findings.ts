/** Findings per hypothesis, the cost-benefit analysis, recommendations. */
import { costBenefitOf, Z_95, type CostBenefitFlow, type ResearchFinding } from '@sfp/contracts';
import type {
  RecordCostBenefit,
  RecordFinding,
  RecordRecommendations,
} from './research-project.commands';
import { ResearchRuleError } from './research-project.errors';
import {
  CostBenefitAnalysed,
  FindingRecorded,
  RecommendationsRecorded,
  type ResearchProjectEvent,
} from './research-project.events';
import { isCurrencyCode } from './research-project.reference';
import { checkSample } from './decide-phases';
import { followUpsOf, hypothesisOf, type ResearchProject } from './research-project.state';

type EnteredEffect = RecordFinding['finding']['effect'];

/** An interval as a person reads it: bounds to 4 significant digits. */
const shown = (interval: { lower: number; upper: number }) =>
  `[${Number(interval.lower.toPrecision(4))}, ${Number(interval.upper.toPrecision(4))}]`;

/**
 * The 95 % confidence interval of an effect: the one entered, or size ± Z_95·SE
 * from its standard error; refused with neither.
 */
export function confidenceIntervalOf(effect: EnteredEffect): { lower: number; upper: number } {
  if (effect.confidenceInterval) return effect.confidenceInterval;
  if (effect.standardError !== undefined)
    return {
      lower: effect.size - Z_95 * effect.standardError,
      upper: effect.size + Z_95 * effect.standardError,
    };
  throw new ResearchRuleError(
    'effect.confidenceInterval',
    'A finding carries its 95 % confidence interval or the standard error of its effect',
  );
}

export function recordFinding(
  command: RecordFinding,
  project: ResearchProject,
): ResearchProjectEvent[] {
  const entered = command.finding;
  const hypothesis = hypothesisOf(project, entered.hypothesisId);
  if (!followUpsOf(project).some((r) => r.number === entered.surveyRound))
    throw new ResearchRuleError(
      'surveyRound',
      `Follow-up round ${entered.surveyRound} is not recorded: a finding comes from a recorded follow-up`,
    );
  checkSample(entered.sample, 'sample');
  const { effect } = entered;
  if (!Number.isFinite(effect.size))
    throw new ResearchRuleError('effect.size', 'The effect size is a number');
  if (
    effect.standardError !== undefined &&
    (!Number.isFinite(effect.standardError) || effect.standardError < 0)
  )
    throw new ResearchRuleError('effect.standardError', 'A standard error is zero or more');
  const interval = confidenceIntervalOf(effect);
  if (
    !Number.isFinite(interval.lower) ||
    !Number.isFinite(interval.upper) ||
    interval.lower > interval.upper
  )
    throw new ResearchRuleError(
      'effect.confidenceInterval',
      'The interval runs from its lower bound up to its upper bound',
    );
  if (effect.size < interval.lower || effect.size > interval.upper)
    throw new ResearchRuleError(
      'effect.confidenceInterval',
      `The interval ${shown(interval)} does not contain the effect size ${effect.size}`,
    );
  if (entered.verdict === 'supported') {
    const excludesZero =
      hypothesis.expectedDirection === 'increase' ? interval.lower > 0 : interval.upper < 0;
    if (!excludesZero)
      throw new ResearchRuleError(
        'verdict',
        `A supported ${hypothesis.expectedDirection} needs an interval wholly ${
          hypothesis.expectedDirection === 'increase' ? 'above' : 'below'
        } zero; ${shown(interval)} is not`,
      );
  }
  const finding: ResearchFinding = {
    hypothesisId: entered.hypothesisId,
    verdict: entered.verdict,
    surveyRound: entered.surveyRound,
    effect: {
      size: effect.size,
      unit: effect.unit,
      ...(effect.standardError !== undefined ? { standardError: effect.standardError } : {}),
      confidenceInterval: { lower: interval.lower, upper: interval.upper },
    },
    sample: { treatment: entered.sample.treatment, comparison: entered.sample.comparison },
    ...(entered.note !== undefined ? { note: entered.note } : {}),
  };
  return [
    FindingRecorded.of({
      projectId: project.projectId,
      finding,
      recordedBy: command.by,
      recordedAt: command.at,
    }),
  ];
}

/** The flows as entered and what they come to (costBenefitOf), never typed in. */
export function recordCostBenefit(
  command: RecordCostBenefit,
  project: ResearchProject,
): ResearchProjectEvent[] {
  const { input } = command;
  if (!isCurrencyCode(input.currency))
    throw new ResearchRuleError('currency', `${input.currency} is no ISO 4217 currency code`);
  if (!Number.isInteger(input.horizonYears) || input.horizonYears < 0)
    throw new ResearchRuleError('horizonYears', 'The horizon is a whole number of years');
  if (!Number.isFinite(input.discountRate) || input.discountRate < 0 || input.discountRate > 1)
    throw new ResearchRuleError(
      'discountRate',
      'The discount rate is a fraction between 0 and 1 (0.06 is 6 %)',
    );
  const checkFlows = (flows: CostBenefitFlow[], side: 'costs' | 'benefits') =>
    flows.forEach((flow, i) => {
      if (!Number.isInteger(flow.year) || flow.year < 0 || flow.year > input.horizonYears)
        throw new ResearchRuleError(
          `${side}.${i}.year`,
          `A flow falls in a year of the horizon, 0 to ${input.horizonYears}`,
        );
      if (!Number.isFinite(flow.amount) || flow.amount < 0)
        throw new ResearchRuleError(`${side}.${i}.amount`, 'A flow is an amount of zero or more');
    });
  checkFlows(input.costs, 'costs');
  checkFlows(input.benefits, 'benefits');
  return [
    CostBenefitAnalysed.of({
      projectId: project.projectId,
      input,
      result: costBenefitOf(input),
      analysedBy: command.by,
      analysedAt: command.at,
    }),
  ];
}

/** The recommendations as a whole: they replace those recorded before. */
export function recordRecommendations(
  command: RecordRecommendations,
  project: ResearchProject,
): ResearchProjectEvent[] {
  if (command.recommendations.length === 0)
    throw new ResearchRuleError('recommendations', 'Record at least one recommendation');
  return [
    RecommendationsRecorded.of({
      projectId: project.projectId,
      recommendations: command.recommendations,
      recordedBy: command.by,
      recordedAt: command.at,
    }),
  ];
}
