import { programmeCommand } from '../programme.command-routes';
import { CloseProgrammeDto } from './close-programme.request.dto';

/** The programme ends: no more offerings or targets; its results stay. POST /programmes/:id/close */
export const closeProgramme = programmeCommand({
  path: 'close',
  commandType: 'CloseProgramme',
  summary: 'Close the programme: it takes no more offerings or targets; its results stay.',
  done: 'Closed',
  dto: CloseProgrammeDto,
  command: (dto) => ({ type: 'CloseProgramme', reason: dto.reason }),
});
