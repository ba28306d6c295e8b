import { courseCommand } from '../course.command-routes';

/** Published: offerings of it may be planned. POST /courses/:id/publish */
export const publishCourse = courseCommand({
  path: 'publish',
  commandType: 'PublishCourse',
  summary: 'Publish the course so that offerings of it can be planned.',
  done: 'Published',
  command: () => ({ type: 'PublishCourse' }),
});
