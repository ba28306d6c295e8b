import { Type, type Static } from '@sinclair/typebox';
import { sameShape } from '@sfp/service-kit';
import { ProposalDefinitionSchema } from '../proposal/projections/quality-proposal.schemas';
import type { IatiImport } from './iati-import';

const IndicatorSchema =
  ProposalDefinitionSchema.properties.logframe.items.properties.indicators.items;

/** The answer of POST /iati/activities: the proposal as far as the file gives it, what it lacks, the caveats. */
export const IatiImportSchema = Type.Object(
  {
    proposal: Type.Composite(
      [
        Type.Partial(Type.Omit(ProposalDefinitionSchema, ['logframe'])),
        Type.Object({
          logframe: Type.Optional(
            Type.Array(
              Type.Object({
                outcome: Type.String(),
                indicators: Type.Array(
                  Type.Object({
                    ...Type.Partial(IndicatorSchema).properties,
                    indicator: IndicatorSchema.properties.indicator,
                  }),
                ),
              }),
            ),
          ),
        }),
      ],
      {
        description:
          'The proposal as far as the IATI activity gives it (and, from a file this platform exported, its extension): always the title and the IATI identifier',
      },
    ),
    missing: Type.Array(Type.String(), {
      description:
        'The fields the file does not give, as dotted paths of the proposal (e.g. `financialComponent`, `logframe.0.indicators.1.unit`): the console asks for them before submitting',
    }),
    warnings: Type.Array(Type.String(), {
      description:
        'What was read with a caveat or left out (another sector vocabulary, a region, …), in words',
    }),
  },
  { title: 'IatiImport' },
);
sameShape<Static<typeof IatiImportSchema>, IatiImport>(true);
