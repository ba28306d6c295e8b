import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../../shared/domain/reference-data';
import { ListFilter, CountryCode, YearFilter } from '../../shared/http/dto-fields';
import { PagedQueryDto, ViewQueryDto } from '../../shared/http/view-query.dto';

export class ReportListQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ description: 'An institution id' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'institutionId must be a UUID' })
  institutionId?: string;

  @ListFilter(REGIONS)
  region?: string[];

  @ListFilter(LEGAL_TYPES)
  legalType?: string[];

  @ListFilter(INSTITUTION_KINDS)
  kind?: string[];

  @CountryCode('KE', { optional: true })
  country?: string;

  @YearFilter('The year the period ends in')
  year?: number;
}

/** Peer groups and summaries: by region, legal type and year. */
export class GroupQueryDto extends ViewQueryDto {
  @ListFilter(REGIONS)
  region?: string[];

  @ListFilter(LEGAL_TYPES)
  legalType?: string[];

  @YearFilter()
  year?: number;
}
