import { ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_DECISIONS, type ReviewDecision } from '@sfp/contracts';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OneOf, Texts } from '@sfp/service-kit/body-fields';

export class DecideProposalDto {
  @OneOf(REVIEW_DECISIONS, {
    description:
      'approved, approved-with-conditions (with its conditions), revise-and-resubmit or rejected',
  })
  decision!: ReviewDecision;

  @Texts(20, 2000, {
    example: ['The partner’s PAR30 is far above the threshold'],
    description: 'Why: at least one reason',
  })
  reasons!: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: [],
    description:
      'The conditions of an approval with conditions (at least one then; none otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  @Matches(/\S/, { each: true, message: 'each value in $property must not be blank' })
  conditions?: string[];
}
