import { Type, type Static } from '@sinclair/typebox';
import {
  COST_BENEFIT_PARTIES,
  DECENT_WORK_DEFICITS,
  DELIVERABLE_KINDS,
  EXPECTED_DIRECTIONS,
  FINDING_VERDICTS,
  FUNDING_SOURCE_KINDS,
  INNOVATION_KINDS,
  LIBRARY_THEMES,
  OUTCOMES,
  QUASI_EXPERIMENTAL_METHODS,
  RECOMMENDATION_AUDIENCES,
  RESEARCH_DESIGNS,
  RESEARCH_PHASES,
  RESEARCH_PROJECT_STATUSES,
  SURVEY_ROUND_KINDS,
  TEAM_ROLES,
  type ResearchProjectDefinition,
  type ResearchProjectDetail,
  type ResearchProjectListEntry,
} from '@sfp/contracts';
import { IsoDateTime, PageOf, sameShape, StringEnum } from '@sfp/service-kit';
import { CostBenefitResultSchema } from '../application/research-project.answers';

const Country = () => Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Day = (description?: string) => Type.String({ format: 'date', description });

export const HypothesisSchema = Type.Object(
  {
    hypothesisId: Type.String(),
    statement: Type.String(),
    outcome: StringEnum(OUTCOMES),
    indicator: Type.String(),
    expectedDirection: StringEnum(EXPECTED_DIRECTIONS),
  },
  { title: 'ResearchHypothesis' },
);

export const ResearchDesignSchema = Type.Object(
  {
    method: StringEnum(RESEARCH_DESIGNS),
    unitOfRandomisation: Type.Optional(Type.String()),
    quasiExperimentalMethod: Type.Optional(StringEnum(QUASI_EXPERIMENTAL_METHODS)),
    clusters: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { title: 'ResearchDesign' },
);

export const ResearchProjectDefinitionSchema = Type.Object(
  {
    title: Type.String(),
    researchQuestion: Type.String(),
    hypotheses: Type.Array(HypothesisSchema),
    innovation: Type.Object({ kind: StringEnum(INNOVATION_KINDS), description: Type.String() }),
    themes: Type.Array(StringEnum(LIBRARY_THEMES)),
    deficits: Type.Array(StringEnum(DECENT_WORK_DEFICITS)),
    partnerInstitutionIds: Type.Array(Type.String()),
    countries: Type.Array(Country()),
    design: ResearchDesignSchema,
    currency: Type.String({ description: 'ISO 4217' }),
    budget: Type.Number({ minimum: 0 }),
    fundingSources: Type.Array(
      Type.Object({
        kind: StringEnum(FUNDING_SOURCE_KINDS),
        funder: Type.String(),
        amount: Type.Number(),
      }),
    ),
    team: Type.Array(
      Type.Object({
        name: Type.String(),
        role: StringEnum(TEAM_ROLES),
        organisation: Type.Optional(Type.String()),
      }),
    ),
    plannedStart: Day(),
    plannedEnd: Day(),
  },
  { title: 'ResearchProjectDefinition' },
);

const Sample = Type.Object({
  treatment: Type.Integer({ minimum: 1 }),
  comparison: Type.Integer({ minimum: 1 }),
});

export const EffectSchema = Type.Object(
  {
    size: Type.Number(),
    unit: Type.String(),
    standardError: Type.Optional(Type.Number({ minimum: 0 })),
    confidenceInterval: Type.Object({ lower: Type.Number(), upper: Type.Number() }),
  },
  { title: 'ResearchEffectEstimate' },
);
export const SampleSchema = Sample;

const FindingSchema = Type.Object({
  hypothesisId: Type.String(),
  verdict: StringEnum(FINDING_VERDICTS),
  surveyRound: Type.Integer({ minimum: 1 }),
  effect: EffectSchema,
  sample: Sample,
  note: Type.Optional(Type.String()),
  recordedAt: IsoDateTime(),
});

const Deliverable = Type.Object({
  title: Type.String(),
  kind: StringEnum(DELIVERABLE_KINDS),
  url: Type.String(),
});
export const DeliverableSchema = Deliverable;

const Flow = Type.Object({
  party: StringEnum(COST_BENEFIT_PARTIES),
  label: Type.String(),
  year: Type.Integer({ minimum: 0 }),
  amount: Type.Number(),
});

const By = Type.Object({ reason: Type.String(), by: Type.String(), at: IsoDateTime() });

/** GET /projects/{id}: the whole project. */
export const ResearchProjectDetailSchema = Type.Object(
  {
    projectId: Type.String(),
    version: Type.Integer({ minimum: 1, description: 'The project’s version: its ETag' }),
    definition: ResearchProjectDefinitionSchema,
    status: StringEnum(RESEARCH_PROJECT_STATUSES),
    phase: StringEnum(RESEARCH_PHASES, { description: 'The phase it is in, or had' }),
    timeline: Type.Array(
      Type.Object({
        phase: StringEnum(RESEARCH_PROJECT_STATUSES),
        from: IsoDateTime(),
        by: Type.String(),
        reason: Type.Optional(Type.String()),
      }),
    ),
    designApproval: Type.Optional(
      Type.Object({ note: Type.String(), by: Type.String(), at: IsoDateTime() }),
    ),
    suspension: Type.Optional(By),
    abandonment: Type.Optional(By),
    milestones: Type.Array(
      Type.Object({
        milestoneId: Type.String(),
        phase: StringEnum(RESEARCH_PHASES),
        title: Type.String(),
        plannedOn: Day(),
        completedOn: Type.Optional(Day()),
        state: StringEnum(['planned', 'done', 'slipping'] as const),
        daysLate: Type.Optional(
          Type.Integer({
            minimum: 0,
            description: 'Done: days after planned; open: days to today',
          }),
        ),
        deliverables: Type.Array(Deliverable),
        reschedulings: Type.Array(Type.Object({ from: Day(), to: Day(), reason: Type.String() })),
      }),
    ),
    surveyRounds: Type.Array(
      Type.Object({
        kind: StringEnum(SURVEY_ROUND_KINDS),
        number: Type.Integer({ minimum: 0 }),
        completedOn: Day(),
        sample: Sample,
        note: Type.Optional(Type.String()),
      }),
    ),
    hypotheses: Type.Array(
      Type.Object({ ...HypothesisSchema.properties, finding: Type.Optional(FindingSchema) }),
    ),
    costBenefit: Type.Optional(
      Type.Object({
        input: Type.Object({
          currency: Type.String(),
          horizonYears: Type.Integer({ minimum: 0 }),
          discountRate: Type.Number({ minimum: 0, maximum: 1 }),
          costs: Type.Array(Flow),
          benefits: Type.Array(Flow),
        }),
        result: CostBenefitResultSchema,
        recordedAt: IsoDateTime(),
      }),
    ),
    recommendations: Type.Array(
      Type.Object({ audience: StringEnum(RECOMMENDATION_AUDIENCES), text: Type.String() }),
    ),
    publications: Type.Array(
      Type.Object({
        version: Type.Integer({ minimum: 1 }),
        on: Day(),
        summary: Type.String(),
        correctionReason: Type.Optional(Type.String()),
        outcome: StringEnum(['completed', 'abandoned'] as const),
      }),
    ),
    proposedBy: Type.String(),
    proposedAt: IsoDateTime(),
    updatedAt: IsoDateTime(),
  },
  { title: 'ResearchProjectDetail' },
);

/** One project of GET /projects. */
export const ResearchProjectListEntrySchema = Type.Object(
  {
    projectId: Type.String(),
    title: Type.String(),
    status: StringEnum(RESEARCH_PROJECT_STATUSES),
    phase: StringEnum(RESEARCH_PHASES),
    innovationKind: StringEnum(INNOVATION_KINDS),
    themes: Type.Array(StringEnum(LIBRARY_THEMES)),
    deficits: Type.Array(StringEnum(DECENT_WORK_DEFICITS)),
    countries: Type.Array(Country()),
    design: StringEnum(RESEARCH_DESIGNS),
    partnerInstitutionIds: Type.Array(Type.String()),
    plannedStart: Day(),
    plannedEnd: Day(),
    slippingMilestones: Type.Integer({ minimum: 0 }),
    publicationVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    proposedAt: IsoDateTime(),
    updatedAt: IsoDateTime(),
  },
  { title: 'ResearchProjectListEntry' },
);

export const ResearchProjectPageSchema = PageOf(
  ResearchProjectListEntrySchema,
  'ResearchProjectPage',
);

// The schemas describe the types the code answers with, and nothing else.
sameShape<Static<typeof ResearchProjectDefinitionSchema>, ResearchProjectDefinition>(true);
sameShape<Static<typeof ResearchProjectDetailSchema>, ResearchProjectDetail>(true);
sameShape<Static<typeof ResearchProjectListEntrySchema>, ResearchProjectListEntry>(true);
