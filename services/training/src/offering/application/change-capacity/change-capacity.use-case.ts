import { offeringCommand } from '../offering.command-routes';
import { ChangeCapacityDto } from './change-capacity.request.dto';

/** More or fewer seats (never fewer than those taken). POST /offerings/:id/capacity */
export const changeCapacity = offeringCommand({
  path: 'capacity',
  commandType: 'ChangeOfferingCapacity',
  summary:
    'Change the number of seats: never below those taken (400, CAPACITY_BELOW_ENROLMENT); raising it promotes from the waitlist.',
  done: 'Capacity changed',
  dto: ChangeCapacityDto,
  command: (dto) => ({ type: 'ChangeOfferingCapacity', capacity: dto.capacity }),
});
