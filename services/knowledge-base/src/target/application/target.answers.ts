import { Type, type Static } from '@sinclair/typebox';
import { HistoryEntrySchema } from '../../shared/http/command-answers.schema';
import { TargetRowSchema } from '../projections/target-row.schema';

/** The answers of the targets' routes: a page of targets, and a target with its history. */

export const TargetPageSchema = Type.Object(
  {
    items: Type.Array(TargetRowSchema),
    nextCursor: Type.Optional(
      Type.String({ description: 'The cursor of the next page (only when there is one)' }),
    ),
  },
  { title: 'TargetPage' },
);

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

/** The headers of the CSV page (format=csv). */
export const TARGETS_CSV_HEADERS = {
  'Content-Disposition': { description: 'CSV only: attachment; filename="targets.csv"' },
  'X-Next-Cursor': {
    description: 'The cursor of the next page (CSV only; absent on the last page)',
  },
};
