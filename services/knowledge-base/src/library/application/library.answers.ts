import { Type, type Static } from '@sinclair/typebox';
import type { ImpactAssessment, PracticeNote } from '../domain/library.entries';
import {
  ASSESSMENT_STATUSES,
  DESIGNS,
  FINDINGS,
  LIBRARY_THEMES,
  OUTCOMES,
  PRACTICE_KINDS,
  SURVEY_ROUNDS,
} from '../domain/library.reference-data';
import type { LibraryEntryDoc } from '../projections/library.projection';
import { HistoryEntrySchema } from '../../shared/http/command-answers.schema';
import {
  IsoDateString,
  IsoDateTime,
  PageOf,
  sameShape,
  StringEnum,
} from '../../shared/http/schema-helpers';

/** The answers of the library's routes: its entries, their lists, details and search. */

const CalendarDate = IsoDateString;

const Themes = Type.Array(StringEnum(LIBRARY_THEMES));
const Tags = Type.Array(Type.String());

export const LibrarySourceSchema = Type.Object(
  {
    context: Type.Literal('innovation-research'),
    projectId: Type.String({ description: 'The research project' }),
    publicationVersion: Type.Integer({
      minimum: 1,
      description: 'The version of its published findings the entry comes from',
    }),
    url: Type.String({ description: 'The project’s page in the console (the link back)' }),
  },
  {
    title: 'LibrarySource',
    description: 'Where an entry comes from when research made it (absent when a person did)',
  },
);

export const OutcomeEstimateSchema = Type.Object({
  outcome: StringEnum(OUTCOMES),
  estimator: Type.String({ description: 'e.g. "ITT, OLS with strata fixed effects"' }),
  effectSize: Type.Number(),
  standardError: Type.Optional(Type.Number()),
  confidenceInterval: Type.Optional(
    Type.Object({ lower: Type.Number(), upper: Type.Number(), level: Type.Number() }),
  ),
  finding: StringEnum(FINDINGS, { description: 'Null and negative results are first-class' }),
  note: Type.Optional(Type.String()),
});

export const ImpactAssessmentSchema = Type.Object(
  {
    title: Type.String(),
    summary: Type.String(),
    investigators: Type.Array(Type.String()),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    partnerInstitutionId: Type.Optional(
      Type.String({ format: 'uuid', description: 'The partner institution' }),
    ),
    registryId: Type.Optional(Type.String()),
    status: StringEnum(ASSESSMENT_STATUSES),
    intervention: Type.Optional(
      Type.Object({ start: CalendarDate(), end: Type.Optional(CalendarDate()) }),
    ),
    surveyRounds: Type.Array(
      Type.Object({ round: StringEnum(SURVEY_ROUNDS), date: CalendarDate() }),
    ),
    design: Type.Object({
      method: StringEnum(DESIGNS),
      unitOfRandomisation: Type.Optional(Type.String()),
      clusters: Type.Optional(Type.Integer()),
    }),
    sample: Type.Object({
      planned: Type.Optional(Type.Integer()),
      achieved: Type.Optional(Type.Integer()),
      takeUp: Type.Optional(Type.Number()),
      attrition: Type.Optional(Type.Number()),
    }),
    outcomes: Type.Array(OutcomeEstimateSchema),
    costBenefit: Type.Optional(
      Type.Object({
        benefitCostRatio: Type.Optional(Type.Number()),
        note: Type.Optional(Type.String()),
      }),
    ),
    links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
    themes: Themes,
    tags: Tags,
    source: Type.Optional(LibrarySourceSchema),
  },
  { title: 'ImpactAssessment' },
);

export const PracticeNoteSchema = Type.Object(
  {
    title: Type.String(),
    summary: Type.String(),
    body: Type.Optional(Type.String()),
    practiceKind: StringEnum(PRACTICE_KINDS),
    themes: Themes,
    tags: Tags,
    institutionIds: Type.Array(Type.String({ format: 'uuid' }), {
      description: 'Institutions the note is about',
    }),
    assessmentIds: Type.Array(Type.String({ format: 'uuid' }), {
      description: 'Impact assessments it draws on',
    }),
    source: Type.Optional(LibrarySourceSchema),
  },
  { title: 'PracticeNote' },
);

/** An entry as the library's lists and its search show it. */
export const LibraryEntryItemSchema = Type.Object(
  {
    kind: StringEnum(['impact-assessment', 'practice-note'] as const),
    entryId: Type.String({ format: 'uuid' }),
    key: Type.String({ description: 'The entry’s key in the library: entry|<kind>|<id>' }),
    title: Type.String(),
    summary: Type.String(),
    tags: Tags,
    themes: Themes,
    country: Type.Optional(Type.String({ description: 'An impact assessment’s country' })),
    revision: Type.Integer({ minimum: 1 }),
    recordedAt: IsoDateTime('When it was first recorded'),
    revisedAt: Type.Optional(IsoDateTime('When it was last revised')),
    source: Type.Optional(LibrarySourceSchema),
    assessment: Type.Optional(ImpactAssessmentSchema),
    note: Type.Optional(PracticeNoteSchema),
  },
  { title: 'LibraryEntryItem' },
);
export type LibraryEntryItem = Static<typeof LibraryEntryItemSchema>;

export const LibraryEntryPageSchema = PageOf(LibraryEntryItemSchema, 'LibraryEntryPage');

export const LibrarySearchAnswerSchema = Type.Object(
  {
    query: Type.String({ description: 'The words searched for, as given' }),
    items: Type.Array(
      Type.Composite([
        Type.Object({ score: Type.Number({ description: 'Higher is a better match' }) }),
        LibraryEntryItemSchema,
      ]),
      { description: 'Best matches first, at most 100' },
    ),
  },
  { title: 'LibrarySearchAnswer' },
);
export type LibrarySearchAnswer = Static<typeof LibrarySearchAnswerSchema>;

const detailOf = <
  K extends string,
  C extends typeof ImpactAssessmentSchema | typeof PracticeNoteSchema,
>(
  kind: K,
  current: C,
  title: string,
) =>
  Type.Object(
    {
      kind: Type.Literal(kind),
      streamVersion: Type.Integer({ minimum: 1, description: 'The entry’s version (its ETag)' }),
      current: current,
      history: Type.Array(HistoryEntrySchema),
    },
    { title },
  );

export const ImpactAssessmentDetailSchema = detailOf(
  'impact-assessment',
  ImpactAssessmentSchema,
  'ImpactAssessmentDetail',
);
export type ImpactAssessmentDetail = Static<typeof ImpactAssessmentDetailSchema>;

export const PracticeNoteDetailSchema = detailOf(
  'practice-note',
  PracticeNoteSchema,
  'PracticeNoteDetail',
);
export type PracticeNoteDetail = Static<typeof PracticeNoteDetailSchema>;

sameShape<Static<typeof ImpactAssessmentSchema>, ImpactAssessment>(true);
sameShape<Static<typeof PracticeNoteSchema>, PracticeNote>(true);
/** The entry of the view without what indexes it, and its key: what summaryOf answers. */
type ListedEntry = Omit<LibraryEntryDoc, 'tokens' | 'docType'> & { key: string };
sameShape<LibraryEntryItem, { [K in keyof ListedEntry]: ListedEntry[K] }>(true);
