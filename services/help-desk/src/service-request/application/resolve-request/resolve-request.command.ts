import type { ServiceRequestCommandBody } from '../service-requests';
import type { ResolveRequestDto } from './resolve-request.request.dto';

/** The domain command of a validated resolve request, from HTTP or Kafka alike. */
export function resolveRequestCommandOf(dto: ResolveRequestDto): ServiceRequestCommandBody {
  return { type: 'ResolveServiceRequest', answer: dto.answer, outputs: dto.outputs };
}
