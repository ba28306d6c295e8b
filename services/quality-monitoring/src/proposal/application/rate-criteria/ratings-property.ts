import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_CRITERIA } from '@sfp/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { CriterionRatingDto } from './criterion-rating.dto';

/** A list of ratings: at least `min`, at most one per criterion. */
export function ratingsProperty(min: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: [CriterionRatingDto],
      minItems: min,
      maxItems: REVIEW_CRITERIA.length,
      description,
    }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(REVIEW_CRITERIA.length),
    ValidateNested({ each: true }),
    Type(() => CriterionRatingDto),
  );
}
