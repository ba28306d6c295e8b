import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsString, Length } from 'class-validator';

export class ResolveRequestDto {
  @ApiProperty({
    example: 'Sent the 2026 guarantee-fund guidelines with a note on youth targeting',
  })
  @IsString()
  @Length(1, 10_000)
  answer!: string;

  @ApiProperty({ type: [String], example: ['Guarantee fund guidelines (PDF)'] })
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  @ArrayMaxSize(50)
  outputs!: string[];
}
