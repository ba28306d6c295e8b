import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import { ArrayMaxSize, ArrayUnique, IsUUID } from 'class-validator';

export class RecordAttendanceDto {
  @ApiProperty({ example: '2026-03-09', description: 'A session day, from the first to the last' })
  @IsCalendarDate()
  day!: string;

  @ApiProperty({
    type: [String],
    description: 'Enrolment ids present that day; every other enrolled participant is absent',
  })
  @IsUUID('4', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(1000)
  present!: string[];
}
