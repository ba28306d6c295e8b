/**
 * The innovation-research API's answers (GET /projects, /projects/{id},
 * /portfolio, /milestones, /findings, /cost-benefit, /partner-institutions),
 * as the console reads them.
 */
import type { LibraryTheme, Outcome } from '../knowledge-base/library';
import type { CostBenefitResult } from './cost-benefit';
import type {
  DecentWorkDeficit,
  ExpectedDirection,
  FindingVerdict,
  InnovationKind,
  ResearchDesignMethod,
} from './reference-data';
import type { ResearchPhase, ResearchProjectStatus } from './research-project.lifecycle';
import type {
  CostBenefitInput,
  Deliverable,
  FieldedSurveyRound,
  Hypothesis,
  Recommendation,
  ResearchFinding,
  ResearchProjectDefinition,
} from './research-project';

/** One project of the portfolio list: what the list shows and filters on. */
export interface ResearchProjectListEntry {
  projectId: string;
  title: string;
  status: ResearchProjectStatus;
  /** The phase it is in, or had when it was suspended or abandoned. */
  phase: ResearchPhase;
  innovationKind: InnovationKind;
  themes: LibraryTheme[];
  deficits: DecentWorkDeficit[];
  countries: string[];
  design: ResearchDesignMethod;
  partnerInstitutionIds: string[];
  plannedStart: string;
  plannedEnd: string;
  /** Milestones planned and open past their date (flagged by the slippage check). */
  slippingMilestones: number;
  /** The latest published version, if any. */
  publicationVersion?: number;
  proposedAt: string;
  updatedAt: string;
}

/** One step of the phase timeline: the phase (or suspended/abandoned status) entered, when, by whom. */
export interface ResearchPhaseTimelineEntry {
  phase: ResearchProjectStatus;
  from: string;
  by: string;
  reason?: string;
}

export type MilestoneState = 'planned' | 'done' | 'slipping';

/** A milestone of a project, with its state and, if late, by how many days. */
export interface ResearchMilestoneView {
  milestoneId: string;
  phase: ResearchPhase;
  title: string;
  plannedOn: string;
  completedOn?: string;
  state: MilestoneState;
  /** Done late: days between planned and actual; open past its date: days to today. */
  daysLate?: number;
  deliverables: Deliverable[];
  /** Reschedulings, oldest first. */
  reschedulings: Array<{ from: string; to: string; reason: string }>;
}

/** A finding as recorded, with when. */
export interface ResearchFindingView extends ResearchFinding {
  recordedAt: string;
}

/** A hypothesis with its latest finding, if it has one. */
export interface ResearchHypothesisView extends Hypothesis {
  finding?: ResearchFindingView;
}

/** One published version of a project's findings. */
export interface ResearchPublicationView {
  version: number;
  on: string;
  summary: string;
  correctionReason?: string;
  outcome: 'completed' | 'abandoned';
}

/** A project as read from its stream: everything the project page shows. */
export interface ResearchProjectDetail {
  projectId: string;
  /** The project's version: its ETag, for If-Match. */
  version: number;
  definition: ResearchProjectDefinition;
  status: ResearchProjectStatus;
  phase: ResearchPhase;
  timeline: ResearchPhaseTimelineEntry[];
  designApproval?: { note: string; by: string; at: string };
  suspension?: { reason: string; by: string; at: string };
  abandonment?: { reason: string; by: string; at: string };
  milestones: ResearchMilestoneView[];
  surveyRounds: FieldedSurveyRound[];
  hypotheses: ResearchHypothesisView[];
  costBenefit?: { input: CostBenefitInput; result: CostBenefitResult; recordedAt: string };
  recommendations: Recommendation[];
  publications: ResearchPublicationView[];
  proposedBy: string;
  proposedAt: string;
  updatedAt: string;
}

/** A count of projects under one label of a dimension. */
export interface ResearchPortfolioCount<K extends string = string> {
  key: K;
  projects: number;
}

/** A project with at least one slipping milestone. */
export interface ResearchProjectAtRisk {
  projectId: string;
  title: string;
  status: ResearchProjectStatus;
  slippingMilestones: number;
  /** The most days late among its slipping milestones (from today). */
  maxDaysLate: number;
}

/** The portfolio in counts: by status, theme, deficit, country, design and innovation kind. */
export interface ResearchPortfolioSummary {
  projects: number;
  byStatus: ResearchPortfolioCount<ResearchProjectStatus>[];
  byTheme: ResearchPortfolioCount<LibraryTheme>[];
  byDeficit: ResearchPortfolioCount<DecentWorkDeficit>[];
  byCountry: ResearchPortfolioCount[];
  byDesign: ResearchPortfolioCount<ResearchDesignMethod>[];
  byInnovationKind: ResearchPortfolioCount<InnovationKind>[];
  atRisk: ResearchProjectAtRisk[];
}

/** One milestone of the calendar. */
export interface MilestoneCalendarEntry {
  projectId: string;
  milestoneId: string;
  projectTitle: string;
  phase: ResearchPhase;
  title: string;
  plannedOn: string;
  completedOn?: string;
  state: MilestoneState;
  daysLate?: number;
  deliverables: Deliverable[];
}

/** One published finding of the findings library: a project × hypothesis, latest version. */
export interface FindingsLibraryEntry {
  projectId: string;
  projectTitle: string;
  publicationVersion: number;
  publishedOn: string;
  hypothesisId: string;
  statement: string;
  outcome: Outcome;
  indicator: string;
  expectedDirection: ExpectedDirection;
  verdict: FindingVerdict;
  surveyRound: number;
  effect: ResearchFinding['effect'];
  sample: ResearchFinding['sample'];
  note?: string;
  innovationKind: InnovationKind;
  themes: LibraryTheme[];
  countries: string[];
  design: ResearchDesignMethod;
}

/** One project's cost-benefit headline. */
export interface CostBenefitProjectEntry {
  projectId: string;
  title: string;
  innovationKind: InnovationKind;
  currency: string;
  discountRate: number;
  horizonYears: number;
  netPresentValue: number;
  benefitCostRatio: number | null;
  presentValueOfCosts: number;
  presentValueOfBenefits: number;
  recordedAt: string;
}

/** Cost-benefit by innovation kind: projects, median B/C (of those with costs), NPV total per currency. */
export interface CostBenefitByInnovationKind {
  innovationKind: InnovationKind;
  projects: number;
  medianBenefitCostRatio: number | null;
  netPresentValueByCurrency: Array<{ currency: string; total: number }>;
}

export interface CostBenefitSummary {
  projects: CostBenefitProjectEntry[];
  byInnovationKind: CostBenefitByInnovationKind[];
}

/** A knowledge-base institution as research knows it. */
export interface PartnerInstitutionEntry {
  institutionId: string;
  name?: string;
  country?: string;
  status: 'registered' | 'active' | 'suspended' | 'closed';
  updatedAt: string;
}
