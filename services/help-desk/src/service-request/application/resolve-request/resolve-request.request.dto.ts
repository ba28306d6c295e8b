import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsString, Length } from 'class-validator';
import { Text } from '@sfp/service-kit/body-fields';

export class ResolveRequestDto {
  @Text(1, 10_000, {
    example: 'Sent the 2026 guarantee-fund guidelines with a note on youth targeting',
  })
  answer!: string;

  @ApiProperty({ type: [String], example: ['Guarantee fund guidelines (PDF)'] })
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  @ArrayMaxSize(50)
  outputs!: string[];
}
