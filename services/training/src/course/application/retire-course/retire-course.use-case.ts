import { courseCommand } from '../course.command-routes';
import { RetireCourseDto } from './retire-course.request.dto';

/** Retired: no new offering; offerings already planned run as planned. POST /courses/:id/retire */
export const retireCourse = courseCommand({
  path: 'retire',
  commandType: 'RetireCourse',
  summary: 'Retire the course: no new offering of it (those planned run as planned).',
  done: 'Retired',
  dto: RetireCourseDto,
  command: (dto) => ({ type: 'RetireCourse', reason: dto.reason }),
});
