import { Text } from '@sfp/service-kit/body-fields';

export class WithdrawProposalDto {
  @Text(3, 2000, { example: 'The donor moved the funds to the 2027 budget' })
  reason!: string;
}
