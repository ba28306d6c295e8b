import { programmeCommand } from '../programme.command-routes';
import { AddOfferingToProgrammeDto } from './add-offering.request.dto';

/** An offering counts towards the programme. POST /programmes/:id/offerings */
export const addOfferingToProgramme = programmeCommand({
  path: 'offerings',
  commandType: 'AddOfferingToProgramme',
  summary: 'Add an offering to the programme: its participants’ results count towards its targets.',
  done: 'Added',
  dto: AddOfferingToProgrammeDto,
  alsoNotFound: 'no such offering (code OFFERING_NOT_FOUND)',
  alsoRefusedWhen: 'the offering is already in it (code OFFERING_ALREADY_IN_PROGRAMME)',
  // The offering is checked when the command is decided (and again on a retry).
  command: (dto, programmes) => async () => {
    await programmes.checkOfferingExists(dto.offeringId);
    return { type: 'AddOfferingToProgramme', offeringId: dto.offeringId };
  },
});
