/**
 * The innovation-research context's reference data: what is studied, why,
 * and how. The research service decides by these lists; the console shows the
 * same (with its own labels). Outcomes and themes are the knowledge base's
 * (OUTCOMES, LIBRARY_THEMES), so published findings land in its library as
 * they are.
 */

/** What the innovation under study is: a financial product, a policy, or a way of delivering services. */
export const INNOVATION_KINDS = ['product', 'policy', 'delivery-channel'] as const;
export type InnovationKind = (typeof INNOVATION_KINDS)[number];

/** The decent-work deficits a project addresses. */
export const DECENT_WORK_DEFICITS = [
  'vulnerability',
  'child-labour',
  'informality',
  'occupational-safety-and-health',
  'working-poverty',
  'gender-gaps',
  'youth-unemployment',
  'social-protection-gaps',
] as const;
export type DecentWorkDeficit = (typeof DECENT_WORK_DEFICITS)[number];

/** How the effect is identified. */
export const RESEARCH_DESIGNS = [
  'rct',
  'quasi-experimental',
  'before-after',
  'qualitative',
] as const;
export type ResearchDesignMethod = (typeof RESEARCH_DESIGNS)[number];

/** The method of a quasi-experimental design (the knowledge base's designs of the same name). */
export const QUASI_EXPERIMENTAL_METHODS = [
  'difference-in-differences',
  'matching',
  'regression-discontinuity',
] as const;
export type QuasiExperimentalMethod = (typeof QUASI_EXPERIMENTAL_METHODS)[number];

/** Which way a hypothesis expects its outcome indicator to move. */
export const EXPECTED_DIRECTIONS = ['increase', 'decrease'] as const;
export type ExpectedDirection = (typeof EXPECTED_DIRECTIONS)[number];

/** Where a project's money comes from. */
export const FUNDING_SOURCE_KINDS = [
  'regular-budget',
  'extra-budgetary',
  'donor',
  'partner-contribution',
  'research-grant',
] as const;
export type FundingSourceKind = (typeof FUNDING_SOURCE_KINDS)[number];

export const TEAM_ROLES = [
  'principal-investigator',
  'co-investigator',
  'research-assistant',
  'field-coordinator',
  'partner-liaison',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** What a milestone delivers. */
export const DELIVERABLE_KINDS = [
  'concept-note',
  'pre-analysis-plan',
  'questionnaire',
  'survey-dataset',
  'report',
  'working-paper',
  'policy-brief',
  'presentation',
] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

/** The survey rounds of a project: one baseline, then follow-ups numbered from 1. */
export const SURVEY_ROUND_KINDS = ['baseline', 'follow-up'] as const;
export type SurveyRoundKind = (typeof SURVEY_ROUND_KINDS)[number];

/** What a finding says of its hypothesis. Null and negative results are published like any other. */
export const FINDING_VERDICTS = ['supported', 'not-supported', 'inconclusive'] as const;
export type FindingVerdict = (typeof FINDING_VERDICTS)[number];

/** Who bears a cost or gains a benefit in a cost-benefit analysis. */
export const COST_BENEFIT_PARTIES = ['institution', 'clients', 'government', 'donor'] as const;
export type CostBenefitParty = (typeof COST_BENEFIT_PARTIES)[number];

/** Whom a recommendation is for. */
export const RECOMMENDATION_AUDIENCES = ['policy', 'practice'] as const;
export type RecommendationAudience = (typeof RECOMMENDATION_AUDIENCES)[number];

/** The level of the confidence intervals findings carry. */
export const CONFIDENCE_LEVEL = 0.95;
/** The two-sided 97.5 % quantile of the standard normal: a 95 % interval is the estimate ± this many standard errors. */
export const Z_95 = 1.959963984540054;
