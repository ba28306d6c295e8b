import type { LibraryTheme } from '../knowledge-base/library';
import type { CostBenefitResult } from './cost-benefit';
import type { DecentWorkDeficit, InnovationKind } from './reference-data';
import type {
  CostBenefitInput,
  Hypothesis,
  Recommendation,
  ResearchDesign,
  ResearchFinding,
  FieldedSurveyRound,
  TeamMember,
} from './research-project';

/**
 * What a project publishes (`innovation-research.FindingsPublished`, a public
 * event): everything a reader needs without asking the research service. The
 * knowledge base turns it into impact assessments of the partner institutions
 * and a practice note. A correction is a new version of the same project: its
 * readers revise what they made of the previous one.
 */
export interface ResearchPublication {
  projectId: string;
  /** 1 for the first publication, then 2, 3, … for each correction. */
  version: number;
  /** Why this version replaces the previous one (absent on version 1). */
  correctionReason?: string;
  /** completed: published at the end of its analysis; abandoned: what an abandoned project learnt. */
  outcome: 'completed' | 'abandoned';
  abandonedReason?: string;
  title: string;
  summary: string;
  researchQuestion: string;
  innovation: { kind: InnovationKind; description: string };
  themes: LibraryTheme[];
  deficits: DecentWorkDeficit[];
  countries: string[];
  partnerInstitutionIds: string[];
  design: ResearchDesign;
  team: TeamMember[];
  surveyRounds: FieldedSurveyRound[];
  /** Each hypothesis with its latest finding, if it has one. */
  hypotheses: Array<Hypothesis & { finding?: ResearchFinding }>;
  costBenefit?: { input: CostBenefitInput; result: CostBenefitResult };
  recommendations: Recommendation[];
  publishedOn: string;
}
