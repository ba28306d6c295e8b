import { Type, type Static } from '@sinclair/typebox';
import { HistoryEntrySchema } from '../../shared/http/command-answers.schema';
import { sameShape } from '../../shared/http/schema-helpers';
import type { KnownInstitution } from '../domain/institution.decider';
import {
  InstitutionDetailsSchema,
  InstitutionStatusSchema,
} from '../projections/institution-views.schema';

/** An institution as its own stream says (always current). */
export const KnownInstitutionSchema = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  status: InstitutionStatusSchema,
  ...InstitutionDetailsSchema.properties,
});
sameShape<Static<typeof KnownInstitutionSchema>, KnownInstitution>(true);

/** GET /institutions/{id}: the institution, its version (the ETag) and its whole history. */
export const InstitutionDetailSchema = Type.Object(
  {
    ...KnownInstitutionSchema.properties,
    streamVersion: Type.Integer({
      minimum: 1,
      description: 'The institution’s version (its ETag)',
    }),
    history: Type.Array(HistoryEntrySchema, {
      description: 'Every event of its stream, oldest first',
    }),
  },
  { title: 'InstitutionDetail' },
);
export type InstitutionDetail = Static<typeof InstitutionDetailSchema>;
