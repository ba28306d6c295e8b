import { Type, type Static } from '@sinclair/typebox';
import type { MutuallyAssignable } from '@sfp/service-kit';
import type { ProgrammeCommandResult } from './programmes';

/** What every programme command answers. */
export const ProgrammeCommandResultSchema = Type.Object(
  {
    programmeId: Type.String({ format: 'uuid', description: 'The programme’s id' }),
    streamVersion: Type.Integer({
      minimum: 1,
      description: 'The programme’s version after the command: its new ETag',
    }),
    position: Type.Integer({
      minimum: 0,
      description:
        'Global position of the command’s last event (pass it as minPosition to read your writes); the current head when nothing changed',
    }),
    changed: Type.Boolean({ description: 'Whether the command recorded anything' }),
  },
  { title: 'ProgrammeCommandResult' },
);

const programmeResultMatches: MutuallyAssignable<
  Static<typeof ProgrammeCommandResultSchema>,
  ProgrammeCommandResult
> = true;
void programmeResultMatches;
