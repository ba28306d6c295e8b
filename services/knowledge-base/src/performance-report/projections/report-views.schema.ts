import { Type, type Static } from '@sinclair/typebox';
import { INDICATORS } from '@sfp/contracts';
import type { PeerGroupStatistics, PeerStatistic } from '../../benchmark/domain/peer-statistics';
import {
  IsoDateString,
  IsoDateTime,
  PageOf,
  StringEnum,
  sameShape,
} from '../../shared/http/schema-helpers';
import {
  FxRatesSchema,
  KeyedObject,
  PerformanceInputsSchema,
  RatiosSchema,
  ReportPeriodSchema,
} from '../domain/report-figures.schema';
import type { OutreachSummaryRow } from './outreach-summary';
import type { ReportRow, ReportVersionEntry } from './performance-reports.projection';

/**
 * The schemas of the analysts' views over the reports: the list, the peer
 * benchmarks and the poverty outreach summary. Each is checked against the
 * type the code builds, at compile time.
 */

/** Who filed or restated one version of a report. */
export const ReportVersionEntrySchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  event: StringEnum(['PerformanceReportFiled', 'PerformanceReportRestated'] as const),
  at: IsoDateTime(),
  by: Type.String({ description: 'Who filed or restated it (a user or client id)' }),
  reason: Type.Optional(Type.String({ description: 'Why it was restated' })),
  changedRatios: Type.Optional(
    Type.Array(StringEnum(INDICATORS), {
      description: 'The ratios whose value or absence the restatement changed',
    }),
  ),
  filingDepartment: Type.Optional(Type.String()),
});
sameShape<Static<typeof ReportVersionEntrySchema>, ReportVersionEntry>(true);

/** A report at its current version, as the list shows it (without the normalised USD figures). */
const reportFields = {
  reportId: Type.String({ description: '<institutionId>_<period start>_<period end>' }),
  institutionId: Type.String({ format: 'uuid' }),
  institutionName: Type.String(),
  kind: Type.String({ description: 'The institution’s kind when the version was filed' }),
  legalType: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  region: Type.String(),
  reportingDepartment: Type.Optional(Type.String()),
  programmes: Type.Array(Type.String()),
  filingDepartment: Type.Optional(Type.String()),
  period: ReportPeriodSchema,
  periodStart: IsoDateString(),
  periodEnd: IsoDateString(),
  year: Type.Integer({ description: 'The year the period ends in' }),
  version: Type.Integer({ minimum: 1, description: '1 when filed, +1 per restatement' }),
  currency: Type.String({ description: 'ISO 4217' }),
  fx: FxRatesSchema,
  inputs: PerformanceInputsSchema,
  gniPerCapitaUsd: Type.Optional(
    Type.Number({ description: 'GNI per capita (USD) used for depth; absent when none' }),
  ),
  ratios: RatiosSchema,
  versions: Type.Array(ReportVersionEntrySchema),
  filedAt: IsoDateTime(),
  lastChangedAt: IsoDateTime(),
};
sameShape<Static<ReturnType<typeof Type.Object<typeof reportFields>>>, Omit<ReportRow, 'figures'>>(
  true,
);

/** An item of GET /performance-reports. */
export const ReportListItemSchema = Type.Object({
  ...reportFields,
  position: Type.Integer({
    minimum: 0,
    description: 'The global position the view had applied for this report',
  }),
});
export type ReportListItem = Static<typeof ReportListItemSchema>;

export const ReportListPageSchema = PageOf(ReportListItemSchema, 'PerformanceReportPage');

/** The distribution of one ratio in a peer group (the quartiles absent when no member has a value). */
export const PeerStatisticSchema = Type.Object({
  count: Type.Integer({ minimum: 0, description: 'Institutions with a value for the ratio' }),
  absent: Type.Integer({ minimum: 0, description: 'Institutions whose ratio is not computable' }),
  min: Type.Optional(Type.Number()),
  q1: Type.Optional(Type.Number()),
  median: Type.Optional(Type.Number()),
  q3: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
});
sameShape<Static<typeof PeerStatisticSchema>, PeerStatistic>(true);

export const PeerGroupStatisticsSchema = Type.Object({
  region: Type.String(),
  legalType: Type.String(),
  year: Type.Integer(),
  institutions: Type.Integer({ minimum: 1 }),
  ratios: KeyedObject(INDICATORS, PeerStatisticSchema),
});
sameShape<Static<typeof PeerGroupStatisticsSchema>, PeerGroupStatistics>(true);

/** GET /benchmarks. */
export const BenchmarksSchema = Type.Object(
  {
    groups: Type.Array(PeerGroupStatisticsSchema, {
      description: 'By year, region and legal type (one report per institution and year)',
    }),
  },
  { title: 'PeerBenchmarks' },
);
export type Benchmarks = Static<typeof BenchmarksSchema>;

export const OutreachSummaryRowSchema = Type.Object({
  region: Type.String(),
  year: Type.Integer(),
  institutions: Type.Integer({ minimum: 1 }),
  activeBorrowers: Type.Integer({ minimum: 0 }),
  activeWomenBorrowers: Type.Integer({ minimum: 0 }),
  womenShare: Type.Union([Type.Number(), Type.Null()], {
    description: 'Women / borrowers; null without borrowers',
  }),
  ruralClients: Type.Integer({ minimum: 0 }),
  voluntarySavers: Type.Integer({ minimum: 0 }),
  grossLoanPortfolioUsd: Type.Number({ description: 'GLP in USD (period-end rates)' }),
  averageLoanBalanceUsd: Type.Union([Type.Number(), Type.Null()], {
    description: 'Sum of GLP / sum of borrowers, USD; null without borrowers',
  }),
  medianDepth: Type.Union([Type.Number(), Type.Null()], {
    description: 'Median of the institutions’ depth (average loan balance / GNI per capita)',
  }),
  depthNotComputable: Type.Integer({
    minimum: 0,
    description: 'Institutions without a depth (no GNI per capita for the country and year)',
  }),
});
sameShape<Static<typeof OutreachSummaryRowSchema>, OutreachSummaryRow>(true);

/** GET /outreach. */
export const OutreachSchema = Type.Object(
  { items: Type.Array(OutreachSummaryRowSchema, { description: 'By year and region' }) },
  { title: 'PovertyOutreach' },
);
export type Outreach = Static<typeof OutreachSchema>;
