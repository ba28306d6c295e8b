import { Type, type Static } from '@sinclair/typebox';

/** POST /personal-data/erasures: whose data was erased, and whether anything was held. */
export const ErasureResultSchema = Type.Object(
  {
    personId: Type.String({ description: 'The pseudonymous id of the person the e-mail names' }),
    erased: Type.Boolean({
      description: 'false when nothing was held for the person (nothing to erase)',
    }),
  },
  { title: 'TrainingErasureResult' },
);
export type ErasureResult = Static<typeof ErasureResultSchema>;
