import { Text } from '@sfp/service-kit/body-fields';

export class RetireCourseDto {
  @Text(1, 1000, { example: 'Replaced by SFP-MF-201' })
  reason!: string;
}
