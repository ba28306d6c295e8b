import { WholeNumber } from '@sfp/service-kit/body-fields';

export class ChangeCapacityDto {
  @WholeNumber(1, 1000, {
    example: 30,
    description: 'Seats: never below those taken; raising it promotes from the waitlist',
  })
  capacity!: number;
}
