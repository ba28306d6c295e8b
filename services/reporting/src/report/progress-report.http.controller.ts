import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { ReportingReader } from '../query/reporting-reader';
import { REPORTING_READER } from '../reporting.tokens';
import type { ProgressReport } from './domain/progress-report';
import { ProgressReportParams } from './progress-report.dto';
import {
  PROGRESS_REPORT_CONTENT_SECURITY_POLICY,
  progressReportCsv,
  progressReportHtml,
} from './progress-report.renderers';
import {
  ProgressReportCsvSchema,
  ProgressReportHtmlSchema,
  ProgressReportSchema,
} from './progress-report.schema';

/** The Governing Body progress report for a period, as JSON, CSV or a printable HTML page. */
@ApiTags('reporting: progress report')
@Controller('reports')
export class ProgressReportController {
  constructor(@Inject(REPORTING_READER) private readonly reader: ReportingReader) {}

  @Get('progress')
  @RequirePermission('reports:read')
  @Operation(
    'getProgressReport',
    'The Governing Body progress report for a period, as JSON, CSV or a printable page.',
  )
  @Answers(200, {
    description:
      'Every function of the focal point: its figures, or a plain statement that it is not reported yet (format=json: JSON; csv: a CSV file; html: a printable page)',
    schema: ProgressReportSchema,
    content: { 'text/csv': ProgressReportCsvSchema, 'text/html': ProgressReportHtmlSchema },
    headers: {
      'Content-Disposition': {
        description:
          'format=csv: attachment; filename="progress-report-<period>[-as-of-<date>].csv"',
      },
    },
  })
  @Refuses({
    400: '`asOf` is in the future (INVALID_QUERY)',
    422: 'The report would read more documents than the bound (QUERY_TOO_BROAD)',
    503: 'The report took longer than its time budget (QUERY_TIMEOUT): retry, an as-of replay continues',
  })
  async progress(
    @Query() params: ProgressReportParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressReport | string> {
    const format = params.format ?? 'json';
    const report = await this.reader.progressReport(params.period, params.asOf);
    const file = `progress-report-${report.period.label}${report.asOf ? `-as-of-${report.asOf.slice(0, 10)}` : ''}`;
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
}
