import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import { SURVEY_ROUND_KINDS, type SurveyRoundKind } from '@sfp/contracts';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { OneOf, OptionalText, WholeNumber } from '@sfp/service-kit/body-fields';
import { SampleDto } from '../sample.dto';

export class RecordSurveyRoundDto {
  @OneOf(SURVEY_ROUND_KINDS, {
    description:
      'baseline (number 0, in baseline-survey) or follow-up (1, 2, …, in follow-up-survey)',
  })
  kind!: SurveyRoundKind;

  @WholeNumber(0, 20, { example: 0, description: '0 for the baseline; 1, 2, … for the follow-ups' })
  number!: number;

  @ApiProperty({ example: '2025-09-30', description: 'The day fieldwork ended' })
  @IsCalendarDate()
  completedOn!: string;

  @ApiProperty({ type: SampleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SampleDto)
  sample!: SampleDto;

  @OptionalText(1, 2000, { example: 'Attrition of 4 % in the comparison villages' })
  note?: string;
}
