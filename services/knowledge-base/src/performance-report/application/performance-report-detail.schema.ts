import { Type, type Static } from '@sinclair/typebox';
import { INDICATORS } from '@sfp/contracts';
import { InstitutionDetailsSchema } from '../../institution/projections/institution-views.schema';
import { HistoryEntrySchema } from '../../shared/http/command-answers.schema';
import { IsoDateTime, StringEnum, sameShape } from '../../shared/http/schema-helpers';
import {
  FxRatesSchema,
  PerformanceInputsSchema,
  RatiosSchema,
  ReportPeriodSchema,
} from '../domain/report-figures.schema';
import type {
  PerformanceReportFiledData,
  PerformanceReportRestatedData,
} from '../domain/performance-report.events';

/** What every version of a report holds: its figures, and the ratios computed from them. */
const versionFields = {
  reportId: Type.String({ description: '<institutionId>_<period start>_<period end>' }),
  institutionId: Type.String({ format: 'uuid' }),
  version: Type.Integer({ minimum: 1, description: '1 when filed, +1 per restatement' }),
  period: ReportPeriodSchema,
  year: Type.Integer({ description: 'The year the period ends in' }),
  currency: Type.String({ description: 'ISO 4217' }),
  fx: FxRatesSchema,
  inputs: PerformanceInputsSchema,
  gniPerCapitaUsd: Type.Optional(
    Type.Number({ description: 'GNI per capita (USD) used for depth; absent when none' }),
  ),
  ratios: RatiosSchema,
  institution: InstitutionDetailsSchema,
  filingDepartment: Type.Optional(
    Type.String({ description: 'The department or office that filed this version' }),
  ),
};

/** The version filed first. */
export const FiledVersionSchema = Type.Object(
  { ...versionFields, filedBy: Type.String(), filedAt: IsoDateTime() },
  { title: 'PerformanceReportFiledVersion' },
);
sameShape<Static<typeof FiledVersionSchema>, PerformanceReportFiledData>(true);

/** A version that corrects the one before it. */
export const RestatedVersionSchema = Type.Object(
  {
    ...versionFields,
    previousVersion: Type.Integer({ minimum: 1 }),
    reason: Type.String(),
    changedRatios: Type.Array(StringEnum(INDICATORS), {
      description: 'The ratios whose value or absence changed',
    }),
    restatedBy: Type.String(),
    restatedAt: IsoDateTime(),
  },
  { title: 'PerformanceReportRestatedVersion' },
);
sameShape<Static<typeof RestatedVersionSchema>, PerformanceReportRestatedData>(true);

export const ReportVersionSchema = Type.Union([FiledVersionSchema, RestatedVersionSchema]);

/** GET /performance-reports/{reportId}: the current version, every version, and who did what. */
export const PerformanceReportDetailSchema = Type.Object(
  {
    reportId: Type.String(),
    version: Type.Integer({ minimum: 1, description: 'The current version (its ETag)' }),
    current: ReportVersionSchema,
    versions: Type.Array(ReportVersionSchema, { description: 'Every version, oldest first' }),
    history: Type.Array(HistoryEntrySchema),
  },
  { title: 'PerformanceReportDetail' },
);
export type PerformanceReportDetail = Static<typeof PerformanceReportDetailSchema>;
