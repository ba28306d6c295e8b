import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '@sfp/projections';
import { INSTITUTION_STATUSES } from '@sfp/contracts';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../../shared/domain/reference-data';
import { toList } from '../../shared/http/query-helpers';

/** Read your writes and output format, shared by every query. */
export class ViewQueryDto {
  @ApiPropertyOptional({
    description:
      'Wait (up to 5 s) until the view has applied this position (from a command response)',
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

export class PagedQueryDto extends ViewQueryDto {
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
  @MinLength(1)
  @MaxLength(2_000)
  cursor?: string;
}

export class InstitutionListQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: INSTITUTION_STATUSES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(INSTITUTION_STATUSES, { each: true })
  @ArrayMaxSize(INSTITUTION_STATUSES.length)
  status?: string[];

  @ApiPropertyOptional({ enum: REGIONS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(REGIONS, { each: true })
  @ArrayMaxSize(REGIONS.length)
  region?: string[];

  @ApiPropertyOptional({ enum: LEGAL_TYPES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(LEGAL_TYPES, { each: true })
  @ArrayMaxSize(LEGAL_TYPES.length)
  legalType?: string[];

  @ApiPropertyOptional({ enum: INSTITUTION_KINDS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(INSTITUTION_KINDS, { each: true })
  @ArrayMaxSize(INSTITUTION_KINDS.length)
  kind?: string[];

  @ApiPropertyOptional({ example: 'KE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional({
    enum: [
      'name',
      'registeredAt',
      '-registeredAt',
      'latestPeriodEnd',
      '-latestPeriodEnd',
      '-targetsOffTrack',
    ],
    default: 'name',
  })
  @IsOptional()
  @IsIn([
    'name',
    'registeredAt',
    '-registeredAt',
    'latestPeriodEnd',
    '-latestPeriodEnd',
    '-targetsOffTrack',
  ])
  sort?: string;
}
