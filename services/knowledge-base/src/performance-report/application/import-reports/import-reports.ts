import type { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrorsOf } from '@sfp/messaging';
import { dispatch, type HttpCall } from '../../../http/command-dispatch';
import { plain } from '../../../http/plain-json';
import {
  KnowledgeBaseError,
  KnowledgeBaseRuleError,
} from '../../../shared/domain/knowledge-base.errors';
import { performanceReportId } from '../../domain/performance-report.id';
import { IdentityViolatedError } from '../../domain/report-identities';
import { FileReportCommand } from '../file-report/file-report.command';
import { FileReportMessageDto } from '../file-report/file-report.message';
import { bodyOfRow } from './report-import.columns';
import type { ImportRow } from './report-import.file';

/** A refused cell (or row, column empty): the row as the spreadsheet numbers it, the template's column. */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportedReport {
  row: number;
  reportId: string;
  institutionId: string;
  period: { start: string; end: string };
}

export interface ReportImportResult {
  /** Data rows read (empty rows are skipped). */
  rows: number;
  validRowsOnly: boolean;
  imported: ImportedReport[];
  errors: ImportRowError[];
}

type Filing = FileReportMessageDto;

/** Where a refusal of the domain points in the row: the column of its field, or the whole row. */
const COLUMN_OF_CODE: Record<string, string> = {
  INSTITUTION_NOT_FOUND: 'institutionId',
  ILLEGAL_TRANSITION: 'institutionId',
  OUT_OF_DEPARTMENT_SCOPE: 'institutionId',
  PERFORMANCE_REPORT_ALREADY_FILED: 'period.start',
};

function refusalsOf(row: number, error: unknown): ImportRowError[] {
  if (error instanceof IdentityViolatedError) {
    return error.problems.map((p) => ({ row, column: p.field, message: p.message }));
  }
  if (error instanceof KnowledgeBaseRuleError) {
    return [{ row, column: error.field ?? '', message: error.message }];
  }
  if (error instanceof KnowledgeBaseError) {
    return [{ row, column: COLUMN_OF_CODE[error.code] ?? '', message: error.message }];
  }
  throw error;
}

/** The row's filing, or its cells' errors (types, required columns, bounds: the API's own validation). */
async function filingOf(row: ImportRow): Promise<Filing | ImportRowError[]> {
  const dto = plainToInstance(FileReportMessageDto, bodyOfRow(row.cells));
  const invalid = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (!invalid.length) return dto;
  return fieldErrorsOf(invalid).flatMap((f) =>
    f.messages.map((message) => ({ row: row.row, column: f.field, message })),
  );
}

/**
 * Imports performance reports, one per row, as filing each would (same
 * validation, identities, institution and period checks: every row is
 * decided first, nothing recorded). With an invalid row nothing is filed,
 * unless `validRowsOnly`: then the valid rows are filed and the others
 * reported. A report filed by someone else between the check and the filing
 * is reported as that row's error.
 */
export async function importReports(
  commandBus: CommandBus,
  call: HttpCall,
  rows: ImportRow[],
  validRowsOnly: boolean,
): Promise<ReportImportResult> {
  const errors: ImportRowError[] = [];
  const valid: Array<{ row: number; filing: Filing; reportId: string }> = [];
  const seen = new Map<string, number>();
  const send = (filing: Filing, checkOnly: boolean) =>
    dispatch(commandBus, call, (context) => {
      const { institutionId, period, currency, fx, inputs } = plain(filing);
      return new FileReportCommand(
        { institutionId, period, currency, fx, inputs, ...(checkOnly ? { checkOnly } : {}) },
        context,
      );
    });
  for (const row of rows) {
    const filing = await filingOf(row);
    if (Array.isArray(filing)) {
      errors.push(...filing);
      continue;
    }
    const reportId = performanceReportId(filing.institutionId, filing.period);
    const earlier = seen.get(reportId);
    if (earlier !== undefined) {
      errors.push({
        row: row.row,
        column: 'period.start',
        message: `The same institution and period as row ${earlier}: one report per institution and period`,
      });
      continue;
    }
    seen.set(reportId, row.row);
    try {
      await send(filing, true);
      valid.push({ row: row.row, filing, reportId });
    } catch (error) {
      errors.push(...refusalsOf(row.row, error));
    }
  }
  const imported: ImportedReport[] = [];
  if (!errors.length || validRowsOnly) {
    for (const { row, filing, reportId } of valid) {
      try {
        await send(filing, false);
        imported.push({
          row,
          reportId,
          institutionId: filing.institutionId,
          period: { start: filing.period.start, end: filing.period.end },
        });
      } catch (error) {
        errors.push(...refusalsOf(row, error));
      }
    }
  }
  call.res.removeHeader('ETag');
  errors.sort((a, b) => a.row - b.row);
  return { rows: rows.length, validRowsOnly, imported, errors };
}
