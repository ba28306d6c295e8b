import { Type, type Static } from '@sinclair/typebox';
import {
  FINANCIAL_INSTRUMENTS,
  REVIEW_DECISIONS,
  TOOL_KINDS,
  type InterventionTool,
  type QualityApprovalRate,
  type QualityApprovalRates,
  type QualityDeficiencies,
  type QualityLinkageEdge,
  type QualityLinkageMap,
  type QualityPortfolioSummary,
  type QualityProposalListEntry,
  type QualityTurnaroundEntry,
  type QualityTurnaroundSummary,
  THEMES,
} from '@sfp/contracts';
import {
  CsvFile,
  csvHeadersOf,
  IsoDateTime,
  PageOf,
  sameShape,
  StringEnum,
  type CsvColumn,
} from '@sfp/service-kit';

const Rate = (description: string) =>
  Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description });
const MedianDays = () =>
  Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'Median working days; null when there is no decision',
  });

/** GET /reports/turnaround. */
export const QualityTurnaroundSchema = Type.Object(
  {
    decisions: Type.Integer({ minimum: 0 }),
    medianWorkingDays: MedianDays(),
    withinServiceLevelRate: Rate('Share within the service level; null when none'),
    byDepartment: Type.Array(
      Type.Object({
        department: Type.String(),
        decisions: Type.Integer({ minimum: 0 }),
        medianWorkingDays: MedianDays(),
        withinServiceLevelRate: Rate('Share within the service level'),
      }),
    ),
    entries: Type.Array(
      Type.Object({
        proposalId: Type.String(),
        title: Type.String(),
        version: Type.Integer({ minimum: 1 }),
        department: Type.String(),
        decision: StringEnum(REVIEW_DECISIONS),
        turnaroundWorkingDays: Type.Integer({ minimum: 0 }),
        withinServiceLevel: Type.Boolean(),
        decidedAt: IsoDateTime(),
      }),
      { description: 'Each decision, oldest first' },
    ),
  },
  { title: 'QualityTurnaround' },
);

const ApprovalRateSchema = Type.Object(
  {
    key: Type.String(),
    decided: Type.Integer({ minimum: 0 }),
    approved: Type.Integer({ minimum: 0 }),
    approvedWithConditions: Type.Integer({ minimum: 0 }),
    reviseAndResubmit: Type.Integer({ minimum: 0 }),
    rejected: Type.Integer({ minimum: 0 }),
    approvalRate: Rate('(approved + approved with conditions) / decided; null when none'),
  },
  { title: 'QualityApprovalRate' },
);

/** GET /reports/approval-rates. */
export const QualityApprovalRatesSchema = Type.Object(
  {
    decided: Type.Integer({ minimum: 0 }),
    overall: ApprovalRateSchema,
    byDepartment: Type.Array(ApprovalRateSchema),
    byInstrument: Type.Array(ApprovalRateSchema, {
      description: `Keys: ${FINANCIAL_INSTRUMENTS.join(', ')}`,
    }),
  },
  { title: 'QualityApprovalRates' },
);

const Counted = Type.Object({
  key: Type.String(),
  decisions: Type.Integer({ minimum: 1 }),
  share: Type.Number({ minimum: 0, maximum: 1, description: 'Of the decisions counted' }),
});

/** GET /reports/deficiencies. */
export const QualityDeficienciesSchema = Type.Object(
  {
    decisions: Type.Integer({ minimum: 0 }),
    criteria: Type.Array(Counted, {
      description: 'Criteria rated in the bottom half of the scale, most frequent first',
    }),
    redFlags: Type.Array(Counted, { description: 'Red flags raised, most frequent first' }),
  },
  { title: 'QualityDeficiencies' },
);

const PortfolioCounts = (description: string) =>
  Type.Array(
    Type.Object({
      key: Type.String(),
      proposals: Type.Integer({ minimum: 1 }),
      amountUsd: Type.Number({ minimum: 0 }),
    }),
    { description },
  );

/** GET /reports/portfolio. */
export const QualityPortfolioSchema = Type.Object(
  {
    proposals: Type.Integer({ minimum: 0 }),
    amountUsd: Type.Number({ minimum: 0 }),
    byInstrument: PortfolioCounts('By instrument'),
    byChannel: PortfolioCounts('By delivery channel'),
    byRegion: PortfolioCounts(
      'By region; a proposal in several regions has its amount split evenly',
    ),
  },
  { title: 'QualityPortfolio' },
);

/** GET /reports/linkage-map. */
export const QualityLinkageMapSchema = Type.Object(
  {
    nodes: Type.Array(
      Type.Object({
        id: Type.String({ description: 'A proposal id, or a toolRef' }),
        type: StringEnum(['proposal', 'tool'] as const),
        label: Type.String(),
        kind: Type.Optional(StringEnum(TOOL_KINDS)),
        context: Type.Optional(Type.String()),
      }),
    ),
    edges: Type.Array(
      Type.Object({
        proposalId: Type.String(),
        toolRef: Type.String(),
        score: Type.Number({ minimum: 0, maximum: 1 }),
        reason: Type.String(),
        acceptedBy: Type.String(),
        acceptedAt: IsoDateTime(),
      }),
    ),
  },
  { title: 'QualityLinkageMap' },
);

/** One tool of GET /tools. */
export const InterventionToolSchema = Type.Object(
  {
    toolRef: Type.String({ description: '<kind>:<id>' }),
    kind: StringEnum(TOOL_KINDS),
    toolId: Type.String(),
    context: Type.String(),
    title: Type.String(),
    themes: Type.Array(StringEnum(THEMES)),
    countries: Type.Array(Type.String()),
    regions: Type.Array(Type.String()),
    partnerInstitutionIds: Type.Array(Type.String()),
    instruments: Type.Array(StringEnum(FINANCIAL_INSTRUMENTS)),
    active: Type.Boolean(),
    updatedAt: IsoDateTime(),
  },
  { title: 'QualityInterventionTool' },
);
export const InterventionToolPageSchema = PageOf(InterventionToolSchema, 'QualityToolPage');

export const PROPOSAL_CSV_COLUMNS: CsvColumn<QualityProposalListEntry>[] = [
  { header: 'proposalId', value: (p) => p.proposalId },
  { header: 'title', value: (p) => p.title },
  { header: 'status', value: (p) => p.status },
  { header: 'version', value: (p) => p.version },
  { header: 'department', value: (p) => p.department },
  { header: 'instrument', value: (p) => p.instrument },
  { header: 'channel', value: (p) => p.channel },
  { header: 'countries', value: (p) => p.countries },
  { header: 'regions', value: (p) => p.regions },
  { header: 'currency', value: (p) => p.currency },
  { header: 'budget', value: (p) => p.budget },
  { header: 'budgetUsd', value: (p) => p.budgetUsd },
  { header: 'reviewers', value: (p) => p.reviewers },
  { header: 'redFlags', value: (p) => p.redFlags },
  { header: 'score', value: (p) => p.score },
  { header: 'submittedAt', value: (p) => p.submittedAt },
  { header: 'dueOn', value: (p) => p.dueOn },
  { header: 'ageWorkingDays', value: (p) => p.ageWorkingDays },
  { header: 'overdue', value: (p) => p.overdue },
  { header: 'decision', value: (p) => p.decision },
  { header: 'decidedAt', value: (p) => p.decidedAt },
  { header: 'turnaroundWorkingDays', value: (p) => p.turnaroundWorkingDays },
  { header: 'withinServiceLevel', value: (p) => p.withinServiceLevel },
];

export const TOOL_CSV_COLUMNS: CsvColumn<InterventionTool>[] = [
  { header: 'toolRef', value: (t) => t.toolRef },
  { header: 'kind', value: (t) => t.kind },
  { header: 'context', value: (t) => t.context },
  { header: 'title', value: (t) => t.title },
  { header: 'themes', value: (t) => t.themes },
  { header: 'countries', value: (t) => t.countries },
  { header: 'regions', value: (t) => t.regions },
  { header: 'instruments', value: (t) => t.instruments },
  { header: 'active', value: (t) => t.active },
];

export const TURNAROUND_CSV_COLUMNS: CsvColumn<QualityTurnaroundEntry>[] = [
  { header: 'proposalId', value: (e) => e.proposalId },
  { header: 'title', value: (e) => e.title },
  { header: 'version', value: (e) => e.version },
  { header: 'department', value: (e) => e.department },
  { header: 'decision', value: (e) => e.decision },
  { header: 'turnaroundWorkingDays', value: (e) => e.turnaroundWorkingDays },
  { header: 'withinServiceLevel', value: (e) => e.withinServiceLevel },
  { header: 'decidedAt', value: (e) => e.decidedAt },
];

/** The approval rates' CSV: one line per dimension (all, department, instrument) and key. */
export type ApprovalRateCsvRow = QualityApprovalRate & { dimension: string };
export const APPROVAL_RATE_CSV_COLUMNS: CsvColumn<ApprovalRateCsvRow>[] = [
  { header: 'dimension', value: (r) => r.dimension },
  { header: 'key', value: (r) => r.key },
  { header: 'decided', value: (r) => r.decided },
  { header: 'approved', value: (r) => r.approved },
  { header: 'approvedWithConditions', value: (r) => r.approvedWithConditions },
  { header: 'reviseAndResubmit', value: (r) => r.reviseAndResubmit },
  { header: 'rejected', value: (r) => r.rejected },
  { header: 'approvalRate', value: (r) => r.approvalRate },
];

/** The deficiencies' CSV: one line per kind (criterion, red flag) and key. */
export interface DeficiencyCsvRow {
  kind: 'criterion' | 'red-flag';
  key: string;
  decisions: number;
  share: number;
}
export const DEFICIENCY_CSV_COLUMNS: CsvColumn<DeficiencyCsvRow>[] = [
  { header: 'kind', value: (r) => r.kind },
  { header: 'key', value: (r) => r.key },
  { header: 'decisions', value: (r) => r.decisions },
  { header: 'share', value: (r) => r.share },
];

/** The portfolio's CSV: one line per dimension (instrument, channel, region) and key. */
export interface PortfolioCsvRow {
  dimension: string;
  key: string;
  proposals: number;
  amountUsd: number;
}
export const PORTFOLIO_CSV_COLUMNS: CsvColumn<PortfolioCsvRow>[] = [
  { header: 'dimension', value: (r) => r.dimension },
  { header: 'key', value: (r) => r.key },
  { header: 'proposals', value: (r) => r.proposals },
  { header: 'amountUsd', value: (r) => r.amountUsd },
];

export const LINKAGE_CSV_COLUMNS: CsvColumn<QualityLinkageEdge>[] = [
  { header: 'proposalId', value: (e) => e.proposalId },
  { header: 'toolRef', value: (e) => e.toolRef },
  { header: 'score', value: (e) => e.score },
  { header: 'reason', value: (e) => e.reason },
  { header: 'acceptedAt', value: (e) => e.acceptedAt },
];

const csvOf = (what: string, columns: readonly CsvColumn<never>[]) =>
  CsvFile(
    `CSV with the header line ${columns.map((c) => c.header).join(',')}, then one line per ${what}`,
  );
export const ProposalCsvSchema = csvOf('proposal', PROPOSAL_CSV_COLUMNS);
export const ToolCsvSchema = csvOf('tool', TOOL_CSV_COLUMNS);
export const TurnaroundCsvSchema = csvOf('decision', TURNAROUND_CSV_COLUMNS);
export const ApprovalRateCsvSchema = csvOf('dimension and key', APPROVAL_RATE_CSV_COLUMNS);
export const DeficiencyCsvSchema = csvOf('criterion or red flag', DEFICIENCY_CSV_COLUMNS);
export const PortfolioCsvSchema = csvOf('dimension and key', PORTFOLIO_CSV_COLUMNS);
export const LinkageCsvSchema = csvOf('accepted link', LINKAGE_CSV_COLUMNS);
export const csvHeaders = (file: string, paged: boolean) => csvHeadersOf(file, { paged });

sameShape<Static<typeof QualityTurnaroundSchema>, QualityTurnaroundSummary>(true);
sameShape<Static<typeof QualityApprovalRatesSchema>, QualityApprovalRates>(true);
sameShape<Static<typeof QualityDeficienciesSchema>, QualityDeficiencies>(true);
sameShape<Static<typeof QualityPortfolioSchema>, QualityPortfolioSummary>(true);
sameShape<Static<typeof QualityLinkageMapSchema>, QualityLinkageMap>(true);
sameShape<Static<typeof InterventionToolSchema>, InterventionTool>(true);
