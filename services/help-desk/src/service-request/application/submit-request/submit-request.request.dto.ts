import { ApiProperty } from '@nestjs/swagger';
import { SchemaRules } from '@sfp/auth';
import { GLOBAL_INITIATIVE_RULE } from '../classification.schema-rules';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, Matches, ValidateNested } from 'class-validator';
import { Email, OneOf, OptionalOneOf, Text } from '@sfp/service-kit/body-fields';
import { DistinctOf } from '../../../http/field-decorators';
import {
  CONSTITUENT_GROUPS,
  GLOBAL_INITIATIVES,
  ORIGINS,
  PRIORITIES,
  REGIONS,
  REQUEST_KINDS,
  THEMES,
  type ConstituentGroup,
  type GlobalInitiative,
  type Origin,
  type Priority,
  type Region,
  type RequestKind,
  type Theme,
} from '../../domain/service-request.reference-data';

const PERSONAL_DATA = 'Personal data: stored encrypted, erasable';

export class RequesterDto {
  @Text(1, 200, { example: 'Amina Diallo', description: PERSONAL_DATA })
  name!: string;

  @Email({ example: 'amina.diallo@example.org', description: PERSONAL_DATA })
  email!: string;

  @OneOf(ORIGINS)
  origin!: Origin;

  @Text(1, 200, {
    example: 'Regional Office for Africa',
    description: 'Unit, department, office or constituent organisation',
  })
  organisation!: string;

  @OptionalOneOf(CONSTITUENT_GROUPS, {
    description: 'The constituent group the organisation belongs to (for a constituent)',
  })
  constituentGroup?: ConstituentGroup;
}

/** A global-initiative-coordination request names its initiative; no other kind names one. */
@SchemaRules(GLOBAL_INITIATIVE_RULE)
export class SubmitRequestDto {
  @ApiProperty({ type: RequesterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RequesterDto)
  requester!: RequesterDto;

  @Text(3, 200, { example: 'Guidelines for a youth guarantee fund' })
  title!: string;

  @Text(1, 10_000, { example: 'How should the fund be managed and monitored?' })
  description!: string;

  @OneOf(REQUEST_KINDS)
  kind!: RequestKind;

  @OptionalOneOf(GLOBAL_INITIATIVES, { description: 'Only for global-initiative-coordination' })
  globalInitiative?: GlobalInitiative;

  @DistinctOf(THEMES)
  themes!: Theme[];

  @OneOf(REGIONS)
  region!: Region;

  @ApiProperty({ example: 'SN', description: 'ISO 3166-1 alpha-2 country code' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. SN' })
  country!: string;

  @OneOf(PRIORITIES)
  priority!: Priority;
}
