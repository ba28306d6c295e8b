import {
  Kind,
  Type,
  TypeRegistry,
  type Static,
  type TSchema,
  type TUnsafe,
} from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { EVALUATION_ITEMS, type TrainingStatisticsAnswer } from '@sfp/contracts';
import { CsvFile, csvHeadersOf, sameShape, type CsvColumn } from '@sfp/service-kit';
import type { StatisticsRow } from './training-statistics';

// So that TypeBox's own checks (`Value.Check`) know the kind below.
if (!TypeRegistry.Has('TrainingKeyedBy')) {
  TypeRegistry.Set<{ additionalProperties: TSchema }>(
    'TrainingKeyedBy',
    (schema, value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => Value.Check(schema.additionalProperties, v)),
  );
}

/** Figures by a key (`{ "africa": … }`): an object whose every value is a `value`. */
function KeyedBy<T extends TSchema>(
  value: T,
  description: string,
): TUnsafe<Record<string, Static<T>>> {
  return Type.Unsafe<Record<string, Static<T>>>({
    [Kind]: 'TrainingKeyedBy',
    type: 'object',
    additionalProperties: value,
    description,
  });
}

const Count = (description?: string) =>
  Type.Integer({ minimum: 0, ...(description ? { description } : {}) });
const OrNull = <T extends TSchema>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });

const CompletionSchema = Type.Object(
  {
    completed: Count(),
    failed: Count(),
    n: Count('completed + failed'),
    rate: OrNull(Type.Number({ minimum: 0, maximum: 1 }), 'completed / n; null when n is 0'),
  },
  { title: 'TrainingCompletionFigure' },
);

const GainSchema = Type.Object(
  {
    n: Count('Participants with both scores'),
    meanPreTest: OrNull(Type.Number({ minimum: 0, maximum: 100 }), 'Per cent; null when n is 0'),
    meanPostTest: OrNull(Type.Number({ minimum: 0, maximum: 100 }), 'Per cent; null when n is 0'),
    meanGain: OrNull(
      Type.Number({ minimum: -100, maximum: 100 }),
      'Mean of post − pre, in percentage points; null when n is 0',
    ),
  },
  { title: 'TrainingKnowledgeGainFigure' },
);

const MeanSchema = Type.Object(
  {
    n: Count('Answers'),
    mean: OrNull(Type.Number({ minimum: 1, maximum: 5 }), 'Likert 1–5; null when n is 0'),
  },
  { title: 'TrainingMeanFigure' },
);

/** GET /statistics: the figures of the offerings the filters select, each with its n. */
export const TrainingStatisticsSchema = Type.Object(
  {
    participants: Type.Object({
      n: Count('Enrolments that held a seat: enrolled, completed or failed'),
      byConstituentGroup: KeyedBy(
        Count(),
        'Participants by constituent group ("staff" for the organisation’s staff, "none" without a group)',
      ),
      bySex: KeyedBy(Count(), 'Participants by sex'),
      byRegion: KeyedBy(Count(), 'Participants by the region of the offering'),
      byYear: KeyedBy(Count(), 'Participants by the year the offering starts'),
    }),
    completion: Type.Object({
      overall: CompletionSchema,
      byCourseKind: KeyedBy(CompletionSchema, 'By the kind of the course revision'),
      byYear: KeyedBy(CompletionSchema, 'By the year the offering starts'),
    }),
    knowledgeGain: Type.Object({
      overall: GainSchema,
      byCourseKind: KeyedBy(GainSchema, 'By the kind of the course revision'),
    }),
    satisfaction: Type.Object({
      evaluations: Count('Questionnaires submitted (anonymous)'),
      items: Type.Object(
        Object.fromEntries(EVALUATION_ITEMS.map((item) => [item, MeanSchema])) as Record<
          (typeof EVALUATION_ITEMS)[number],
          typeof MeanSchema
        >,
      ),
    }),
    waitlists: Type.Object({
      offerings: Count('Offerings selected'),
      waitingNow: Count(
        'Enrolments waiting now for offerings still taking enrolments (planned, open or full)',
      ),
      offeringsWithWaitlist: Count('Offerings whose waitlist was ever longer than 0'),
      meanPeak: OrNull(Type.Number({ minimum: 0 }), 'Mean of each offering’s longest waitlist'),
      maxPeak: Count('The longest waitlist of any offering'),
    }),
    position: Type.Integer({
      minimum: 0,
      description: 'Position of the last event the statistics reflect',
    }),
  },
  { title: 'TrainingStatistics' },
);

export const STATISTICS_CSV_COLUMNS: CsvColumn<StatisticsRow>[] = [
  { header: 'measure', value: (r) => r.measure },
  { header: 'breakdown', value: (r) => r.breakdown },
  { header: 'key', value: (r) => r.key },
  { header: 'n', value: (r) => r.n },
  { header: 'value', value: (r) => r.value },
];

export const StatisticsCsvSchema = CsvFile(
  `CSV with the header line ${STATISTICS_CSV_COLUMNS.map((c) => c.header).join(',')}, then one line per figure (participants, completionRate, knowledgeGain, satisfaction, waitlist; an empty value where n is 0)`,
);
export const STATISTICS_CSV_HEADERS = csvHeadersOf('training-statistics.csv');

sameShape<Static<typeof TrainingStatisticsSchema>, TrainingStatisticsAnswer>(true);
