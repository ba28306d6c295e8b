import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@sfp/auth';
import { formatOf, queryParams } from '../http/query-params';
import { InvalidAnalystQueryError } from '../query/domain/analyst-query.validation';
import type { ReportingReader } from '../query/reporting-reader';
import { REPORTING_READER } from '../reporting.tokens';
import {
  PROGRESS_REPORT_CONTENT_SECURITY_POLICY,
  progressReportCsv,
  progressReportHtml,
} from './progress-report.renderers';

/** The Governing Body progress report for a period, as JSON, CSV or a printable HTML page. */
@ApiTags('reporting: progress report')
@Controller('reports')
export class ProgressReportController {
  constructor(@Inject(REPORTING_READER) private readonly reader: ReportingReader) {}

  @Get('progress')
  @RequirePermission('reports:read')
  @ApiQuery({
    name: 'period',
    required: true,
    description: 'A year (2026), a biennium (2026-2027) or a quarter (2026-Q1)',
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'The report as it stood at this instant (ISO 8601)',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'html'] })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({
    description:
      'Every function of the focal point: its figures, or a plain statement that it is not reported yet',
  })
  @ApiBadRequestResponse({
    description: 'INVALID_PERIOD or INVALID_QUERY with a message per field',
  })
  async progress(@Query() raw: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const params = queryParams('progress-report', raw, ['period', 'asOf', 'format'] as const);
    const format = formatOf('progress-report', params.format, ['json', 'csv', 'html'] as const);
    if (params.period === undefined) {
      throw new InvalidAnalystQueryError('progress-report', [
        {
          field: 'period',
          message: 'is required: a year (2026), a biennium (2026-2027) or a quarter (2026-Q1)',
        },
      ]);
    }
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
