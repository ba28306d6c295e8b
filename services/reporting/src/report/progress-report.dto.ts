import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { OptionalText, Text } from '@sfp/service-kit/body-fields';
import { FOCAL_POINT_FUNCTIONS, type FocalPointFunctionId } from './domain/focal-point-functions';
import { ISO_INSTANT } from '../query/domain/analyst-query.validation';
import { REPORT_PERIOD_PATTERN } from './domain/report-period';

/** What a table id looks like: <function>.<name>, e.g. help-desk-and-service.figures. */
const TABLE_ID = /^[a-z-]+\.[A-Za-z0-9-]{1,100}$/;

export const PROGRESS_REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ProgressReportFormat = (typeof PROGRESS_REPORT_FORMATS)[number];

/** The `table` of a report's query: that named table only (json or csv). */
export class ReportTableParams {
  @ApiPropertyOptional({
    description:
      "One named table of the report only (its id, e.g. help-desk-and-service.figures), as JSON or CSV; the ids are in each section's `tables`",
    example: 'help-desk-and-service.figures',
  })
  @IsOptional()
  @IsString()
  @Matches(TABLE_ID, { message: 'must be a table id such as help-desk-and-service.figures' })
  table?: string;
}

/** The query of `GET /reports/progress`, as the validation pipe checks it. */
export class ProgressReportParams extends ReportTableParams {
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

/** The period of a report's path. */
export class ReportPeriodPath {
  @ApiProperty({
    description: 'A year (2026), a biennium (2026-2027) or a quarter (2026-Q1), 2000 to 2100',
    example: '2026',
  })
  @IsString()
  @Matches(REPORT_PERIOD_PATTERN, {
    message:
      'must be a year (2026), a biennium (2026-2027) or a quarter (2026-Q1), between 2000 and 2100',
  })
  period!: string;
}

/** A section of a period's report. */
export class ReportSectionPath extends ReportPeriodPath {
  @ApiProperty({
    enum: FOCAL_POINT_FUNCTIONS.map((f) => f.id),
    description: 'The function of the focal point the section reports',
  })
  @IsIn(FOCAL_POINT_FUNCTIONS.map((f) => f.id))
  function!: FocalPointFunctionId;
}

/** A submitted version of a period's report. */
export class ReportSubmissionPath extends ReportPeriodPath {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The submitted version (1, 2, …)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

/** How a submitted version is served. */
export class SubmittedReportQuery extends ReportTableParams {
  @ApiPropertyOptional({ description: 'json (default), csv, or html for a printable page' })
  @IsOptional()
  @IsIn([...PROGRESS_REPORT_FORMATS])
  format?: ProgressReportFormat;
}

/** A section's narrative. */
export class ReportNarrativeBody {
  @Text(0, 20_000, {
    description:
      "The section's narrative, whole (it replaces the last one; an empty text clears it)",
    example: 'The help desk answered more requests than in 2025, most of them referrals.',
  })
  text!: string;
}

/** Freezing the report as it now is. */
export class ReportSubmissionBody {
  @OptionalText(1, 2_000, { example: 'Submitted to the Governing Body, 350th session' })
  note?: string;
}
