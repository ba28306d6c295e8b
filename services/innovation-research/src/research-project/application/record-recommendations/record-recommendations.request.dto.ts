import { ApiProperty } from '@nestjs/swagger';
import { RECOMMENDATION_AUDIENCES, type RecommendationAudience } from '@sfp/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { OneOf, Text } from '@sfp/service-kit/body-fields';

export class RecommendationDto {
  @OneOf(RECOMMENDATION_AUDIENCES, { description: 'For policy or for practice' })
  audience!: RecommendationAudience;

  @Text(10, 4000, {
    example: 'Bundle index insurance with group loans rather than sell it on its own',
  })
  text!: string;
}

export class RecordResearchRecommendationsDto {
  @ApiProperty({ type: [RecommendationDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RecommendationDto)
  recommendations!: RecommendationDto[];
}
