import { Type, type Static } from '@sinclair/typebox';
import { FOCAL_POINT_FUNCTIONS } from './domain/focal-point-functions';
import type { ProgressReport } from './domain/progress-report';

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

export const ReportFigureSchema = Type.Object(
  {
    metric: Type.String({ description: 'e.g. requestsReceived' }),
    key: Type.Union([Type.String(), Type.Null()], {
      description: 'The breakdown key (a kind, a theme), or null for the headline figure',
    }),
    value: Type.Union([Type.Number(), Type.Null()], {
      description: 'null when it cannot be computed (a median of nothing)',
    }),
    unit: Type.Optional(Type.Union([Type.Literal('count'), Type.Literal('hours')])),
  },
  { title: 'ReportFigure' },
);

export const ReportedFunctionSchema = Type.Object(
  {
    function: FunctionIdSchema,
    title: Type.String(),
    status: Type.Literal('reported'),
    context: Type.String({ description: 'The context whose events the figures count' }),
    figures: Type.Array(ReportFigureSchema),
    notes: Type.Array(Type.String(), { description: 'How the figures are counted' }),
  },
  { title: 'ReportedFunction' },
);

export const UnreportedFunctionSchema = Type.Object(
  {
    function: FunctionIdSchema,
    title: Type.String(),
    status: Type.Literal('not-reported'),
    note: Type.String({ description: 'Why there are no figures (not zero: unknown)' }),
  },
  { title: 'UnreportedFunction' },
);

export const ProgressReportSchema = Type.Object(
  {
    title: Type.String(),
    period: ReportPeriodSchema,
    asOf: Type.Optional(
      Type.String({ format: 'date-time', description: 'The instant it was replayed as of' }),
    ),
    generatedAt: Type.String({ format: 'date-time' }),
    functions: Type.Array(Type.Union([ReportedFunctionSchema, UnreportedFunctionSchema]), {
      description: 'Every function of the focal point, in order',
    }),
  },
  { title: 'ProgressReport' },
);

/** The CSV file: one line per figure (or per unreported function). */
export const ProgressReportCsvSchema = Type.String({
  description:
    'CSV with the header period,function,status,metric,key,value,unit,note: one line per figure, or per function not reported',
});

/** The printable page. */
export const ProgressReportHtmlSchema = Type.String({
  description: 'A self-contained printable HTML page',
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reportIsTheSchema: Same<ProgressReport, Static<typeof ProgressReportSchema>> = true;
void reportIsTheSchema;
