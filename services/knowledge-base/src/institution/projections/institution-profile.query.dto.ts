import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID } from 'class-validator';
import { INSTITUTION_STATUSES } from '@sfp/contracts';
import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '../../shared/domain/reference-data';
import { CountryCode, IsoDate, ListFilter } from '../../shared/http/dto-fields';
import { toList } from '../../shared/http/query-helpers';
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

  @ApiPropertyOptional({
    type: [String],
    description:
      'These institutions only (repeat the parameter, at most 200): e.g. the ones behind a figure',
  })
  @IsOptional()
  @Transform(toList)
  @IsUUID('4', { each: true, message: 'each id must be an institution id (UUID)' })
  @ArrayMaxSize(200)
  id?: string[];

  @IsoDate('2026-01-01', {
    optional: true,
    description:
      'Institutions with a report whose period ends on or after this day (the ones reporting in a period)',
  })
  reportedFrom?: string;

  @IsoDate('2026-12-31', {
    optional: true,
    description: 'Institutions with a report whose period ends on or before this day',
  })
  reportedTo?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'name' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;
}
