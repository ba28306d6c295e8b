import { Type, type Static } from '@sinclair/typebox';
import { RATIO_KEYS } from '../../performance-report/domain/standard-ratios';
import { COMPARATORS, TARGET_STATUSES } from '../domain/target-status';
import {
  IsoDateString,
  IsoDateTime,
  sameShape,
  StringEnum,
} from '../../shared/http/schema-helpers';
import type { TargetRow } from './targets.projection';

/** A target's row in the targets view (kb-targets), as its list and its detail answer it. */

const Status = StringEnum(TARGET_STATUSES);

export const TargetScopeSchema = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('institution'),
      institutionId: Type.String({ format: 'uuid' }),
    }),
    Type.Object({ kind: Type.Literal('programme'), programme: Type.String() }),
    Type.Object({ kind: Type.Literal('portfolio') }),
  ],
  { description: 'One institution, the institutions of a programme, or the whole portfolio' },
);

export const EvaluationBasisSchema = Type.Object(
  {
    reportIds: Type.Array(Type.String(), {
      description: 'The reports (current versions) whose figures gave the value',
    }),
    versions: Type.Array(Type.Integer(), { description: 'The version of each, in the same order' }),
    year: Type.Optional(
      Type.Integer({ description: 'The year of the reports’ periods, when there were any' }),
    ),
  },
  { description: 'What the status was judged on' },
);

export const TargetRowSchema = Type.Object(
  {
    targetId: Type.String({ format: 'uuid' }),
    scope: TargetScopeSchema,
    scopeKind: StringEnum(['institution', 'programme', 'portfolio'] as const),
    scopeKey: Type.String({
      description: '`institution:<id>`, `programme:<name>` or `portfolio`',
    }),
    institutionId: Type.Optional(Type.String({ format: 'uuid' })),
    programme: Type.Optional(Type.String()),
    indicator: StringEnum(RATIO_KEYS),
    comparator: StringEnum(COMPARATORS),
    threshold: Type.Number({ description: 'In the indicator’s unit (fractions as fractions)' }),
    tolerance: Type.Number({ description: 'Width of the at-risk band beyond the threshold' }),
    dueDate: IsoDateString('Judged on the latest report(s) ending on or before this date'),
    description: Type.Optional(Type.String()),
    status: Status,
    value: Type.Optional(
      Type.Union([Type.Number(), Type.Null()], {
        description: 'The observed value; null when there is none (then reason says why)',
      }),
    ),
    reason: Type.Optional(Type.String({ description: 'Why there is no value' })),
    basis: Type.Optional(EvaluationBasisSchema),
    active: Type.Boolean({ description: 'false once withdrawn' }),
    setAt: IsoDateTime(),
    statusChangedAt: Type.Optional(IsoDateTime()),
    history: Type.Array(
      Type.Object({
        previousStatus: Status,
        status: Status,
        value: Type.Union([Type.Number(), Type.Null()]),
        at: IsoDateTime(),
      }),
      { description: 'Its status changes, oldest first' },
    ),
    withdrawal: Type.Optional(
      Type.Object({
        reason: Type.String(),
        at: IsoDateTime(),
        by: Type.String(),
      }),
    ),
  },
  { title: 'Target' },
);

sameShape<Static<typeof TargetRowSchema>, TargetRow>(true);
