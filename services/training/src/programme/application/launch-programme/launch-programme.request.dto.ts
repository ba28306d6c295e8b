import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, SchemaRules } from '@sfp/auth';
import {
  CONSTITUENT_GROUPS,
  PROGRAMME_SCOPE_KINDS,
  REGIONS,
  type ConstituentGroup,
  type ProgrammeScope,
  type ProgrammeScopeKind,
  type Region,
} from '@sfp/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OneOf, Text } from '@sfp/service-kit/body-fields';

/**
 * Whom the programme is for: one constituent organisation (of a country), one
 * country or one region. A field is required for its kind and, whenever it is
 * sent, checked as the document describes it (a country scope with a region
 * outside REGIONS is refused, not ignored).
 */
@SchemaRules(
  {
    if: { properties: { kind: { const: 'organisation' } }, required: ['kind'] },
    then: { required: ['organisation', 'constituentGroup', 'country'] },
  },
  {
    if: { properties: { kind: { const: 'country' } }, required: ['kind'] },
    then: { required: ['country'] },
  },
  {
    if: { properties: { kind: { const: 'region' } }, required: ['kind'] },
    then: { required: ['region'] },
  },
)
export class ProgrammeScopeDto {
  @OneOf(PROGRAMME_SCOPE_KINDS)
  kind!: ProgrammeScopeKind;

  @ApiPropertyOptional({
    example: 'Central Organization of Trade Unions (Kenya)',
    description: 'For an organisation: its name',
  })
  @ValidateIf((s: ProgrammeScopeDto) => s.kind === 'organisation' || s.organisation !== undefined)
  @IsString()
  @Length(1, 300)
  organisation?: string;

  @ApiPropertyOptional({ enum: CONSTITUENT_GROUPS, description: 'For an organisation: its group' })
  @ValidateIf(
    (s: ProgrammeScopeDto) => s.kind === 'organisation' || s.constituentGroup !== undefined,
  )
  @IsIn(CONSTITUENT_GROUPS)
  constituentGroup?: ConstituentGroup;

  @ApiPropertyOptional({
    example: 'KE',
    description: 'For an organisation or a country: ISO 3166-1 alpha-2',
  })
  @ValidateIf(
    (s: ProgrammeScopeDto) =>
      s.kind === 'organisation' || s.kind === 'country' || s.country !== undefined,
  )
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code, e.g. KE' })
  country?: string;

  @ApiPropertyOptional({ enum: REGIONS, description: 'For a region' })
  @ValidateIf((s: ProgrammeScopeDto) => s.kind === 'region' || s.region !== undefined)
  @IsIn(REGIONS)
  region?: Region;
}

export class LaunchProgrammeDto {
  @Text(1, 300, { example: 'Social finance capacity for Kenyan trade unions, 2026' })
  title!: string;

  @ApiProperty({ type: ProgrammeScopeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammeScopeDto)
  scope!: ProgrammeScopeDto;

  @ApiProperty({ example: '2026-01-01', description: 'First day of the programme' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day (not before the first)' })
  @IsCalendarDate()
  endsOn!: string;
}

/** The domain's scope of a validated one (only the fields of its kind). */
export function programmeScopeOf(dto: ProgrammeScopeDto): ProgrammeScope {
  switch (dto.kind) {
    case 'organisation':
      return {
        kind: 'organisation',
        organisation: dto.organisation as string,
        constituentGroup: dto.constituentGroup as ConstituentGroup,
        country: dto.country as string,
      };
    case 'country':
      return { kind: 'country', country: dto.country as string };
    case 'region':
      return { kind: 'region', region: dto.region as Region };
    default: {
      const unexpected: never = dto.kind;
      throw new Error(`Unknown scope ${String(unexpected)}`);
    }
  }
}
