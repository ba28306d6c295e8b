import { Type, type Static } from '@sinclair/typebox';
import {
  CONSTITUENTS,
  DELIVERY_CHANNELS,
  FINANCIAL_INSTRUMENTS,
  PRICING_POLICIES,
  PROPOSAL_CHANNELS,
  PROPOSAL_STATUSES,
  RED_FLAGS,
  REGIONS,
  REVIEW_DECISIONS,
  THEMES,
  TOOL_KINDS,
  type PartnerRatios,
  type ProposalDefinition,
  type QualityPartnerView,
  type QualityProposalDetail,
  type QualityProposalDiff,
  type QualityProposalListEntry,
} from '@sfp/contracts';
import { IsoDateTime, PageOf, sameShape, StringEnum } from '@sfp/service-kit';

const Country = () => Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Day = (description?: string) =>
  Type.String({ format: 'date', ...(description ? { description } : {}) });
const Fraction = (description: string) => Type.Number({ description });
const Score = (description = 'Weighted score, 0–100') =>
  Type.Number({ minimum: 0, maximum: 100, description });

export const ProposalDefinitionSchema = Type.Object(
  {
    title: Type.String(),
    description: Type.String(),
    department: Type.String(),
    countries: Type.Array(Country()),
    themes: Type.Array(StringEnum(THEMES)),
    currency: Type.String({ description: 'ISO 4217' }),
    budget: Type.Number({ minimum: 0 }),
    budgetUsd: Type.Number({ minimum: 0, description: 'The budget in US dollars' }),
    durationMonths: Type.Integer({ minimum: 1 }),
    plannedStart: Day(),
    financialComponent: Type.Object({
      instrument: StringEnum(FINANCIAL_INSTRUMENTS),
      channel: StringEnum(DELIVERY_CHANNELS),
      pricingPolicy: StringEnum(PRICING_POLICIES),
      interestRateCap: Type.Optional(Fraction('Annual cap, a fraction (0.18 = 18 %)')),
      amount: Type.Number({ minimum: 0 }),
      coFinancing: Type.Optional(Type.Number({ minimum: 0 })),
      description: Type.String(),
    }),
    partnerInstitutionIds: Type.Array(Type.String(), { description: 'Knowledge-base ids' }),
    logframe: Type.Array(
      Type.Object({
        outcome: Type.String(),
        indicators: Type.Array(
          Type.Object({
            indicator: Type.String(),
            unit: Type.String(),
            baseline: Type.Number(),
            baselineDate: Type.Optional(Day()),
            target: Type.Number(),
            targetDate: Type.Optional(Day()),
            meansOfVerification: Type.String(),
          }),
        ),
      }),
    ),
    exitStrategy: Type.String({ description: 'Empty when the proposal has none' }),
    constituents: Type.Array(StringEnum(CONSTITUENTS)),
    genderOutcomes: Type.String(),
    decentWorkOutcomes: Type.String(),
    participatingOrganisations: Type.Array(
      Type.Object({
        name: Type.String(),
        role: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)], {
          description: 'IATI role: 1 funding, 2 accountable, 3 extending, 4 implementing',
        }),
        ref: Type.Optional(Type.String()),
      }),
    ),
    sectors: Type.Array(Type.String({ description: 'OECD DAC 5-digit purpose code' })),
    iatiIdentifier: Type.Optional(Type.String()),
  },
  { title: 'QualityProposalDefinition' },
);

export const PartnerRatiosSchema = Type.Object(
  {
    institutionId: Type.String(),
    name: Type.String(),
    reportId: Type.String(),
    reportVersion: Type.Integer({ minimum: 1, description: '1 filed, +1 per restatement' }),
    periodEnd: Day('The end of the period reported'),
    reportedAt: IsoDateTime('When the knowledge base recorded this version'),
    par30: Type.Optional(Fraction('Portfolio at risk over 30 days, a fraction')),
    operationalSelfSufficiency: Type.Optional(Fraction('A fraction (1 = 100 %)')),
    operatingExpenseRatio: Type.Optional(Fraction('A fraction')),
  },
  { title: 'QualityPartnerRatios' },
);

const RatingSchema = Type.Object({
  criterion: Type.String(),
  rating: Type.Number(),
  comment: Type.Optional(Type.String()),
});

const RedFlagSchema = Type.Object({
  flag: StringEnum(RED_FLAGS),
  detail: Type.String(),
  institutionId: Type.Optional(Type.String()),
});

const DecisionSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  reviewNumber: Type.Integer({ minimum: 1 }),
  decision: StringEnum(REVIEW_DECISIONS),
  reasons: Type.Array(Type.String()),
  conditions: Type.Array(Type.String()),
  score: Score(),
  redFlags: Type.Array(RedFlagSchema),
  turnaroundWorkingDays: Type.Integer({ minimum: 0 }),
  withinServiceLevel: Type.Boolean(),
  decidedBy: Type.String(),
  decidedAt: IsoDateTime(),
});

const ReviewSchema = Type.Object({
  reviewNumber: Type.Integer({ minimum: 1 }),
  version: Type.Integer({ minimum: 1, description: 'The version reviewed' }),
  policyVersion: Type.Integer({ minimum: 1, description: 'The review policy it keeps' }),
  reviewers: Type.Array(Type.String()),
  secondReviewerRequired: Type.Boolean(),
  partnerRatios: Type.Array(
    Type.Composite([
      PartnerRatiosSchema,
      Type.Object({
        newerReportAvailable: Type.Boolean({
          description: 'The knowledge base has published a newer report since it was frozen',
        }),
        latest: Type.Optional(
          Type.Object({
            reportId: Type.String(),
            reportVersion: Type.Integer({ minimum: 1 }),
            periodEnd: Day(),
            reportedAt: IsoDateTime(),
          }),
        ),
      }),
    ]),
    { description: 'As frozen when the review started' },
  ),
  partnersWithoutReport: Type.Array(Type.String()),
  redFlags: Type.Array(RedFlagSchema),
  reviews: Type.Array(
    Type.Object({
      reviewer: Type.String(),
      ratings: Type.Array(RatingSchema),
      score: Type.Optional(Score('Once every criterion is rated')),
      submitted: Type.Boolean(),
      summary: Type.Optional(Type.String()),
      ratedAt: Type.Optional(IsoDateTime()),
      submittedAt: Type.Optional(IsoDateTime()),
    }),
  ),
  reconciliation: Type.Optional(
    Type.Object({
      ratings: Type.Array(RatingSchema),
      score: Score(),
      divergentCriteria: Type.Array(Type.String()),
      note: Type.String(),
      reconciledBy: Type.String(),
      reconciledAt: IsoDateTime(),
    }),
  ),
  score: Type.Optional(Score('Decided, reconciled, or the mean of the submitted reviews')),
  decision: Type.Optional(DecisionSchema),
  startedBy: Type.String(),
  startedAt: IsoDateTime(),
});

/** GET /proposals/{id}. */
export const QualityProposalDetailSchema = Type.Object(
  {
    proposalId: Type.String(),
    streamVersion: Type.Integer({ minimum: 1, description: 'The proposal’s ETag' }),
    status: StringEnum(PROPOSAL_STATUSES),
    version: Type.Integer({ minimum: 1, description: 'The current version' }),
    proposal: ProposalDefinitionSchema,
    origin: Type.Object({
      channel: StringEnum(PROPOSAL_CHANNELS),
      submittedBy: Type.String(),
    }),
    versions: Type.Array(
      Type.Object({
        version: Type.Integer({ minimum: 1 }),
        proposal: ProposalDefinitionSchema,
        submittedAt: IsoDateTime(),
        submittedBy: Type.String(),
        changeNote: Type.Optional(Type.String()),
      }),
    ),
    reviews: Type.Array(ReviewSchema, { description: 'Oldest first' }),
    decisions: Type.Array(DecisionSchema),
    linkages: Type.Array(
      Type.Object({
        toolRef: Type.String(),
        kind: StringEnum(TOOL_KINDS),
        toolId: Type.String(),
        context: Type.String(),
        toolTitle: Type.String(),
        state: StringEnum(['accepted', 'dismissed'] as const),
        score: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
        reason: Type.Optional(Type.String()),
        note: Type.Optional(Type.String()),
        dismissReason: Type.Optional(Type.String()),
        by: Type.String(),
        at: IsoDateTime(),
      }),
    ),
    serviceLevel: Type.Object({
      workingDays: Type.Integer({ minimum: 0, description: 'The service level' }),
      submittedAt: IsoDateTime(),
      dueOn: Day(),
      workingDaysElapsed: Type.Integer({
        minimum: 0,
        description: 'To the decision, or to today while open',
      }),
      overdue: Type.Boolean(),
      met: Type.Optional(Type.Boolean()),
    }),
    withdrawal: Type.Optional(
      Type.Object({
        reason: Type.String(),
        withdrawnBy: Type.String(),
        withdrawnAt: IsoDateTime(),
      }),
    ),
    submittedAt: IsoDateTime('When the current version was submitted'),
    updatedAt: IsoDateTime(),
  },
  { title: 'QualityProposalDetail' },
);

/** One proposal of GET /proposals. */
export const QualityProposalListEntrySchema = Type.Object(
  {
    proposalId: Type.String(),
    title: Type.String(),
    status: StringEnum(PROPOSAL_STATUSES),
    version: Type.Integer({ minimum: 1 }),
    department: Type.String(),
    instrument: StringEnum(FINANCIAL_INSTRUMENTS),
    channel: StringEnum(DELIVERY_CHANNELS),
    pricingPolicy: StringEnum(PRICING_POLICIES),
    countries: Type.Array(Country()),
    regions: Type.Array(Type.String({ description: `One of ${REGIONS.join(', ')}` })),
    currency: Type.String(),
    budget: Type.Number(),
    budgetUsd: Type.Number(),
    reviewers: Type.Array(Type.String()),
    redFlags: Type.Integer({ minimum: 0 }),
    score: Type.Optional(Score()),
    submittedAt: IsoDateTime('When the current version was submitted'),
    dueOn: Day('The service level’s due date'),
    ageWorkingDays: Type.Integer({ minimum: 0, description: 'To the decision, or to today' }),
    overdue: Type.Boolean(),
    decided: Type.Boolean(),
    decision: Type.Optional(StringEnum(REVIEW_DECISIONS)),
    decidedAt: Type.Optional(IsoDateTime()),
    turnaroundWorkingDays: Type.Optional(Type.Integer({ minimum: 0 })),
    withinServiceLevel: Type.Optional(Type.Boolean()),
    updatedAt: IsoDateTime(),
  },
  { title: 'QualityProposalListEntry' },
);
export const QualityProposalPageSchema = PageOf(
  QualityProposalListEntrySchema,
  'QualityProposalPage',
);

/** GET /proposals/{id}/diff. */
export const QualityProposalDiffSchema = Type.Object(
  {
    proposalId: Type.String(),
    from: Type.Integer({ minimum: 1 }),
    to: Type.Integer({ minimum: 1 }),
    changes: Type.Array(
      Type.Object({
        field: Type.String({ description: 'The path, e.g. logframe.0.indicators.1.target' }),
        label: Type.String({ description: 'The field in words' }),
        before: Type.Unknown({ description: 'Absent when added' }),
        after: Type.Unknown({ description: 'Absent when removed' }),
      }),
    ),
    previousReview: Type.Optional(
      Type.Object({
        reviewNumber: Type.Integer({ minimum: 1 }),
        decision: Type.Optional(StringEnum(REVIEW_DECISIONS)),
        reasons: Type.Array(Type.String()),
        conditions: Type.Array(Type.String()),
        comments: Type.Array(
          Type.Object({
            criterion: Type.String(),
            reviewer: Type.String(),
            rating: Type.Number(),
            comment: Type.String(),
          }),
        ),
        summaries: Type.Array(Type.Object({ reviewer: Type.String(), summary: Type.String() })),
      }),
    ),
  },
  { title: 'QualityProposalDiff' },
);

/** GET /partners/{institutionId}. */
export const QualityPartnerSchema = Type.Object(
  {
    institutionId: Type.String(),
    name: Type.Optional(Type.String()),
    country: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
    ratios: Type.Optional(PartnerRatiosSchema),
    updatedAt: IsoDateTime(),
  },
  { title: 'QualityPartner' },
);

sameShape<Static<typeof ProposalDefinitionSchema>, ProposalDefinition>(true);
sameShape<Static<typeof PartnerRatiosSchema>, PartnerRatios>(true);
sameShape<Static<typeof QualityProposalDetailSchema>, QualityProposalDetail>(true);
sameShape<Static<typeof QualityProposalListEntrySchema>, QualityProposalListEntry>(true);
sameShape<Static<typeof QualityProposalDiffSchema>, QualityProposalDiff>(true);
sameShape<Static<typeof QualityPartnerSchema>, QualityPartnerView>(true);
