import { Type, type Static } from '@sinclair/typebox';
import {
  DECENT_WORK_DEFICITS,
  EXPECTED_DIRECTIONS,
  FINDING_VERDICTS,
  INNOVATION_KINDS,
  LIBRARY_THEMES,
  OUTCOMES,
  RESEARCH_DESIGNS,
  RESEARCH_PHASES,
  RESEARCH_PROJECT_STATUSES,
  type CostBenefitProjectEntry,
  type CostBenefitSummary,
  type FindingsLibraryEntry,
  type MilestoneCalendarEntry,
  type ResearchPortfolioSummary,
} from '@sfp/contracts';
import type { CsvColumn } from '@sfp/service-kit';
import {
  CsvFile,
  csvHeadersOf,
  IsoDateTime,
  PageOf,
  sameShape,
  StringEnum,
} from '@sfp/service-kit';
import type { TSchema } from '@sinclair/typebox';
import { DeliverableSchema, EffectSchema, SampleSchema } from './research-project.schemas';

const Day = (description?: string) => Type.String({ format: 'date', description });
const Country = () => Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Counts = <T extends TSchema>(key: T) =>
  Type.Array(Type.Object({ key, projects: Type.Integer({ minimum: 1 }) }));

/** GET /portfolio. */
export const ResearchPortfolioSummarySchema = Type.Object(
  {
    projects: Type.Integer({ minimum: 0 }),
    byStatus: Counts(StringEnum(RESEARCH_PROJECT_STATUSES)),
    byTheme: Counts(StringEnum(LIBRARY_THEMES)),
    byDeficit: Counts(StringEnum(DECENT_WORK_DEFICITS)),
    byCountry: Counts(Type.String()),
    byDesign: Counts(StringEnum(RESEARCH_DESIGNS)),
    byInnovationKind: Counts(StringEnum(INNOVATION_KINDS)),
    atRisk: Type.Array(
      Type.Object({
        projectId: Type.String(),
        title: Type.String(),
        status: StringEnum(RESEARCH_PROJECT_STATUSES),
        slippingMilestones: Type.Integer({ minimum: 1 }),
        maxDaysLate: Type.Integer({ minimum: 0, description: 'As of today' }),
      }),
      { description: 'Projects with a slipping milestone, most late first' },
    ),
  },
  { title: 'ResearchPortfolioSummary' },
);

/** One milestone of GET /milestones. */
export const MilestoneCalendarEntrySchema = Type.Object(
  {
    projectId: Type.String(),
    milestoneId: Type.String(),
    projectTitle: Type.String(),
    phase: StringEnum(RESEARCH_PHASES),
    title: Type.String(),
    plannedOn: Day(),
    completedOn: Type.Optional(Day()),
    state: StringEnum(['planned', 'done', 'slipping'] as const),
    daysLate: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Done: days after planned; open: days to today' }),
    ),
    deliverables: Type.Array(DeliverableSchema),
  },
  { title: 'ResearchMilestoneCalendarEntry' },
);
export const MilestoneCalendarPageSchema = PageOf(
  MilestoneCalendarEntrySchema,
  'ResearchMilestoneCalendarPage',
);

/** One published finding of GET /findings. */
export const FindingsLibraryEntrySchema = Type.Object(
  {
    projectId: Type.String(),
    projectTitle: Type.String(),
    publicationVersion: Type.Integer({ minimum: 1 }),
    publishedOn: Day(),
    hypothesisId: Type.String(),
    statement: Type.String(),
    outcome: StringEnum(OUTCOMES),
    indicator: Type.String(),
    expectedDirection: StringEnum(EXPECTED_DIRECTIONS),
    verdict: StringEnum(FINDING_VERDICTS),
    surveyRound: Type.Integer({ minimum: 1 }),
    effect: EffectSchema,
    sample: SampleSchema,
    note: Type.Optional(Type.String()),
    innovationKind: StringEnum(INNOVATION_KINDS),
    themes: Type.Array(StringEnum(LIBRARY_THEMES)),
    countries: Type.Array(Country()),
    design: StringEnum(RESEARCH_DESIGNS),
  },
  { title: 'ResearchFindingsLibraryEntry' },
);
export const FindingsLibraryPageSchema = PageOf(
  FindingsLibraryEntrySchema,
  'ResearchFindingsLibraryPage',
);

const CostBenefitProjectSchema = Type.Object(
  {
    projectId: Type.String(),
    title: Type.String(),
    innovationKind: StringEnum(INNOVATION_KINDS),
    currency: Type.String({ description: 'ISO 4217' }),
    discountRate: Type.Number({ minimum: 0, maximum: 1, description: 'A fraction a year' }),
    horizonYears: Type.Integer({ minimum: 0 }),
    netPresentValue: Type.Number(),
    benefitCostRatio: Type.Union([Type.Number(), Type.Null()], {
      description: 'null when there is no cost',
    }),
    presentValueOfCosts: Type.Number(),
    presentValueOfBenefits: Type.Number(),
    recordedAt: IsoDateTime(),
  },
  { title: 'ResearchCostBenefitProject' },
);

/** GET /cost-benefit. */
export const CostBenefitSummarySchema = Type.Object(
  {
    projects: Type.Array(CostBenefitProjectSchema),
    byInnovationKind: Type.Array(
      Type.Object({
        innovationKind: StringEnum(INNOVATION_KINDS),
        projects: Type.Integer({ minimum: 1 }),
        medianBenefitCostRatio: Type.Union([Type.Number(), Type.Null()], {
          description: 'Of the projects with costs; null when none has',
        }),
        netPresentValueByCurrency: Type.Array(
          Type.Object({ currency: Type.String(), total: Type.Number() }),
          { description: 'Never added across currencies' },
        ),
      }),
    ),
  },
  { title: 'ResearchCostBenefitSummary' },
);

export const MILESTONE_CSV_COLUMNS: CsvColumn<MilestoneCalendarEntry>[] = [
  { header: 'projectId', value: (m) => m.projectId },
  { header: 'projectTitle', value: (m) => m.projectTitle },
  { header: 'milestoneId', value: (m) => m.milestoneId },
  { header: 'phase', value: (m) => m.phase },
  { header: 'title', value: (m) => m.title },
  { header: 'plannedOn', value: (m) => m.plannedOn },
  { header: 'completedOn', value: (m) => m.completedOn },
  { header: 'state', value: (m) => m.state },
  { header: 'daysLate', value: (m) => m.daysLate },
  { header: 'deliverables', value: (m) => m.deliverables.map((d) => d.title) },
];

export const FINDING_CSV_COLUMNS: CsvColumn<FindingsLibraryEntry>[] = [
  { header: 'projectId', value: (f) => f.projectId },
  { header: 'projectTitle', value: (f) => f.projectTitle },
  { header: 'publicationVersion', value: (f) => f.publicationVersion },
  { header: 'publishedOn', value: (f) => f.publishedOn },
  { header: 'hypothesisId', value: (f) => f.hypothesisId },
  { header: 'statement', value: (f) => f.statement },
  { header: 'outcome', value: (f) => f.outcome },
  { header: 'indicator', value: (f) => f.indicator },
  { header: 'verdict', value: (f) => f.verdict },
  { header: 'surveyRound', value: (f) => f.surveyRound },
  { header: 'effectSize', value: (f) => f.effect.size },
  { header: 'effectUnit', value: (f) => f.effect.unit },
  { header: 'ciLower', value: (f) => f.effect.confidenceInterval.lower },
  { header: 'ciUpper', value: (f) => f.effect.confidenceInterval.upper },
  { header: 'treatment', value: (f) => f.sample.treatment },
  { header: 'comparison', value: (f) => f.sample.comparison },
  { header: 'countries', value: (f) => f.countries },
];

export const COST_BENEFIT_CSV_COLUMNS: CsvColumn<CostBenefitProjectEntry>[] = [
  { header: 'projectId', value: (p) => p.projectId },
  { header: 'title', value: (p) => p.title },
  { header: 'innovationKind', value: (p) => p.innovationKind },
  { header: 'currency', value: (p) => p.currency },
  { header: 'discountRate', value: (p) => p.discountRate },
  { header: 'horizonYears', value: (p) => p.horizonYears },
  { header: 'netPresentValue', value: (p) => p.netPresentValue },
  { header: 'benefitCostRatio', value: (p) => p.benefitCostRatio },
];

/** The portfolio's CSV: one line per dimension and key. */
export interface PortfolioCsvRow {
  dimension: string;
  key: string;
  projects: number;
}
export const PORTFOLIO_CSV_COLUMNS: CsvColumn<PortfolioCsvRow>[] = [
  { header: 'dimension', value: (r) => r.dimension },
  { header: 'key', value: (r) => r.key },
  { header: 'projects', value: (r) => r.projects },
];

const csvOf = (what: string, columns: readonly CsvColumn<never>[]) =>
  CsvFile(
    `CSV with the header line ${columns.map((c) => c.header).join(',')}, then one line per ${what}`,
  );
export const MilestoneCsvSchema = csvOf('milestone', MILESTONE_CSV_COLUMNS);
export const FindingCsvSchema = csvOf('finding', FINDING_CSV_COLUMNS);
export const CostBenefitCsvSchema = csvOf('project with an analysis', COST_BENEFIT_CSV_COLUMNS);
export const PortfolioCsvSchema = csvOf('dimension and key', PORTFOLIO_CSV_COLUMNS);
export const csvHeaders = (file: string, paged: boolean) => csvHeadersOf(file, { paged });

sameShape<Static<typeof ResearchPortfolioSummarySchema>, ResearchPortfolioSummary>(true);
sameShape<Static<typeof MilestoneCalendarEntrySchema>, MilestoneCalendarEntry>(true);
sameShape<Static<typeof FindingsLibraryEntrySchema>, FindingsLibraryEntry>(true);
sameShape<Static<typeof CostBenefitSummarySchema>, CostBenefitSummary>(true);
