import { WholeNumber } from '../../../http/field-decorators';

export class ChangeCapacityDto {
  @WholeNumber(1, 1000, {
    example: 30,
    description: 'Seats: never below those taken; raising it promotes from the waitlist',
  })
  capacity!: number;
}
