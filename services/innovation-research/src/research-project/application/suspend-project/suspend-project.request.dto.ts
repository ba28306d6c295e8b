import { Text } from '@sfp/service-kit/body-fields';

export class SuspendResearchProjectDto {
  @Text(1, 1000, { example: 'The partner bank’s licence is under review by the central bank' })
  reason!: string;
}
