import { Text } from '../../../http/field-decorators';

export class CancelOfferingDto {
  @Text(1, 1000, { example: 'Venue unavailable after the floods' })
  reason!: string;
}
