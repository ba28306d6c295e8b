import { Text } from '@sfp/service-kit/body-fields';

export class CancelOfferingDto {
  @Text(1, 1000, { example: 'Venue unavailable after the floods' })
  reason!: string;
}
