import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '@sfp/projections';
import {
  ORIGINS,
  PRIORITIES,
  REGIONS,
  REQUEST_KINDS,
  REQUEST_SORTS,
  REQUEST_STATUSES,
  SLA_STATUSES,
  THEMES,
  type RequestSort,
  type RequestStatus,
  type SlaStatus,
} from '@sfp/contracts';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
/** `status=a,b` or `status=a&status=b`. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : String(value).split(','))
    .map((v) => String(v).trim())
    .filter(Boolean);

/** Filters, sort and page of the request list. Every value is checked; nothing reaches the store unchecked. */
export class RequestListQueryDto {
  @ApiPropertyOptional({
    enum: REQUEST_STATUSES,
    isArray: true,
    description: 'One or more, comma-separated',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(REQUEST_STATUSES.length)
  @IsIn(REQUEST_STATUSES, { each: true })
  status?: RequestStatus[];

  @ApiPropertyOptional({
    description: 'true: active requests only; false: resolved, closed or cancelled',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  assignee?: string;

  @ApiPropertyOptional({ description: 'true: only requests nobody is assigned to' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ enum: PRIORITIES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(PRIORITIES.length)
  @IsIn(PRIORITIES, { each: true })
  priority?: string[];

  @ApiPropertyOptional({ enum: REQUEST_KINDS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(REQUEST_KINDS.length)
  @IsIn(REQUEST_KINDS, { each: true })
  kind?: string[];

  @ApiPropertyOptional({ enum: REGIONS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(REGIONS.length)
  @IsIn(REGIONS, { each: true })
  region?: string[];

  @ApiPropertyOptional({ example: 'SN' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  country?: string;

  @ApiPropertyOptional({ enum: ORIGINS })
  @IsOptional()
  @IsIn(ORIGINS)
  origin?: string;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: string;

  @ApiPropertyOptional({
    enum: SLA_STATUSES,
    description: 'Against the current time: due-soon = due within 24 h',
  })
  @IsOptional()
  @IsIn(SLA_STATUSES)
  sla?: SlaStatus;

  @ApiPropertyOptional({ description: 'Submitted on or after (ISO date or time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/)
  from?: string;

  @ApiPropertyOptional({ description: 'Submitted before (ISO date or time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/)
  to?: string;

  @ApiPropertyOptional({ enum: REQUEST_SORTS, default: '-submittedAt' })
  @IsOptional()
  @IsIn(REQUEST_SORTS)
  sort?: RequestSort;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 2_000)
  cursor?: string;

  @ApiPropertyOptional({
    description:
      'Read your writes: wait (up to 5 s) until the list has applied this position (from a command response)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** Filters of the statistics: the same as the list's, without sort and page. */
export class RequestStatisticsQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_KINDS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(REQUEST_KINDS.length)
  @IsIn(REQUEST_KINDS, { each: true })
  kind?: string[];

  @ApiPropertyOptional({ enum: REGIONS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(REGIONS.length)
  @IsIn(REGIONS, { each: true })
  region?: string[];

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: string;

  @ApiPropertyOptional({ description: 'Submitted on or after (ISO date)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/)
  from?: string;

  @ApiPropertyOptional({ description: 'Submitted before (ISO date)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/)
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}
