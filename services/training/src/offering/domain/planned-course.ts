import type { ExistingCourse } from '../../course/domain/course.decider';
import type { PlannedCourse } from './offering.commands';

/** What an offering takes from its course, as the course stands now (current revision and status). */
export function plannedCourseOf(course: ExistingCourse): PlannedCourse {
  const { minAttendancePercent, minPostTestScore } = course.course.completionRule;
  return {
    courseId: course.courseId,
    revision: course.revision,
    code: course.course.code,
    title: course.course.title,
    status: course.status,
    completionRule: {
      minAttendancePercent,
      ...(minPostTestScore !== undefined ? { minPostTestScore } : {}),
    },
    supervisorApprovalRequired: course.course.supervisorApprovalRequired,
  };
}
