import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ISO_INSTANT } from '../query/domain/analyst-query.validation';
import { REPORT_PERIOD_PATTERN } from './domain/report-period';

export const PROGRESS_REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ProgressReportFormat = (typeof PROGRESS_REPORT_FORMATS)[number];

/** The query of `GET /reports/progress`, as the validation pipe checks it. */
export class ProgressReportParams {
  @ApiProperty({
    description: 'A year (2026), a biennium (2026-2027) or a quarter (2026-Q1), 2000 to 2100',
    example: '2026-Q1',
  })
  @IsString()
  @Matches(REPORT_PERIOD_PATTERN, {
    message:
      'must be a year (2026), a biennium (2026-2027) or a quarter (2026-Q1), between 2000 and 2100',
  })
  period!: string;

  @ApiPropertyOptional({
    description:
      'The report as it stood at this past instant (ISO 8601 date or date-time; not in the future)',
    example: '2026-03-31T23:59:59Z',
  })
  @IsOptional()
  @IsString()
  @Matches(ISO_INSTANT, { message: 'must be an ISO 8601 date or time, e.g. 2026-03-31T23:59:59Z' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'json (default), csv, or html for a printable page' })
  @IsOptional()
  @IsIn([...PROGRESS_REPORT_FORMATS])
  format?: ProgressReportFormat;
}
