import { courseCommand } from '../course.command-routes';
import { courseDefinitionOf } from '../course-definition.dto';
import { ReviseCourseDto } from './revise-course.request.dto';

/** A new revision of the course (a draft is edited in place). POST /courses/:id/revisions */
export const reviseCourse = courseCommand({
  path: 'revisions',
  commandType: 'ReviseCourse',
  summary: 'Revise the course (a published course gets its next revision).',
  done: 'Revised',
  dto: ReviseCourseDto,
  command: (dto) => ({
    type: 'ReviseCourse',
    course: courseDefinitionOf(dto.course),
    reason: dto.reason,
  }),
});
