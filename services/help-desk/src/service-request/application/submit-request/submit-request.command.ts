import type { SubmitServiceRequest } from '../../domain/service-request.commands';
import type { SubmitRequestDto } from './submit-request.request.dto';

/** The domain command of a validated submission, from HTTP or Kafka alike (without its time and author). */
export function submitCommandOf(
  dto: SubmitRequestDto,
  requestId: string,
  personIdOf: (email: string) => string,
): Omit<SubmitServiceRequest, 'at' | 'by'> {
  return {
    type: 'SubmitServiceRequest',
    requestId,
    requester: {
      personId: personIdOf(dto.requester.email),
      name: dto.requester.name,
      email: dto.requester.email,
      origin: dto.requester.origin,
      organisation: dto.requester.organisation,
      ...(dto.requester.constituentGroup
        ? { constituentGroup: dto.requester.constituentGroup }
        : {}),
    },
    title: dto.title,
    description: dto.description,
    kind: dto.kind,
    ...(dto.globalInitiative ? { globalInitiative: dto.globalInitiative } : {}),
    themes: dto.themes,
    region: dto.region,
    country: dto.country,
    priority: dto.priority,
  };
}
