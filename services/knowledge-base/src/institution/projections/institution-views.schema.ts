import { Type, type Static } from '@sinclair/typebox';
import { COMPARATORS, INSTITUTION_STATUSES, INDICATORS, TARGET_STATUSES } from '@sfp/contracts';
import {
  RatiosSchema,
  ReportPeriodSchema,
} from '../../performance-report/domain/report-figures.schema';
import {
  IsoDateString,
  IsoDateTime,
  PageOf,
  StringEnum,
  sameShape,
} from '../../shared/http/schema-helpers';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../../shared/domain/reference-data';
import type { InstitutionDetails } from '../domain/institution-details';
import type {
  InstitutionProfile,
  ProfileTarget,
  SeriesPoint,
} from './institution-profile.projection';
import type { IrisValue } from './iris-export';

/**
 * The schemas of the institutions' answers: what they are registered with,
 * their profiles (the `kb-institution-profiles` view) and their IRIS+ export.
 * Each is checked against the type the code builds, at compile time.
 */

/** What an institution is registered with (@sfp/contracts InstitutionDetails). */
export const InstitutionDetailsSchema = Type.Object({
  name: Type.String(),
  kind: StringEnum(INSTITUTION_KINDS),
  legalType: StringEnum(LEGAL_TYPES),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  region: StringEnum(REGIONS),
  programmes: Type.Array(Type.String(), {
    description: 'Programmes the institution takes part in',
  }),
  reportingDepartment: Type.Optional(
    Type.String({ description: 'The department or office that reports on it (absent: none)' }),
  ),
});
sameShape<Static<typeof InstitutionDetailsSchema>, InstitutionDetails>(true);

export const InstitutionStatusSchema = StringEnum(INSTITUTION_STATUSES, {
  description: 'registered → active → suspended ⇄ active → closed',
});

/** One report in an institution's ratio series, at its current version. */
export const SeriesPointSchema = Type.Object({
  reportId: Type.String(),
  period: ReportPeriodSchema,
  year: Type.Integer({ description: 'The year the period ends in' }),
  version: Type.Integer({ minimum: 1 }),
  currency: Type.String({ description: 'ISO 4217' }),
  ratios: RatiosSchema,
  restated: Type.Boolean(),
});
sameShape<Static<typeof SeriesPointSchema>, SeriesPoint>(true);

/** One of the institution's own targets, with its current status. */
export const ProfileTargetSchema = Type.Object({
  targetId: Type.String({ format: 'uuid' }),
  indicator: StringEnum(INDICATORS),
  comparator: StringEnum(COMPARATORS),
  threshold: Type.Number(),
  tolerance: Type.Number({ minimum: 0 }),
  dueDate: IsoDateString('Judged on the latest report(s) ending on or before this date'),
  status: StringEnum(TARGET_STATUSES),
  value: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], {
      description: 'The observed value; null when there is none',
    }),
  ),
  active: Type.Boolean({ description: 'false once withdrawn' }),
  statusChangedAt: Type.Optional(IsoDateTime()),
});
sameShape<Static<typeof ProfileTargetSchema>, ProfileTarget>(true);

const profileFields = {
  institutionId: Type.String({ format: 'uuid' }),
  ...InstitutionDetailsSchema.properties,
  status: InstitutionStatusSchema,
  registeredAt: IsoDateTime(),
  lastActivityAt: IsoDateTime(),
  latestPeriodEnd: Type.Optional(IsoDateString('End of the latest report’s period')),
  reports: Type.Integer({ minimum: 0 }),
  targets: Type.Array(ProfileTargetSchema),
  targetsOffTrack: Type.Integer({ minimum: 0, description: 'Active targets off track' }),
};

/** An institution as analysts read it (a document of the profiles view). */
export const InstitutionProfileSchema = Type.Object({
  ...profileFields,
  series: Type.Array(SeriesPointSchema, {
    description: 'Reports by period end, oldest first, each at its current version',
  }),
});
sameShape<Static<typeof InstitutionProfileSchema>, InstitutionProfile>(true);

const Position = Type.Integer({
  minimum: 0,
  description: 'The global position the view had applied for this document',
});

/** GET /institutions/{id}/profile. */
export const InstitutionProfileAnswerSchema = Type.Object(
  { ...InstitutionProfileSchema.properties, position: Position },
  { title: 'InstitutionProfile' },
);
export type InstitutionProfileAnswer = Static<typeof InstitutionProfileAnswerSchema>;

/** An item of GET /institutions: the profile without its series, with the latest point of it. */
export const InstitutionListItemSchema = Type.Object({
  ...profileFields,
  latest: Type.Optional(SeriesPointSchema),
  position: Position,
});
export type InstitutionListItem = Static<typeof InstitutionListItemSchema>;

export const InstitutionListPageSchema = PageOf(InstitutionListItemSchema, 'InstitutionPage');

/** One IRIS+ metric value of one report. */
export const IrisValueSchema = Type.Object({
  irisId: Type.String({ description: 'The IRIS+ metric id, e.g. PI8732' }),
  metric: Type.String(),
  reportId: Type.String(),
  periodStart: IsoDateString(),
  periodEnd: IsoDateString(),
  value: Type.Union([Type.Number(), Type.Null()]),
  unit: Type.String({ description: 'people, fraction or currency' }),
  currency: Type.Optional(Type.String({ description: 'ISO 4217, for amounts' })),
  reason: Type.Optional(Type.String({ description: 'Why the value is null' })),
});
sameShape<Static<typeof IrisValueSchema>, IrisValue>(true);

/** GET /institutions/{id}/iris. */
export const InstitutionIrisSchema = Type.Object(
  {
    institutionId: Type.String({ format: 'uuid' }),
    name: Type.String(),
    country: Type.String(),
    values: Type.Array(IrisValueSchema, { description: 'One per report and metric' }),
  },
  { title: 'InstitutionIris' },
);
export type InstitutionIris = Static<typeof InstitutionIrisSchema>;
