import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { EVALUATION_ITEMS, LIKERT_RANGE, type EvaluationItem } from '@sfp/contracts';
import { OneOf, OptionalText, WholeNumber } from '@sfp/service-kit/body-fields';

export class EvaluationRatingDto {
  @OneOf(EVALUATION_ITEMS)
  item!: EvaluationItem;

  @WholeNumber(LIKERT_RANGE.min, LIKERT_RANGE.max, {
    example: 4,
    description: '1 (strongly disagree) to 5 (strongly agree)',
  })
  score!: number;
}

export class SubmitEvaluationDto {
  @ApiProperty({ description: 'The enrolment of the participant who answers (never shown)' })
  @IsUUID('4')
  enrolmentId!: string;

  @ApiProperty({ type: [EvaluationRatingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVALUATION_ITEMS.length)
  @ValidateNested({ each: true })
  @Type(() => EvaluationRatingDto)
  ratings!: EvaluationRatingDto[];

  @OptionalText(1, 4000, { example: 'The field visit to the SACCO was the most useful part' })
  comment?: string;
}
