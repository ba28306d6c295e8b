import { OneOf, Text } from '@sfp/service-kit/body-fields';
import { REFERRAL_TARGETS, type ReferralTarget } from '../../domain/service-request.reference-data';

export class ReferRequestDto {
  @OneOf(REFERRAL_TARGETS)
  target!: ReferralTarget;

  @Text(1, 200, { example: 'CGAP' })
  referredTo!: string;

  @Text(1, 2_000, { example: 'They maintain the toolkit requested' })
  reason!: string;
}
