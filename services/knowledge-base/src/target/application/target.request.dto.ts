import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { RATIO_KEYS, type RatioKey } from '../../performance-report/domain/standard-ratios';
import { TARGET_SCOPE_KINDS, type TargetScopeKind } from '@sfp/contracts';
import { FiniteNumber, IsoDate, Reason, Text } from '../../shared/http/dto-fields';
import { COMPARATORS, type Comparator } from '../domain/target-status';

export class SetTargetDto {
  @ApiProperty({
    enum: TARGET_SCOPE_KINDS,
    description: 'One institution, the institutions of a programme, or the whole portfolio',
  })
  @IsIn(TARGET_SCOPE_KINDS)
  scope!: TargetScopeKind;

  @ApiPropertyOptional({ description: 'Required when scope is institution' })
  @ValidateIf((o: SetTargetDto) => o.scope === 'institution')
  @IsUUID('4', {
    message:
      'institutionId must be the UUID of an institution (required when scope is institution)',
  })
  institutionId?: string;

  @ApiPropertyOptional({
    example: 'sfp-youth-employment',
    description: 'Required when scope is programme',
  })
  @ValidateIf((o: SetTargetDto) => o.scope === 'programme')
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

  @IsoDate('2026-12-31', {
    description: 'Judged on the latest report(s) ending on or before this date',
  })
  dueDate!: string;

  @Text({ min: 1, max: 500 }, { example: 'Break-even by the end of the programme', optional: true })
  description?: string;
}

export class WithdrawTargetDto {
  @Reason('The programme was closed')
  reason!: string;
}
