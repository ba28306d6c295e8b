import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateClientDto {
  @ApiProperty({ example: 'finance-dept-erp', description: 'The system, unique' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,59}$/, {
    message: 'must be 3–60 lower-case letters, digits, . _ -',
  })
  name!: string;

  @ApiProperty({
    example: 'FINANCE',
    description: 'The department it acts for: it sees only its own records',
  })
  @Matches(/^[A-Za-z0-9 ._&()/-]{1,80}$/, {
    message: 'must be 1–80 letters, digits, spaces or . _ & ( ) / -',
  })
  department!: string;
}

export class UpdateClientDto {
  @ApiProperty()
  @IsBoolean()
  disabled!: boolean;
}

export class IssueApiKeyDto {
  @ApiProperty({ example: 'production ERP' })
  @IsString()
  @Length(1, 80)
  label!: string;

  @ApiPropertyOptional({ default: 90, minimum: 1, maximum: 730 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}
