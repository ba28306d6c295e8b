import { Type, type Static } from '@sinclair/typebox';
import type { ReportingView } from '../registry/reporting-view';
import type { ViewQueryAnswer } from './reporting-reader';

/**
 * What the analyst query API answers: the catalogue of views and a query's
 * result, as JSON Schemas the OpenAPI document publishes. The code's types are
 * checked against them at compile time (ViewQueryAnswer) or derived from them
 * (ViewDescription).
 */

export const VIEW_FIELD_TYPES = [
  'string',
  'number',
  'boolean',
  'timestamp',
  'string-list',
] as const;

export const ViewFieldDescriptionSchema = Type.Object(
  {
    name: Type.String({ description: 'The name to filter, group and sort by' }),
    type: Type.Union(
      VIEW_FIELD_TYPES.map((t) => Type.Literal(t)),
      {
        description:
          'string, number, boolean: eq, in, ranges (not boolean), group, sort; timestamp: ISO 8601, group by year/quarter/month/day; string-list: eq (contains), in',
      },
    ),
    description: Type.String(),
  },
  { title: 'ViewField' },
);

export const ViewDescriptionSchema = Type.Object(
  {
    name: Type.String({ description: 'The name in the API: /views/<name>' }),
    context: Type.String({ description: 'The context whose public events build it' }),
    title: Type.String(),
    description: Type.String(),
    projection: Type.String({ description: 'The projection that builds it' }),
    fields: Type.Array(ViewFieldDescriptionSchema, { description: 'Its queryable fields' }),
  },
  { title: 'ReportingView' },
);
export type ViewDescription = Static<typeof ViewDescriptionSchema>;

export const ViewCatalogueSchema = Type.Object(
  { views: Type.Array(ViewDescriptionSchema) },
  { title: 'ReportingViewCatalogue' },
);
export type ViewCatalogue = Static<typeof ViewCatalogueSchema>;

/** A view as the catalogue describes it. */
export function describeView(view: ReportingView): ViewDescription {
  return {
    name: view.name,
    context: view.context,
    title: view.title,
    description: view.description,
    projection: view.projection.name,
    fields: Object.entries(view.fields).map(([name, field]) => ({ name, ...field })),
  };
}

export const ViewQueryAnswerSchema = Type.Object(
  {
    view: Type.String(),
    asOf: Type.Optional(
      Type.String({ format: 'date-time', description: 'The instant the view was computed as of' }),
    ),
    columns: Type.Array(Type.String(), { description: 'The columns of each row, in order' }),
    rows: Type.Array(
      Type.Record(
        Type.String(),
        Type.Union([
          Type.String(),
          Type.Number(),
          Type.Boolean(),
          Type.Null(),
          Type.Array(Type.String()),
        ]),
      ),
      {
        description:
          'One object per row, column → value (a field, a group key or an aggregate; lists for string-list fields)',
      },
    ),
    total: Type.Integer({ minimum: 0, description: 'Rows (or groups) before paging' }),
    offset: Type.Integer({ minimum: 0 }),
    limit: Type.Integer({ minimum: 1 }),
  },
  { title: 'ViewQueryAnswer' },
);

/** The CSV variant (`format=csv`): a header line of the columns, then one line per row. */
export const ViewQueryCsvSchema = Type.String({
  description: 'CSV: the columns as the header line, one line per row',
});

// The reader's answer has the schema's fields (its rows are loosely typed: the schema says what a value is).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const answerIsTheSchema: Same<keyof ViewQueryAnswer, keyof Static<typeof ViewQueryAnswerSchema>> =
  true;
void answerIsTheSchema;
