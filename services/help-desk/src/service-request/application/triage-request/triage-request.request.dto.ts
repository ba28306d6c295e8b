import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  GLOBAL_INITIATIVES,
  PRIORITIES,
  REQUEST_KINDS,
  THEMES,
  type GlobalInitiative,
  type Priority,
  type RequestKind,
  type Theme,
} from '../../domain/service-request.reference-data';

export class TriageRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: RequestKind;

  @ApiPropertyOptional({ enum: GLOBAL_INITIATIVES })
  @IsOptional()
  @IsIn(GLOBAL_INITIATIVES)
  globalInitiative?: GlobalInitiative;

  @ApiProperty({ enum: THEMES, isArray: true })
  @IsIn(THEMES, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(THEMES.length)
  themes!: Theme[];

  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES)
  priority!: Priority;

  @ApiPropertyOptional({ maxLength: 2_000 })
  @IsOptional()
  @IsString()
  @Length(1, 2_000)
  note?: string;
}
