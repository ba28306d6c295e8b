import type { ServiceRequestCommandBody } from '../service-requests';
import type { AssignRequestDto } from './assign-request.request.dto';

/** The domain command of a validated assign request, from HTTP or Kafka alike. */
export function assignRequestCommandOf(dto: AssignRequestDto): ServiceRequestCommandBody {
  return { type: 'AssignServiceRequest', assignee: dto.assignee };
}
