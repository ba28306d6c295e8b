import { Type, type Static } from '@sinclair/typebox';
import { FINANCIAL_INSTRUMENTS, THEMES, TOOL_KINDS, type LinkageSuggestion } from '@sfp/contracts';
import { sameShape, StringEnum } from '@sfp/service-kit';

const LinkageMatchSchema = Type.Object({
  sharedThemes: Type.Array(StringEnum(THEMES)),
  sharedCountries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' })),
  sharedRegions: Type.Array(Type.String({ description: 'Regions (REGIONS)' })),
  sharedPartners: Type.Array(Type.String({ description: 'Knowledge-base institution ids' })),
  sharedInstruments: Type.Array(StringEnum(FINANCIAL_INSTRUMENTS)),
});

export const LinkageSuggestionSchema = Type.Object(
  {
    toolRef: Type.String({ description: '`<kind>:<id>`: what accepting or dismissing names' }),
    kind: StringEnum(TOOL_KINDS),
    toolId: Type.String({ description: 'The tool’s id in its context' }),
    context: Type.String({ description: 'The context that owns the tool' }),
    title: Type.String(),
    score: Type.Number({ minimum: 0, maximum: 1, description: 'How well it matches, 0–1' }),
    match: LinkageMatchSchema,
    reason: Type.String({ description: 'What it shares with the proposal, in words' }),
    decision: Type.Optional(
      StringEnum(['accepted', 'dismissed'] as const, {
        description: 'What a reviewer did with it',
      }),
    ),
  },
  { title: 'QualityLinkageSuggestion' },
);
sameShape<Static<typeof LinkageSuggestionSchema>, LinkageSuggestion>(true);

export const LinkageSuggestionsSchema = Type.Object(
  { items: Type.Array(LinkageSuggestionSchema) },
  { title: 'QualityLinkageSuggestions' },
);
