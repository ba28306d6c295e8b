import { Type, type Static } from '@sinclair/typebox';
import { RatiosSchema } from '../performance-report/domain/report-figures.schema';
import {
  InstitutionStatusSchema,
  ProfileTargetSchema,
} from '../institution/projections/institution-views.schema';
import { IsoDateString, StringEnum } from '../shared/http/schema-helpers';
import { REGIONS } from '../shared/domain/reference-data';
import { TargetRowSchema } from '../target/projections/target-row.schema';

/** One institution of a programme: its latest ratios and its own targets. */
export const PortfolioMemberSchema = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  status: InstitutionStatusSchema,
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  region: StringEnum(REGIONS),
  latestPeriodEnd: Type.Optional(IsoDateString('End of its latest report’s period')),
  ratios: Type.Optional(RatiosSchema),
  targets: Type.Array(ProfileTargetSchema),
});
export type PortfolioMember = Static<typeof PortfolioMemberSchema>;

/** The programme's own ratios in one year, from its members' reports added up. */
export const PortfolioYearSchema = Type.Object({
  year: Type.Integer(),
  institutions: Type.Integer({ minimum: 1, description: 'Members with a report for the year' }),
  ratios: Type.Optional(RatiosSchema),
});

/** GET /portfolios/{programme}. */
export const ProgrammePortfolioSchema = Type.Object(
  {
    programme: Type.String(),
    members: Type.Array(PortfolioMemberSchema, { description: 'By name' }),
    byYear: Type.Array(PortfolioYearSchema, { description: 'By year, oldest first' }),
    targets: Type.Array(TargetRowSchema, { description: 'The programme’s own targets' }),
  },
  { title: 'ProgrammePortfolio' },
);
export type ProgrammePortfolio = Static<typeof ProgrammePortfolioSchema>;
