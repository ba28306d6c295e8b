/** Planning an offering of a published course. */
import { CourseNotPublishedError, TrainingRuleError } from '../../course/domain/course.errors';
import { checkCapacity, isCalendarDate } from './offering.checks';
import type { PlanOffering } from './offering.commands';
import { OfferingPlanned, type OfferingEvent } from './offering.events';

export function plan(command: PlanOffering): OfferingEvent[] {
  const { course, plan } = command;
  if (course.status !== 'published')
    throw new CourseNotPublishedError(course.courseId, course.status);
  if (!isCalendarDate(plan.schedule.startsOn))
    throw new TrainingRuleError('plan.schedule.startsOn', 'The first day is a calendar date');
  if (!isCalendarDate(plan.schedule.endsOn))
    throw new TrainingRuleError('plan.schedule.endsOn', 'The last day is a calendar date');
  if (plan.schedule.endsOn < plan.schedule.startsOn)
    throw new TrainingRuleError('plan.schedule.endsOn', 'The offering cannot end before it starts');
  checkCapacity(plan.capacity, 'plan.capacity');
  return [
    OfferingPlanned.of({
      ...plan,
      offeringId: command.offeringId,
      courseId: course.courseId,
      courseRevision: course.revision,
      courseCode: course.code,
      courseTitle: course.title,
      completionRule: {
        minAttendancePercent: course.completionRule.minAttendancePercent,
        ...(course.completionRule.minPostTestScore !== undefined
          ? { minPostTestScore: course.completionRule.minPostTestScore }
          : {}),
      },
      supervisorApprovalRequired: course.supervisorApprovalRequired,
      plannedBy: command.by,
      plannedAt: command.at,
    }),
  ];
}
