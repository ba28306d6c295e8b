import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class AssignRequestDto {
  @ApiProperty({
    example: 'staff-jkamau',
    description: 'The staff member who will handle the request',
  })
  @IsString()
  @Length(1, 100)
  assignee!: string;
}
