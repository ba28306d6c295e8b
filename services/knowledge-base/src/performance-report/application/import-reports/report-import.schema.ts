import { Type, type Static } from '@sinclair/typebox';
import { IsoDateString, sameShape } from '../../../shared/http/schema-helpers';
import type { ReportImportResult } from './import-reports';

const RowError = Type.Object(
  {
    row: Type.Integer({
      minimum: 1,
      description: 'The row as the spreadsheet numbers it (the header is row 1)',
    }),
    column: Type.String({
      description:
        'The template’s column at fault (e.g. inputs.par30Balance); empty for the whole row',
    }),
    message: Type.String(),
  },
  { title: 'ReportImportRowError' },
);

/** What an import did: the rows read, the reports filed, the errors per row and column. */
export const ReportImportResultSchema = Type.Object(
  {
    rows: Type.Integer({ minimum: 0, description: 'Data rows read (empty rows are skipped)' }),
    validRowsOnly: Type.Boolean(),
    imported: Type.Array(
      Type.Object({
        row: Type.Integer({ minimum: 1 }),
        reportId: Type.String(),
        institutionId: Type.String(),
        period: Type.Object({ start: IsoDateString(), end: IsoDateString() }),
      }),
      { description: 'The reports filed, by row' },
    ),
    errors: Type.Array(RowError, { description: 'Every refused row, by column' }),
  },
  { title: 'ReportImportResult' },
);
sameShape<Static<typeof ReportImportResultSchema>, ReportImportResult>(true);
