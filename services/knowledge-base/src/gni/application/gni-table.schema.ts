import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, sameShape } from '../../shared/http/schema-helpers';
import type { GniRow } from '../projections/gni-table.projection';

/** One country's GNI per capita in one year (@sfp/contracts GniRow). */
export const GniRowSchema = Type.Object({
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  year: Type.Integer(),
  usd: Type.Number({ description: 'GNI per capita, current USD (Atlas method)' }),
  source: Type.String(),
  recordedAt: IsoDateTime(),
});
sameShape<Static<typeof GniRowSchema>, GniRow>(true);

/** GET /reference/gni-per-capita: by country, then year. */
export const GniTableSchema = Type.Object(
  { items: Type.Array(GniRowSchema) },
  { title: 'GniPerCapitaTable' },
);
export type GniTable = Static<typeof GniTableSchema>;
