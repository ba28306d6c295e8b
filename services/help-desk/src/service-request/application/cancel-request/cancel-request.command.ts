import type { ServiceRequestCommandBody } from '../service-requests';
import type { CancelRequestDto } from './cancel-request.request.dto';

/** The domain command of a validated cancel request, from HTTP or Kafka alike. */
export function cancelRequestCommandOf(dto: CancelRequestDto): ServiceRequestCommandBody {
  return {
    type: 'CancelServiceRequest',
    cancelledBy: dto.cancelledBy,
    reason: dto.reason,
  };
}
