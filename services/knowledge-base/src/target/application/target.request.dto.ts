import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate, SchemaRules } from '@sfp/service-kit';
import { RATIO_KEYS, type RatioKey } from '../../performance-report/domain/standard-ratios';
import { TARGET_SCOPE_KINDS, type TargetScopeKind } from '@sfp/contracts';
import { FiniteNumber, Reason, Text } from '../../shared/http/dto-fields';
import { COMPARATORS, type Comparator } from '../domain/target-status';
import {
  FRACTION_INDICATORS,
  MAX_FRACTION_THRESHOLD,
  PER_COUNTRY_INDICATORS,
} from '../domain/target.decider';

/** The `{id}` of `/api/knowledge-base/targets/{id}…`. */
export class TargetIdParams {
  @ApiProperty({ description: 'The target’s id (a UUID)' })
  @IsUUID('4')
  id!: string;
}

/** `field` is present (not null) and a string when scope is `scope`. */
const namedBy = (scope: TargetScopeKind, field: string) => ({
  if: { properties: { scope: { const: scope } }, required: ['scope'] },
  then: { properties: { [field]: { type: 'string' } }, required: [field] },
});

/**
 * The rules between the fields (the decider checks them again): whose target
 * names its institution or programme; a fraction's threshold within ±100; an
 * indicator relative to a country's GNI per capita only on an institution.
 */
@SchemaRules(
  namedBy('institution', 'institutionId'),
  namedBy('programme', 'programme'),
  {
    if: { properties: { indicator: { enum: FRACTION_INDICATORS } }, required: ['indicator'] },
    then: {
      properties: {
        threshold: { minimum: -MAX_FRACTION_THRESHOLD, maximum: MAX_FRACTION_THRESHOLD },
      },
    },
  },
  {
    if: {
      properties: { scope: { enum: TARGET_SCOPE_KINDS.filter((k) => k !== 'institution') } },
      required: ['scope'],
    },
    then: { properties: { indicator: { not: { enum: PER_COUNTRY_INDICATORS } } } },
  },
)
export class SetTargetDto {
  @ApiProperty({
    enum: TARGET_SCOPE_KINDS,
    description: 'One institution, the institutions of a programme, or the whole portfolio',
  })
  @IsIn(TARGET_SCOPE_KINDS)
  scope!: TargetScopeKind;

  @ApiPropertyOptional({ description: 'Required when scope is institution' })
  @ValidateIf((o: SetTargetDto) => o.scope === 'institution' || o.institutionId != null)
  @IsUUID('4', {
    message:
      'institutionId must be the UUID of an institution (required when scope is institution)',
  })
  institutionId?: string;

  @ApiPropertyOptional({
    example: 'sfp-youth-employment',
    description: 'Required when scope is programme',
  })
  @ValidateIf((o: SetTargetDto) => o.scope === 'programme' || o.programme != null)
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, {
    message: 'programme must be a lower-case id (required when scope is programme)',
  })
  programme?: string;

  @ApiProperty({ enum: RATIO_KEYS, example: 'oss' })
  @IsIn(RATIO_KEYS)
  indicator!: RatioKey;

  @ApiProperty({ enum: COMPARATORS, example: 'at-least' })
  @IsIn(COMPARATORS)
  comparator!: Comparator;

  @FiniteNumber({
    example: 1,
    description: 'In the indicator unit: fractions as fractions (OSS 100% = 1, PAR30 5% = 0.05)',
  })
  @Min(-1e15)
  @Max(1e15)
  threshold!: number;

  @FiniteNumber({ example: 0.1, description: 'Width of the at-risk band beyond the threshold' })
  @Min(0)
  @Max(1e15)
  tolerance!: number;

  @ApiProperty({
    example: '2026-12-31',
    description: 'Judged on the latest report(s) ending on or before this date',
  })
  @IsCalendarDate()
  dueDate!: string;

  @Text({ min: 1, max: 500 }, { example: 'Break-even by the end of the programme', optional: true })
  description?: string;
}

export class WithdrawTargetDto {
  @Reason('The programme was closed')
  reason!: string;
}
