import { programmeCommand } from '../programme.command-routes';
import { programmeTargetOf, SetProgrammeTargetsDto } from './set-programme-targets.request.dto';

/** The programme's targets, all of them (replacing the earlier set). POST /programmes/:id/targets */
export const setProgrammeTargets = programmeCommand({
  path: 'targets',
  commandType: 'SetProgrammeTargets',
  summary:
    'Set the programme’s targets: people trained (by sex and constituent group), completion rate, knowledge gain; replaces the earlier set.',
  done: 'Targets set',
  dto: SetProgrammeTargetsDto,
  rules:
    'A target given twice, a value its indicator cannot take, a rate by sex or group, or a due date outside the programme',
  command: (dto) => ({ type: 'SetProgrammeTargets', targets: dto.targets.map(programmeTargetOf) }),
});
