import { Type, type Static } from '@sinclair/typebox';
import { HistoryEntrySchema } from '../../shared/http/command-answers.schema';
import { PageOf } from '../../shared/http/schema-helpers';
import { TargetRowSchema } from '../projections/target-row.schema';

/** The answers of the targets' routes: a page of targets, and a target with its history. */

export const TargetPageSchema = PageOf(TargetRowSchema, 'TargetPage');

export const TargetDetailSchema = Type.Object(
  {
    targetId: Type.String({ format: 'uuid' }),
    streamVersion: Type.Integer({ minimum: 1, description: 'The target’s version (its ETag)' }),
    /** The target and its status as the targets view shows it (absent until the view has applied it: pass minPosition to wait). */
    view: Type.Optional(TargetRowSchema),
    history: Type.Array(HistoryEntrySchema),
  },
  { title: 'TargetDetail' },
);
export type TargetDetail = Static<typeof TargetDetailSchema>;
