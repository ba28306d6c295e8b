import type {
  AssessmentStatus,
  Design,
  Finding,
  LibraryTheme,
  Outcome,
  PracticeKind,
  SurveyRound,
} from './library.reference-data';

export interface OutcomeEstimate {
  outcome: Outcome;
  /** e.g. "ITT, OLS with strata fixed effects". */
  estimator: string;
  effectSize: number;
  standardError?: number;
  confidenceInterval?: { lower: number; upper: number; level: number };
  finding: Finding;
  note?: string;
}

/**
 * Where an entry comes from when another context made it (absent when a person
 * recorded it): research's published findings, with the version they come
 * from (a later version revises the entry) and the link back to the project.
 */
export interface LibrarySource {
  context: 'innovation-research';
  projectId: string;
  publicationVersion: number;
  /** The project's page in the console. */
  url: string;
}

export interface ImpactAssessment {
  title: string;
  summary: string;
  investigators: string[];
  country: string;
  partnerInstitutionId?: string;
  registryId?: string;
  status: AssessmentStatus;
  intervention?: { start: string; end?: string };
  surveyRounds: Array<{ round: SurveyRound; date: string }>;
  design: { method: Design; unitOfRandomisation?: string; clusters?: number };
  sample: { planned?: number; achieved?: number; takeUp?: number; attrition?: number };
  outcomes: OutcomeEstimate[];
  costBenefit?: { benefitCostRatio?: number; note?: string };
  links: Array<{ label: string; url: string }>;
  themes: LibraryTheme[];
  tags: string[];
  source?: LibrarySource;
}

export interface PracticeNote {
  title: string;
  summary: string;
  body?: string;
  practiceKind: PracticeKind;
  themes: LibraryTheme[];
  tags: string[];
  institutionIds: string[];
  assessmentIds: string[];
  source?: LibrarySource;
}
