import { Type, type Static } from '@sinclair/typebox';
import { FOCAL_POINT_FUNCTIONS } from './domain/focal-point-functions';
import { FIGURE_UNITS } from './domain/figure-format';
import type { ProgressReport, ReportSubmissionInfo } from './domain/progress-report';

/**
 * The progress report as `GET /reports/progress` answers it in JSON: the
 * schema the OpenAPI document publishes. ProgressReport (the domain's type)
 * is checked against it at compile time, both ways.
 */

const FunctionIdSchema = Type.Union(
  FOCAL_POINT_FUNCTIONS.map((fn) => Type.Literal(fn.id)),
  { description: 'A function of the focal point' },
);

export const ReportPeriodSchema = Type.Object(
  {
    label: Type.String({ description: 'As asked: 2026, 2026-2027 or 2026-Q1' }),
    kind: Type.Union([Type.Literal('year'), Type.Literal('biennium'), Type.Literal('quarter')]),
    from: Type.String({ format: 'date-time', description: 'Inclusive' }),
    to: Type.String({ format: 'date-time', description: 'Exclusive' }),
  },
  { title: 'ReportPeriod' },
);

const UnitSchema = Type.Union(
  FIGURE_UNITS.map((u) => Type.Literal(u)),
  {
    description:
      'count; percent (in per cent: 83.3 is 83.3 %, never a fraction); currency (see currency); ratio (a plain number: OSS, a mean score); hours; days',
  },
);

const NullableNumber = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], { description });

export const ReportFigureSchema = Type.Object(
  {
    metric: Type.String({ description: 'A code for machines, e.g. requestsReceived' }),
    key: Type.Union([Type.String(), Type.Null()], {
      description: 'The breakdown key (a kind, a theme), or null for the headline figure',
    }),
    label: Type.String({ description: 'What the figure is, for readers' }),
    keyLabel: Type.Union([Type.String(), Type.Null()], {
      description: 'The key as words, null for a headline figure',
    }),
    unit: UnitSchema,
    currency: Type.Optional(Type.String({ description: 'ISO 4217, for a currency figure' })),
    value: NullableNumber('null when it cannot be computed (a median of nothing)'),
    formatted: Type.String({ description: 'The value for readers, e.g. 1,234 or 83.3% or n/a' }),
    previous: NullableNumber('The same figure for the previous period of the same kind'),
    previousFormatted: Type.String(),
    change: NullableNumber('value − previous; null when either is null'),
    changeFormatted: Type.String({ description: 'e.g. +3, −2.5 points, no change, n/a' }),
  },
  { title: 'ReportFigure' },
);

const TableColumnSchema = Type.Object(
  {
    id: Type.String(),
    label: Type.String(),
    unit: Type.Optional(UnitSchema),
  },
  { title: 'ReportTableColumn' },
);

const TableCellSchema = Type.Object(
  {
    value: Type.Union([Type.String(), Type.Number(), Type.Null()]),
    formatted: Type.String({ description: 'As a reader reads it' }),
  },
  { title: 'ReportTableCell' },
);

export const ReportTableSchema = Type.Object(
  {
    id: Type.String({ description: 'Unique in the report: ?table=<id> serves it alone' }),
    title: Type.String(),
    columns: Type.Array(TableColumnSchema),
    rows: Type.Array(Type.Record(Type.String(), TableCellSchema), {
      description: 'One cell per column id',
    }),
    chart: Type.Boolean({ description: 'Drawn as a bar chart, period against previous period' }),
  },
  { title: 'ReportTable' },
);

const NarrativeSchema = Type.Union(
  [
    Type.Object(
      {
        text: Type.String(),
        author: Type.String({ description: 'Username of who wrote it' }),
        writtenAt: Type.String({ format: 'date-time' }),
      },
      { title: 'ReportNarrative' },
    ),
    Type.Null(),
  ],
  { description: 'The section narrative as last written (as of the instant asked), or null' },
);

export const ReportedFunctionSchema = Type.Object(
  {
    function: FunctionIdSchema,
    title: Type.String(),
    status: Type.Literal('reported'),
    context: Type.String({ description: 'The context whose events the figures count' }),
    figures: Type.Array(ReportFigureSchema),
    tables: Type.Array(ReportTableSchema),
    notes: Type.Array(Type.String(), { description: 'How the figures are counted' }),
    narrative: NarrativeSchema,
  },
  { title: 'ReportedFunction' },
);

export const UnreportedFunctionSchema = Type.Object(
  {
    function: FunctionIdSchema,
    title: Type.String(),
    status: Type.Literal('not-reported'),
    note: Type.String({ description: 'Why there are no figures (not zero: unknown)' }),
    narrative: NarrativeSchema,
  },
  { title: 'UnreportedFunction' },
);

export const ReportSubmissionSchema = Type.Object(
  {
    submissionId: Type.String(),
    version: Type.Integer({ minimum: 1, description: '1, 2, … per period' }),
    submittedAt: Type.String({ format: 'date-time' }),
    submittedBy: Type.String({ description: 'Username of who submitted it' }),
    note: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'ReportSubmission' },
);

export const ProgressReportSchema = Type.Object(
  {
    title: Type.String(),
    period: ReportPeriodSchema,
    previousPeriod: ReportPeriodSchema,
    asOf: Type.Optional(
      Type.String({ format: 'date-time', description: 'The instant it was replayed as of' }),
    ),
    generatedAt: Type.String({ format: 'date-time' }),
    submission: Type.Optional(ReportSubmissionSchema),
    functions: Type.Array(Type.Union([ReportedFunctionSchema, UnreportedFunctionSchema]), {
      description: 'Every function of the focal point, in order',
    }),
  },
  { title: 'ProgressReport' },
);

export const ReportSubmissionsSchema = Type.Object(
  {
    period: Type.String(),
    submissions: Type.Array(ReportSubmissionSchema, { description: 'Oldest first' }),
  },
  { title: 'ReportSubmissions' },
);

export const ReportNarrativeWrittenSchema = Type.Object(
  {
    period: Type.String(),
    function: FunctionIdSchema,
    text: Type.String(),
    author: Type.String(),
    writtenAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ReportNarrativeWritten' },
);

/** The CSV file: one line per figure (or per unreported function). */
export const ProgressReportCsvSchema = Type.String({
  description:
    'CSV with the header period,function,section,status,metric,key,label,value,unit,previous (<period>),change,note: one line per figure, or per function not reported; with table=<id>, that table only (its column labels as the header)',
});

/** The printable page. */
export const ProgressReportHtmlSchema = Type.String({
  description: 'A self-contained printable HTML page',
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reportIsTheSchema: Same<ProgressReport, Static<typeof ProgressReportSchema>> = true;
void reportIsTheSchema;
const submissionIsTheSchema: Same<
  ReportSubmissionInfo,
  Static<typeof ReportSubmissionSchema>
> = true;
void submissionIsTheSchema;
