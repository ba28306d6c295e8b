import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  PagedQueryDto,
  ViewQueryDto,
} from '../../institution/projections/institution-profile.query.dto';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../../shared/domain/reference-data';
import { toList } from '../../shared/http/query-helpers';

export class ReportListQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ description: 'An institution id' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'institutionId must be a UUID' })
  institutionId?: string;

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

  @ApiPropertyOptional({ example: 2025, description: 'The year the period ends in' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1960)
  @Max(2100)
  year?: number;
}

/** Peer groups and summaries: by region, legal type and year. */
export class GroupQueryDto extends ViewQueryDto {
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

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1960)
  @Max(2100)
  year?: number;
}
