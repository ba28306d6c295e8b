import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INSTITUTION_STATUSES } from '@sfp/contracts';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../../shared/domain/reference-data';
import { ListFilter, CountryCode } from '../../shared/http/dto-fields';
import { PagedQueryDto } from '../../shared/http/view-query.dto';

const SORTS = [
  'name',
  'registeredAt',
  '-registeredAt',
  'latestPeriodEnd',
  '-latestPeriodEnd',
  '-targetsOffTrack',
];

export class InstitutionListQueryDto extends PagedQueryDto {
  @ListFilter(INSTITUTION_STATUSES)
  status?: string[];

  @ListFilter(REGIONS)
  region?: string[];

  @ListFilter(LEGAL_TYPES)
  legalType?: string[];

  @ListFilter(INSTITUTION_KINDS)
  kind?: string[];

  @CountryCode('KE', { optional: true })
  country?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'name' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;
}
