import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Answers,
  CurrentPrincipal,
  Operation,
  Refuses,
  RequirePermission,
  type Principal,
} from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext } from '@sfp/service-kit';
import { InvalidAnalystQueryError } from '../query/domain/analyst-query.validation';
import type { ReportingReader } from '../query/reporting-reader';
import { REPORTING_READER } from '../reporting.tokens';
import {
  reportTables,
  type ProgressReport,
  type ReportSubmissionInfo,
  type ReportTable,
} from './domain/progress-report';
import { parseReportPeriod } from './domain/report-period';
import {
  ProgressReportParams,
  ReportNarrativeBody,
  ReportPeriodPath,
  ReportSectionPath,
  ReportSubmissionBody,
  ReportSubmissionPath,
  SubmittedReportQuery,
  type ProgressReportFormat,
} from './progress-report.dto';
import { UnknownReportTableError } from './progress-report.errors';
import {
  PROGRESS_REPORT_CONTENT_SECURITY_POLICY,
  progressReportCsv,
  progressReportHtml,
  reportTableCsv,
} from './progress-report.renderers';
import {
  ProgressReportCsvSchema,
  ProgressReportHtmlSchema,
  ProgressReportSchema,
  ReportNarrativeWrittenSchema,
  ReportSubmissionSchema,
  ReportSubmissionsSchema,
  ReportTableSchema,
} from './progress-report.schema';
import { Type } from '@sinclair/typebox';

const REPORT_OR_TABLE = Type.Union([ProgressReportSchema, ReportTableSchema], {
  description: 'The report, or with table=<id> that named table',
});

const CSV_DISPOSITION = {
  'Content-Disposition': {
    description:
      'format=csv: attachment; filename="progress-report-<period>[-as-of-<date>|-v<version>][-<table>].csv"',
  },
};

const TABLE_REFUSALS = {
  404: 'No table of that id in the report (UNKNOWN_REPORT_TABLE)',
};

/**
 * Serves a report (live or submitted) as asked: JSON, CSV or the printable
 * page; with `table`, one named table as JSON or CSV.
 */
function serve(
  report: ProgressReport,
  format: ProgressReportFormat,
  tableId: string | undefined,
  file: string,
  res: Response,
): ProgressReport | ReportTable | string {
  if (tableId !== undefined) {
    const tables = reportTables(report);
    const table = tables.find((t) => t.id === tableId);
    if (!table)
      throw new UnknownReportTableError(
        tableId,
        tables.map((t) => t.id),
      );
    if (format === 'html')
      throw new InvalidAnalystQueryError('progress-report', [
        { field: 'format', message: 'a table is served as json or csv' },
      ]);
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${file}-${table.id}.csv"`);
      return reportTableCsv(table);
    }
    return table;
  }
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file}.csv"`);
    return progressReportCsv(report);
  }
  if (format === 'html') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', PROGRESS_REPORT_CONTENT_SECURITY_POLICY);
    return progressReportHtml(report);
  }
  return report;
}

/**
 * The Governing Body progress report for a period, as JSON, CSV (whole or
 * per table) or a printable HTML page; its sections' narratives; and its
 * submitted (frozen) versions.
 */
@ApiTags('reporting: progress report')
@Controller('reports')
export class ProgressReportController {
  constructor(@Inject(REPORTING_READER) private readonly reader: ReportingReader) {}

  @Get('progress')
  @RequirePermission('reports:read')
  @Operation(
    'getProgressReport',
    'The Governing Body progress report for a period, as JSON, CSV or a printable page; every figure beside the previous period, with the change; one named table with table=<id>.',
  )
  @Answers(200, {
    description:
      'Every function of the focal point: its figures and tables, or a plain statement that it is not reported yet, with its narrative (format=json: JSON; csv: a CSV file; html: a printable page; with table=<id>: that table, as JSON or CSV)',
    schema: REPORT_OR_TABLE,
    content: { 'text/csv': ProgressReportCsvSchema, 'text/html': ProgressReportHtmlSchema },
    headers: CSV_DISPOSITION,
  })
  @Refuses({
    400: '`asOf` is in the future, or a table asked as html (INVALID_QUERY)',
    ...TABLE_REFUSALS,
    422: 'The report would read more documents than the bound (QUERY_TOO_BROAD)',
    503: 'The report took longer than its time budget (QUERY_TIMEOUT): retry, an as-of replay continues',
  })
  async progress(
    @Query() params: ProgressReportParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressReport | ReportTable | string> {
    const report = await this.reader.progressReport(params.period, params.asOf);
    const file = `progress-report-${report.period.label}${report.asOf ? `-as-of-${report.asOf.slice(0, 10)}` : ''}`;
    return serve(report, params.format ?? 'json', params.table, file, res);
  }

  @Put('progress/:period/narratives/:function')
  @HttpCode(200)
  @RequirePermission('reports:read')
  @Operation(
    'writeProgressReportNarrative',
    "Write a section's narrative (operators and analysts): it replaces the last one, kept as an event (ReportNarrativeWritten) so the report as of any instant shows the narrative as it stood; an empty text clears it.",
  )
  @Answers(200, { description: 'Written', schema: ReportNarrativeWrittenSchema })
  async writeNarrative(
    @Param() path: ReportSectionPath,
    @Body() body: ReportNarrativeBody,
    @CurrentPrincipal() principal: Principal,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
  ) {
    const period = parseReportPeriod(path.period).label;
    return this.reader.journal.writeNarrative(
      period,
      path.function,
      body.text,
      principal.name,
      context,
    );
  }

  @Post('progress/:period/submissions')
  @HttpCode(201)
  @RequirePermission('reports:read')
  @Operation(
    'submitProgressReport',
    'Freeze the report of a period as it now is (submitted to the Governing Body): the full report is stored (an event ProgressReportSubmitted) and served as it was, while the live report keeps moving. Each submission is the next version.',
  )
  @Answers(201, { description: 'Submitted: its version', schema: ReportSubmissionSchema })
  @Refuses({
    422: 'The report would read more documents than the bound (QUERY_TOO_BROAD)',
    503: 'The report took longer than its time budget (QUERY_TIMEOUT): retry',
  })
  async submit(
    @Param() path: ReportPeriodPath,
    @Body() body: ReportSubmissionBody,
    @CurrentPrincipal() principal: Principal,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
  ): Promise<ReportSubmissionInfo> {
    const report = await this.reader.progressReport(path.period);
    return this.reader.journal.submit(
      report.period.label,
      report,
      body.note,
      principal.name,
      context,
    );
  }

  @Get('progress/:period/submissions')
  @RequirePermission('reports:read')
  @Operation(
    'listProgressReportSubmissions',
    'The submitted versions of a period’s report, oldest first.',
  )
  @Answers(200, { description: 'The submissions (none: [])', schema: ReportSubmissionsSchema })
  async submissions(@Param() path: ReportPeriodPath) {
    const period = parseReportPeriod(path.period).label;
    return { period, submissions: await this.reader.journal.submissions(period) };
  }

  @Get('progress/:period/submissions/:version')
  @RequirePermission('reports:read')
  @Operation(
    'getProgressReportSubmission',
    'A submitted version of a period’s report exactly as it was frozen, as JSON, CSV (whole or one table) or the printable page.',
  )
  @Answers(200, {
    description: 'The report as submitted (with its `submission`), or one of its tables',
    schema: REPORT_OR_TABLE,
    content: { 'text/csv': ProgressReportCsvSchema, 'text/html': ProgressReportHtmlSchema },
    headers: CSV_DISPOSITION,
  })
  @Refuses({
    400: 'A table asked as html (INVALID_QUERY)',
    404: 'No such submitted version (REPORT_SUBMISSION_NOT_FOUND), or no table of that id (UNKNOWN_REPORT_TABLE)',
  })
  async submission(
    @Param() path: ReportSubmissionPath,
    @Query() query: SubmittedReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressReport | ReportTable | string> {
    const period = parseReportPeriod(path.period).label;
    const report = await this.reader.journal.submission(period, path.version);
    return serve(
      report,
      query.format ?? 'json',
      query.table,
      `progress-report-${period}-v${path.version}`,
      res,
    );
  }
}
