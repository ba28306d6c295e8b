import { Type, type Static } from '@sinclair/typebox';
import { commandResultFields, type MutuallyAssignable } from '@sfp/service-kit';
import type { ProgrammeCommandResult } from './programmes';

/** What every programme command answers. */
export const ProgrammeCommandResultSchema = Type.Object(
  commandResultFields('programmeId', {
    id: 'The programme’s id',
    version: 'The programme’s version after the command: its new ETag',
    changed: 'Whether the command recorded anything',
  }),
  { title: 'ProgrammeCommandResult' },
);

const programmeResultMatches: MutuallyAssignable<
  Static<typeof ProgrammeCommandResultSchema>,
  ProgrammeCommandResult
> = true;
void programmeResultMatches;
