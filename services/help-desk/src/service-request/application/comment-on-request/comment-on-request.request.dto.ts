import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CommentDto {
  @ApiProperty({ example: 'Called the requester; more detail to follow' })
  @IsString()
  @Length(1, 5_000)
  text!: string;
}
