import { Type, type Static } from '@sinclair/typebox';
import { commandResultFields, type MutuallyAssignable } from '@sfp/service-kit';
import type { CourseCommandResult } from './courses';

/** What every course command answers. */
export const CourseCommandResultSchema = Type.Object(
  commandResultFields('courseId', {
    id: 'The course’s id',
    version: 'The course’s version after the command: its new ETag',
  }),
  { title: 'CourseCommandResult' },
);

const resultMatches: MutuallyAssignable<
  Static<typeof CourseCommandResultSchema>,
  CourseCommandResult
> = true;
void resultMatches;
