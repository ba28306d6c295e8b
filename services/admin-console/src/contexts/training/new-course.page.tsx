import { FormFooter } from '../../components/form-layout';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { useAuth } from '../../session';
import {
  COURSE_EXTRA_FIELDS,
  CourseFields,
  courseDefinitionOf,
  courseValuesOf,
} from './course-form';
import { trainingCommands } from './training.api';
import { useTrainingForm } from './use-training-form';

/** Writes a new course (a draft at revision 1); the API's field messages show beside their fields. */
export function NewCoursePage() {
  const { me } = useAuth();
  const form = useTrainingForm({
    initial: courseValuesOf(undefined, me?.name ?? ''),
    fields: COURSE_EXTRA_FIELDS,
    send: (v) => trainingCommands.createCourse(courseDefinitionOf(v)),
    opens: (created) => href('trainingCourse', { courseId: created.courseId }),
  });
  return (
    <main id="main">
      <BackLink to={href('trainingCourses')}>Course catalogue</BackLink>
      <h1>Write a course</h1>
      <form className="panel" aria-label="Course" onSubmit={form.onSubmit} noValidate>
        <CourseFields form={form} />
        <FormFooter form={form} submit="Save as a draft" busyLabel="Saving…" />
      </form>
    </main>
  );
}
