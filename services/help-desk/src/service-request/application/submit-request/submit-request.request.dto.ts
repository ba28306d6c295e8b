import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDefined,
  IsEmail,
  IsObject,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
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

export class RequesterDto {
  @ApiProperty({
    example: 'Amina Diallo',
    description: 'Personal data: stored encrypted, erasable',
  })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    example: 'amina.diallo@example.org',
    description: 'Personal data: stored encrypted, erasable',
  })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ORIGINS })
  @IsIn(ORIGINS)
  origin!: Origin;

  @ApiProperty({
    example: 'Regional Office for Africa',
    description: 'Unit, department, office or constituent organisation',
  })
  @IsString()
  @Length(1, 200)
  organisation!: string;

  @ApiPropertyOptional({
    enum: CONSTITUENT_GROUPS,
    description: 'Required when origin is constituent',
  })
  @IsOptional()
  @IsIn(CONSTITUENT_GROUPS)
  constituentGroup?: ConstituentGroup;
}

export class SubmitRequestDto {
  @ApiProperty({ type: RequesterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RequesterDto)
  requester!: RequesterDto;

  @ApiProperty({ example: 'Guidelines for a youth guarantee fund' })
  @IsString()
  @Length(3, 200)
  title!: string;

  @ApiProperty({ example: 'How should the fund be managed and monitored?' })
  @IsString()
  @Length(1, 10_000)
  description!: string;

  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: RequestKind;

  @ApiPropertyOptional({
    enum: GLOBAL_INITIATIVES,
    description: 'Only for global-initiative-coordination',
  })
  @IsOptional()
  @IsIn(GLOBAL_INITIATIVES)
  globalInitiative?: GlobalInitiative;

  @ApiProperty({ enum: THEMES, isArray: true })
  @IsIn(THEMES, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(THEMES.length)
  themes!: Theme[];

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region!: Region;

  @ApiProperty({ example: 'SN', description: 'ISO 3166-1 alpha-2 country code' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. SN' })
  country!: string;

  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES)
  priority!: Priority;
}
