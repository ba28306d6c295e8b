import { Text } from '@sfp/service-kit/body-fields';

export class CloseProgrammeDto {
  @Text(1, 1000, { example: 'The programme period is over' })
  reason!: string;
}
