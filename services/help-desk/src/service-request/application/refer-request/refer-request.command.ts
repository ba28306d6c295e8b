import type { ServiceRequestCommandBody } from '../service-requests';
import type { ReferRequestDto } from './refer-request.request.dto';

/** The domain command of a validated refer request, from HTTP or Kafka alike. */
export function referRequestCommandOf(dto: ReferRequestDto): ServiceRequestCommandBody {
  return {
    type: 'ReferServiceRequest',
    target: dto.target,
    referredTo: dto.referredTo,
    reason: dto.reason,
  };
}
