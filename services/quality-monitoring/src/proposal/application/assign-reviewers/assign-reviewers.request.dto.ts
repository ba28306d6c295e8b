import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  Length,
  Matches,
} from 'class-validator';

export class AssignReviewersDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 2,
    example: ['amina.diallo', 'joseph.mensah'],
    description:
      'Usernames of active platform users (else 400 on reviewers[i]); a second one is required above the policy’s budget threshold',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @Matches(/\S/, { each: true, message: 'each value in $property must not be blank' })
  reviewers!: string[];
}
