import type { EnrolParticipant } from '../../domain/offering.commands';
import type { EnrolParticipantDto } from './enrol-participant.request.dto';

/** The domain command of a validated enrolment, from HTTP or Kafka alike (without its time and author). */
export function enrolCommandOf(
  dto: EnrolParticipantDto,
  enrolmentId: string,
  personIdOf: (email: string) => string,
): Omit<EnrolParticipant, 'at' | 'by'> {
  const { participant } = dto;
  return {
    type: 'EnrolParticipant',
    enrolmentId,
    participant: {
      personId: personIdOf(participant.email),
      name: participant.name,
      email: participant.email,
      organisation: participant.organisation,
      ...(participant.constituentGroup ? { constituentGroup: participant.constituentGroup } : {}),
      country: participant.country,
      sex: participant.sex,
      staff: participant.staff,
    },
    ...(dto.supervisor ? { supervisor: dto.supervisor } : {}),
  };
}
