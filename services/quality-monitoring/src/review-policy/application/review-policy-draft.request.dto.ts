import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_CRITERIA, type ReviewCriterion, type ReviewPolicyDraft } from '@sfp/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { NumberIn, OneOf, OptionalText, Text, WholeNumber } from '@sfp/service-kit/body-fields';

export class RatingScaleDto {
  @NumberIn(0, 100, { example: 1 })
  min!: number;

  @NumberIn(1, 100, { example: 5, description: 'Above min' })
  max!: number;
}

export class WeightedCriterionDto {
  @OneOf(REVIEW_CRITERIA)
  criterion!: ReviewCriterion;

  @NumberIn(0, 1000, {
    example: 15,
    description: 'Weights are normalised: they need not sum to 100',
  })
  weight!: number;

  @Text(3, 2000, { example: 'Demand and market analysis; is finance the right tool?' })
  guidance!: string;
}

export class RedFlagThresholdsDto {
  @NumberIn(0, 1, { example: 0.1, description: 'PAR30 above this fraction is a red flag' })
  par30Max!: number;

  @NumberIn(0, 10, { example: 1, description: 'OSS below this fraction is a red flag' })
  ossMin!: number;

  @NumberIn(0, 1, {
    example: 0.24,
    description: 'A capped annual rate below this fraction prevents cost recovery',
  })
  minimumCostRecoveryRate!: number;
}

/** A new version of the review policy (the version number and dates are the service's). */
export class ReviewPolicyDraftDto {
  @ApiProperty({ type: RatingScaleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RatingScaleDto)
  scale!: RatingScaleDto;

  @ApiProperty({ type: [WeightedCriterionDto], minItems: 1, maxItems: REVIEW_CRITERIA.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_CRITERIA.length)
  @ValidateNested({ each: true })
  @Type(() => WeightedCriterionDto)
  criteria!: WeightedCriterionDto[];

  @ApiProperty({ type: RedFlagThresholdsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RedFlagThresholdsDto)
  thresholds!: RedFlagThresholdsDto;

  @NumberIn(0, 1_000_000_000_000, { example: 1000000 })
  secondReviewerAboveUsd!: number;

  @NumberIn(0, 100, { example: 1 })
  reconciliationTolerance!: number;

  @NumberIn(0, 100, { example: 60 })
  passingScore!: number;

  @WholeNumber(1, 365, { example: 15 })
  serviceLevelWorkingDays!: number;

  @OptionalText(1, 2000, { example: 'Stricter PAR30 threshold after the 2026 portfolio review' })
  note?: string;
}

export function reviewPolicyDraftOf(dto: ReviewPolicyDraftDto): ReviewPolicyDraft {
  return {
    scale: { min: dto.scale.min, max: dto.scale.max },
    criteria: dto.criteria.map((c) => ({
      criterion: c.criterion,
      weight: c.weight,
      guidance: c.guidance,
    })),
    thresholds: {
      par30Max: dto.thresholds.par30Max,
      ossMin: dto.thresholds.ossMin,
      minimumCostRecoveryRate: dto.thresholds.minimumCostRecoveryRate,
    },
    secondReviewerAboveUsd: dto.secondReviewerAboveUsd,
    reconciliationTolerance: dto.reconciliationTolerance,
    passingScore: dto.passingScore,
    serviceLevelWorkingDays: dto.serviceLevelWorkingDays,
    ...(dto.note ? { note: dto.note } : {}),
  };
}
