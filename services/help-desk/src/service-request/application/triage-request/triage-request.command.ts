import type { ServiceRequestCommandBody } from '../service-requests';
import type { TriageRequestDto } from './triage-request.request.dto';

/** The domain command of a validated triage request, from HTTP or Kafka alike. */
export function triageRequestCommandOf(dto: TriageRequestDto): ServiceRequestCommandBody {
  return {
    type: 'TriageServiceRequest',
    kind: dto.kind,
    ...(dto.globalInitiative ? { globalInitiative: dto.globalInitiative } : {}),
    themes: dto.themes,
    priority: dto.priority,
    ...(dto.note ? { note: dto.note } : {}),
  };
}
