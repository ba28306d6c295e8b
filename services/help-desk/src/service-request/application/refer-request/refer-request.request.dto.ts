import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { REFERRAL_TARGETS, type ReferralTarget } from '../../domain/service-request.reference-data';

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
