import { Type, type Static } from '@sinclair/typebox';
import type { MutuallyAssignable } from '@sfp/service-kit';
import type { CourseCommandResult } from './courses';

/** What every course command answers. */
export const CourseCommandResultSchema = Type.Object(
  {
    courseId: Type.String({ format: 'uuid', description: 'The course’s id' }),
    streamVersion: Type.Integer({
      minimum: 1,
      description: 'The course’s version after the command: its new ETag',
    }),
    position: Type.Integer({
      minimum: 0,
      description:
        'Global position of the command’s last event (pass it as minPosition to read your writes); the current head when nothing changed',
    }),
    changed: Type.Boolean({
      description: 'Whether the command recorded anything (an idempotent repeat records nothing)',
    }),
  },
  { title: 'CourseCommandResult' },
);

const resultMatches: MutuallyAssignable<
  Static<typeof CourseCommandResultSchema>,
  CourseCommandResult
> = true;
void resultMatches;
