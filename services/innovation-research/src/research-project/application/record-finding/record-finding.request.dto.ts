import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SchemaRules } from '@sfp/auth';
import { FINDING_VERDICTS, type FindingVerdict } from '@sfp/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNumber,
  IsObject,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NumberIn, OneOf, OptionalText, Text, WholeNumber } from '@sfp/service-kit/body-fields';
import { SampleDto } from '../sample.dto';

/** The largest effect size or bound accepted (in the finding's unit). */
const MAX_EFFECT = 1_000_000_000;

/** A 95 % confidence interval. */
export class ConfidenceIntervalDto {
  @NumberIn(-MAX_EFFECT, MAX_EFFECT, { example: -2.9 })
  lower!: number;

  @NumberIn(-MAX_EFFECT, MAX_EFFECT, { example: -0.7, description: 'Not below the lower bound' })
  upper!: number;
}

/** The estimated effect with its unit, and its standard error or 95 % confidence interval (one at least). */
@SchemaRules({
  anyOf: [
    { required: ['standardError'], properties: { standardError: { type: 'number' } } },
    { required: ['confidenceInterval'], properties: { confidenceInterval: { type: 'object' } } },
  ],
})
export class EffectDto {
  @NumberIn(-MAX_EFFECT, MAX_EFFECT, { example: -1.8 })
  size!: number;

  @Text(1, 100, { example: 'hours per week' })
  unit!: string;

  @ApiPropertyOptional({
    type: 'number',
    example: 0.56,
    description:
      'Standard error of the estimate; without an interval, the 95 % interval is computed from it (size ± 1.96 SE)',
  })
  @ValidateIf(
    (effect: EffectDto) =>
      (effect.standardError !== undefined && effect.standardError !== null) ||
      effect.confidenceInterval === undefined ||
      effect.confidenceInterval === null,
  )
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    {
      message:
        'standardError must be a number (a finding needs a standard error or a confidence interval)',
    },
  )
  @Min(0)
  @Max(MAX_EFFECT)
  standardError?: number;

  @ApiPropertyOptional({
    type: ConfidenceIntervalDto,
    description: 'The 95 % confidence interval (it must contain the size)',
  })
  @ValidateIf(
    (effect: EffectDto) =>
      effect.confidenceInterval !== undefined && effect.confidenceInterval !== null,
  )
  @IsObject()
  @ValidateNested()
  @Type(() => ConfidenceIntervalDto)
  confidenceInterval?: ConfidenceIntervalDto;
}

export class RecordResearchFindingDto {
  @Text(1, 20, { example: 'H1', description: 'The hypothesis it tests' })
  hypothesisId!: string;

  @OneOf(FINDING_VERDICTS, {
    description:
      'supported (the interval excludes 0 on the expected side), not-supported or inconclusive: null and negative results are published like any other',
  })
  verdict!: FindingVerdict;

  @WholeNumber(1, 20, { example: 1, description: 'The follow-up round the estimate comes from' })
  surveyRound!: number;

  @ApiProperty({ type: EffectDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EffectDto)
  effect!: EffectDto;

  @ApiProperty({ type: SampleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SampleDto)
  sample!: SampleDto;

  @OptionalText(1, 2000, { example: 'Effect concentrated among girls aged 12–17' })
  note?: string;
}
