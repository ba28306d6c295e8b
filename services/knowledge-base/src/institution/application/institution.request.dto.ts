import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  INSTITUTION_KINDS,
  LEGAL_TYPES,
  REGIONS,
  type InstitutionKind,
  type LegalType,
  type Region,
} from '../../shared/domain/reference-data';
import { Reason, Text } from '../../shared/http/dto-fields';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export class RegisterInstitutionDto {
  @Text({ min: 2, max: 200 }, { example: 'Umoja Microfinance Bank' })
  name!: string;

  @ApiProperty({ enum: INSTITUTION_KINDS })
  @IsIn(INSTITUTION_KINDS)
  kind!: InstitutionKind;

  @ApiProperty({ enum: LEGAL_TYPES })
  @IsIn(LEGAL_TYPES)
  legalType!: LegalType;

  @ApiProperty({ example: 'KE', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. KE' })
  country!: string;

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region!: Region;

  @ApiProperty({
    type: [String],
    example: ['sfp-youth-employment'],
    description: 'Programmes the institution takes part in (lower-case ids)',
  })
  @Matches(SLUG, {
    each: true,
    message: 'each programme must be a lower-case id (letters, digits, -)',
  })
  @ArrayUnique()
  @ArrayMaxSize(20)
  programmes!: string[];

  @ApiPropertyOptional({
    example: 'ro-africa',
    description:
      'The department or office that reports on it; its integration clients may file its reports. Absent or null: none',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, {
    message: 'reportingDepartment must be 1 to 100 letters, digits, ., _ or -',
  })
  reportingDepartment?: string;
}

export class InstitutionStatusReasonDto {
  @Reason('Licence under review by the central bank')
  reason!: string;
}

export class LinkProgrammeDto {
  @ApiProperty({ example: 'sfp-green-jobs' })
  @Matches(SLUG, { message: 'programme must be a lower-case id (letters, digits, -)' })
  programme!: string;
}

/** The institution a route acts on or reads: `/institutions/{id}`. */
export class InstitutionIdParams {
  @ApiProperty({ format: 'uuid', description: 'The institution’s id (a UUID v4)' })
  @IsUUID('4', { message: 'id must be a UUID (version 4)' })
  id!: string;
}
