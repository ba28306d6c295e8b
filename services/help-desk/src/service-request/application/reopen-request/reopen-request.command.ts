import type { ServiceRequestCommandBody } from '../service-requests';
import type { RequestReasonDto } from './reopen-request.request.dto';

/** The domain command of a validated reopen request, from HTTP or Kafka alike. */
export function reopenRequestCommandOf(dto: RequestReasonDto): ServiceRequestCommandBody {
  return { type: 'ReopenServiceRequest', reason: dto.reason };
}
