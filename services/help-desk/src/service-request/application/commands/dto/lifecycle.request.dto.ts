import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  CANCELLED_BY,
  GLOBAL_INITIATIVES,
  PRIORITIES,
  REFERRAL_TARGETS,
  REQUEST_KINDS,
  THEMES,
  type CancelledBy,
  type GlobalInitiative,
  type Priority,
  type ReferralTarget,
  type RequestKind,
  type Theme,
} from '../../../domain/service-request.reference-data';

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

export class AssignRequestDto {
  @ApiProperty({
    example: 'staff-jkamau',
    description: 'The staff member who will handle the request',
  })
  @IsString()
  @Length(1, 100)
  assignee!: string;
}

export class ReferRequestDto {
  @ApiProperty({ enum: REFERRAL_TARGETS })
  @IsIn(REFERRAL_TARGETS)
  target!: ReferralTarget;

  @ApiProperty({ example: 'CGAP' })
  @IsString()
  @Length(1, 200)
  referredTo!: string;

  @ApiProperty({ example: 'They maintain the toolkit requested' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}

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

export class RequestReasonDto {
  @ApiProperty({ example: 'The answer did not cover the youth component' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}

export class CancelRequestDto extends RequestReasonDto {
  @ApiProperty({ enum: CANCELLED_BY })
  @IsIn(CANCELLED_BY)
  cancelledBy!: CancelledBy;
}

export class CommentDto {
  @ApiProperty({ example: 'Called the requester; more detail to follow' })
  @IsString()
  @Length(1, 5_000)
  text!: string;
}
