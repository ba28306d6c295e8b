import type { Theme } from '../help-desk/reference-data';
import type {
  Constituent,
  DeliveryChannel,
  FinancialInstrument,
  PricingPolicy,
  ProposalChannel,
  RedFlag,
} from './reference-data';

/** An indicator of the logical framework, with its baseline and target (and unit). */
export interface LogframeIndicator {
  indicator: string;
  unit: string;
  baseline: number;
  /** YYYY-MM-DD of the baseline value. */
  baselineDate?: string;
  target: number;
  /** YYYY-MM-DD by which the target is to be met. */
  targetDate?: string;
  meansOfVerification: string;
}

export interface LogframeOutcome {
  outcome: string;
  indicators: LogframeIndicator[];
}

/** The financial component: instrument, channel, pricing policy and amounts (in the proposal's currency). */
export interface FinancialComponent {
  instrument: FinancialInstrument;
  channel: DeliveryChannel;
  pricingPolicy: PricingPolicy;
  /** The annual interest-rate cap (a fraction, 0.18 = 18 %), when the pricing policy is `capped`. */
  interestRateCap?: number;
  /** What the component puts into the instrument. */
  amount: number;
  /** Of which co-financing by the partners or others. */
  coFinancing?: number;
  description: string;
}

/** An organisation taking part, as IATI names its roles (1 funding, 2 accountable, 3 extending, 4 implementing). */
export interface ParticipatingOrganisation {
  name: string;
  role: 1 | 2 | 3 | 4;
  /** IATI organisation identifier, when it has one. */
  ref?: string;
}

/** What a proposal is: submitted with it, resubmitted as a new version. */
export interface ProposalDefinition {
  title: string;
  description: string;
  /** The department or office that submits it. */
  department: string;
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  themes: Theme[];
  /** ISO 4217. */
  currency: string;
  budget: number;
  /** The budget in US dollars (equal to `budget` when the currency is USD): the second-reviewer threshold reads it. */
  budgetUsd: number;
  durationMonths: number;
  /** Planned start, YYYY-MM-DD. */
  plannedStart: string;
  financialComponent: FinancialComponent;
  /** Knowledge-base institution ids, each known from the knowledge base's public events. */
  partnerInstitutionIds: string[];
  logframe: LogframeOutcome[];
  /** Empty when the proposal has none (a red flag). */
  exitStrategy: string;
  constituents: Constituent[];
  genderOutcomes: string;
  decentWorkOutcomes: string;
  participatingOrganisations: ParticipatingOrganisation[];
  /** OECD DAC 5-digit purpose codes (IATI sector vocabulary 1). */
  sectors: string[];
  /** The IATI activity identifier, when the proposal came from (or goes to) IATI. */
  iatiIdentifier?: string;
}

/** A partner's latest ratios as the knowledge base published them, frozen into a review when it starts. */
export interface PartnerRatios {
  institutionId: string;
  name: string;
  reportId: string;
  /** The report's version (1 filed, +1 per restatement). */
  reportVersion: number;
  /** The end of the period reported, YYYY-MM-DD. */
  periodEnd: string;
  /** When the knowledge base recorded this version. */
  reportedAt: string;
  /** Fractions; absent when the report could not compute them. */
  par30?: number;
  operationalSelfSufficiency?: number;
  operatingExpenseRatio?: number;
}

/** A rating of one criterion by one reviewer, with the comment the resubmission shows beside its diff. */
export interface CriterionRating {
  criterion: string;
  rating: number;
  comment?: string;
}

/** A red flag raised by the rules, with what raised it. */
export interface RaisedRedFlag {
  flag: RedFlag;
  /** e.g. "Equity Bank: PAR30 14.2 % above the 10 % threshold". */
  detail: string;
  institutionId?: string;
}

export interface ProposalOrigin {
  channel: ProposalChannel;
  /** The client or person that submitted it. */
  submittedBy: string;
}
