import { Text } from '../../../http/field-decorators';

export class CloseProgrammeDto {
  @Text(1, 1000, { example: 'The programme period is over' })
  reason!: string;
}
