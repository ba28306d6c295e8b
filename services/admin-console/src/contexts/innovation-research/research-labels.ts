// How the research pages name the context's codes (@sfp/contracts): each a
// label a reader knows ("Follow-up survey", "Randomised controlled trial"),
// never the code itself.
import type {
  CostBenefitParty,
  DecentWorkDeficit,
  DeliverableKind,
  ExpectedDirection,
  FindingVerdict,
  FundingSourceKind,
  InnovationKind,
  LibraryTheme,
  MilestoneState,
  Outcome,
  QuasiExperimentalMethod,
  RecommendationAudience,
  ResearchDesignMethod,
  ResearchProjectStatus,
  SurveyRoundKind,
  TeamRole,
} from '@sfp/contracts';

export const STATUS_LABELS: Record<ResearchProjectStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  'diagnostic-survey': 'Diagnostic survey',
  'innovation-design': 'Design of the innovation',
  'baseline-survey': 'Baseline survey',
  pilot: 'Pilot',
  'follow-up-survey': 'Follow-up survey',
  'impact-analysis': 'Impact analysis',
  'cost-benefit-analysis': 'Cost-benefit analysis',
  'findings-published': 'Findings published',
  closed: 'Closed',
  suspended: 'Suspended',
  abandoned: 'Abandoned',
};

export const STATUS_BADGES: Record<ResearchProjectStatus, string> = {
  proposed: 'warn',
  approved: 'good',
  'diagnostic-survey': 'good',
  'innovation-design': 'good',
  'baseline-survey': 'good',
  pilot: 'good',
  'follow-up-survey': 'good',
  'impact-analysis': 'good',
  'cost-benefit-analysis': 'good',
  'findings-published': 'good',
  closed: 'warn',
  suspended: 'warn',
  abandoned: 'bad',
};

export const INNOVATION_KIND_LABELS: Record<InnovationKind, string> = {
  product: 'Financial product',
  policy: 'Policy',
  'delivery-channel': 'Delivery channel',
};

export const DEFICIT_LABELS: Record<DecentWorkDeficit, string> = {
  vulnerability: 'Vulnerability',
  'child-labour': 'Child labour',
  informality: 'Informality',
  'occupational-safety-and-health': 'Occupational safety and health',
  'working-poverty': 'Working poverty',
  'gender-gaps': 'Gender gaps',
  'youth-unemployment': 'Youth unemployment',
  'social-protection-gaps': 'Social protection gaps',
};

export const DESIGN_LABELS: Record<ResearchDesignMethod, string> = {
  rct: 'Randomised controlled trial',
  'quasi-experimental': 'Quasi-experimental',
  'before-after': 'Before and after',
  qualitative: 'Qualitative',
};

export const QUASI_METHOD_LABELS: Record<QuasiExperimentalMethod, string> = {
  'difference-in-differences': 'Difference in differences',
  matching: 'Matching',
  'regression-discontinuity': 'Regression discontinuity',
};

export const DIRECTION_LABELS: Record<ExpectedDirection, string> = {
  increase: 'Increase',
  decrease: 'Decrease',
};

export const FUNDING_LABELS: Record<FundingSourceKind, string> = {
  'regular-budget': 'Regular budget',
  'extra-budgetary': 'Extra-budgetary',
  donor: 'Donor',
  'partner-contribution': 'Partner contribution',
  'research-grant': 'Research grant',
};

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  'principal-investigator': 'Principal investigator',
  'co-investigator': 'Co-investigator',
  'research-assistant': 'Research assistant',
  'field-coordinator': 'Field coordinator',
  'partner-liaison': 'Partner liaison',
};

export const DELIVERABLE_LABELS: Record<DeliverableKind, string> = {
  'concept-note': 'Concept note',
  'pre-analysis-plan': 'Pre-analysis plan',
  questionnaire: 'Questionnaire',
  'survey-dataset': 'Survey dataset',
  report: 'Report',
  'working-paper': 'Working paper',
  'policy-brief': 'Policy brief',
  presentation: 'Presentation',
};

export const SURVEY_ROUND_LABELS: Record<SurveyRoundKind, string> = {
  baseline: 'Baseline',
  'follow-up': 'Follow-up',
};

export const VERDICT_LABELS: Record<FindingVerdict, string> = {
  supported: 'Supported',
  'not-supported': 'Not supported',
  inconclusive: 'Inconclusive',
};

export const VERDICT_BADGES: Record<FindingVerdict, string> = {
  supported: 'good',
  'not-supported': 'bad',
  inconclusive: 'warn',
};

export const PARTY_LABELS: Record<CostBenefitParty, string> = {
  institution: 'Institution',
  clients: 'Clients',
  government: 'Government',
  donor: 'Donor',
};

export const AUDIENCE_LABELS: Record<RecommendationAudience, string> = {
  policy: 'Policy',
  practice: 'Practice',
};

export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  planned: 'Planned',
  done: 'Done',
  slipping: 'Slipping',
};

export const MILESTONE_STATE_BADGES: Record<MilestoneState, string> = {
  planned: 'warn',
  done: 'good',
  slipping: 'bad',
};

export const THEME_LABELS: Record<LibraryTheme, string> = {
  vulnerability: 'Vulnerability',
  'business-performance': 'Business performance',
  'child-labour': 'Child labour',
  formalisation: 'Formalisation',
  gender: 'Gender',
  youth: 'Youth',
  microinsurance: 'Microinsurance',
  'client-protection': 'Client protection',
  'green-finance': 'Green finance',
  'occupational-safety-and-health': 'Occupational safety and health',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  income: 'Income',
  'business-profit': 'Business profit',
  consumption: 'Consumption',
  assets: 'Assets',
  'womens-decision-making': 'Women’s decision-making',
  'child-labour': 'Child labour',
  'occupational-safety-and-health': 'Occupational safety and health',
  formalisation: 'Formalisation',
  vulnerability: 'Vulnerability',
  other: 'Other',
};

/** "Follow-up 2", "Baseline". */
export function surveyRoundName(number: number): string {
  return number === 0 ? 'Baseline' : `Follow-up ${number}`;
}

/** A country by name ("Kenya"), or its code when the browser has no name for it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
