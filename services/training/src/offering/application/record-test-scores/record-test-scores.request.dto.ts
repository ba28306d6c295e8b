import { ApiProperty } from '@nestjs/swagger';
import { SchemaRules } from '@sfp/auth';
import { IsUUID } from 'class-validator';
import { TEST_SCORE_RANGE } from '@sfp/contracts';
import { OptionalNumberIn } from '@sfp/service-kit/body-fields';

/** A pre-test score, a post-test score or both (else RULE_VIOLATED, 400). */
@SchemaRules({
  anyOf: [
    { required: ['preTest'], properties: { preTest: { type: 'number' } } },
    { required: ['postTest'], properties: { postTest: { type: 'number' } } },
  ],
})
export class RecordTestScoresDto {
  @ApiProperty({ description: 'The enrolment whose scores these are' })
  @IsUUID('4')
  enrolmentId!: string;

  @OptionalNumberIn(TEST_SCORE_RANGE.min, TEST_SCORE_RANGE.max, {
    example: 45,
    description: 'Pre-test score in per cent',
  })
  preTest?: number;

  @OptionalNumberIn(TEST_SCORE_RANGE.min, TEST_SCORE_RANGE.max, {
    example: 82,
    description: 'Post-test score in per cent',
  })
  postTest?: number;
}
