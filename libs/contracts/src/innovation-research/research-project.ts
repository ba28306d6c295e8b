import type { LibraryTheme, Outcome } from '../knowledge-base/library';
import type {
  CostBenefitParty,
  DecentWorkDeficit,
  DeliverableKind,
  ExpectedDirection,
  FindingVerdict,
  FundingSourceKind,
  InnovationKind,
  QuasiExperimentalMethod,
  RecommendationAudience,
  ResearchDesignMethod,
  SurveyRoundKind,
  TeamRole,
} from './reference-data';
import type { ResearchPhase } from './research-project.lifecycle';

/** A hypothesis, with the outcome indicator that tests it and the direction it expects. */
export interface Hypothesis {
  /** Stable within its project (e.g. "H1"): findings name it. */
  hypothesisId: string;
  statement: string;
  /** The knowledge base's outcome family (income, child labour, …). */
  outcome: Outcome;
  /** The indicator measured, with its unit (e.g. "hours worked by children 5–17 per week"). */
  indicator: string;
  expectedDirection: ExpectedDirection;
}

/** How the effect is identified: an RCT names its unit of randomisation; a quasi-experiment its method. */
export interface ResearchDesign {
  method: ResearchDesignMethod;
  unitOfRandomisation?: string;
  quasiExperimentalMethod?: QuasiExperimentalMethod;
  /** Clusters randomised or matched, if the design has them. */
  clusters?: number;
}

export interface FundingSource {
  kind: FundingSourceKind;
  funder: string;
  amount: number;
}

export interface TeamMember {
  name: string;
  role: TeamRole;
  organisation?: string;
}

/** What a research project is: proposed with it, revised while its design is open. */
export interface ResearchProjectDefinition {
  title: string;
  researchQuestion: string;
  hypotheses: Hypothesis[];
  innovation: { kind: InnovationKind; description: string };
  themes: LibraryTheme[];
  deficits: DecentWorkDeficit[];
  /** Knowledge-base institution ids, each known from the knowledge base's public events. */
  partnerInstitutionIds: string[];
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  design: ResearchDesign;
  /** ISO 4217 currency of the budget and its funding sources. */
  currency: string;
  budget: number;
  fundingSources: FundingSource[];
  team: TeamMember[];
  /** Planned dates, YYYY-MM-DD. */
  plannedStart: string;
  plannedEnd: string;
}

/** A document a milestone delivered. */
export interface Deliverable {
  title: string;
  kind: DeliverableKind;
  url: string;
}

export interface Milestone {
  milestoneId: string;
  phase: ResearchPhase;
  title: string;
  plannedOn: string;
}

/** A survey round as fielded: the baseline, or follow-up number n. */
export interface FieldedSurveyRound {
  kind: SurveyRoundKind;
  /** 0 for the baseline, 1, 2, … for the follow-ups. */
  number: number;
  completedOn: string;
  sample: { treatment: number; comparison: number };
  note?: string;
}

/** The estimated effect: size with unit, its standard error if known, and its 95 % confidence interval. */
export interface EffectEstimate {
  size: number;
  unit: string;
  standardError?: number;
  confidenceInterval: { lower: number; upper: number };
}

/** What a follow-up round says of a hypothesis. Refused without its sample sizes and interval. */
export interface ResearchFinding {
  hypothesisId: string;
  verdict: FindingVerdict;
  /** The follow-up round the estimate comes from (1, 2, …). */
  surveyRound: number;
  effect: EffectEstimate;
  sample: { treatment: number; comparison: number };
  note?: string;
}

/** One flow of a cost-benefit analysis: an amount in a year of the horizon (0 = now, undiscounted). */
export interface CostBenefitFlow {
  party: CostBenefitParty;
  label: string;
  year: number;
  amount: number;
}

/** What an analyst enters: the flows, the horizon and the discount rate. NPV and B/C are computed from it. */
export interface CostBenefitInput {
  currency: string;
  horizonYears: number;
  /** A fraction: 0.06 is 6 % a year. */
  discountRate: number;
  costs: CostBenefitFlow[];
  benefits: CostBenefitFlow[];
}

export interface Recommendation {
  audience: RecommendationAudience;
  text: string;
}
