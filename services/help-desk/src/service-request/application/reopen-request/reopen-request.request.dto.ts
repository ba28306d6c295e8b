import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** A reason given for a step (reopening; cancelling adds who cancels). */
export class RequestReasonDto {
  @ApiProperty({ example: 'The answer did not cover the youth component' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}
