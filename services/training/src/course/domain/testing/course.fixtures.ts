import type { CourseCommandType, CourseDefinition, CourseStatus } from '@sfp/contracts';
import type { CourseCommand, CreateCourse } from '../course.commands';
import {
  CourseCreated,
  CoursePublished,
  CourseRetired,
  CourseRevised,
  type CourseEvent,
} from '../course.events';

/**
 * One course for the domain's specs: what its owner writes on T0, a
 * well-formed command of every type given on a course, and the events that
 * bring the course to each status. Dates are days after T0 (`at`).
 */
export const courseId = 'course-3f1d2c4b-6a7e-4b8c-9d0e-1f2a3b4c5d6e';
export const T0 = '2025-09-15T08:30:00.000Z';
export const at = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

export const definition: CourseDefinition = {
  code: 'SFP-MF-101',
  title: 'Microfinance for decent work',
  kind: 'regional-course',
  learningObjectives: [
    'Explain how microfinance institutions can promote decent work',
    'Assess the social performance of a microfinance institution',
  ],
  themes: ['youth', 'poverty'],
  audiences: ['government', 'workers-organisation', 'staff'],
  durationHours: 24,
  priorityArea: 'financial-inclusion',
  languages: ['en', 'fr'],
  owner: 'user-trainer-1',
  supervisorApprovalRequired: true,
  completionRule: { minAttendancePercent: 80, minPostTestScore: 60 },
};

/** The definition as revised: three days long, with a lower attendance threshold. */
export const revisedDefinition: CourseDefinition = {
  ...definition,
  durationHours: 21,
  completionRule: { minAttendancePercent: 75, minPostTestScore: 60 },
};

export const create: CreateCourse = {
  type: 'CreateCourse',
  courseId,
  course: definition,
  at: T0,
  by: 'user-trainer-1',
};

/** A well-formed command of each type given on a course: only its status can refuse it. */
export const commands: {
  [C in CourseCommandType]: Extract<CourseCommand, { type: C }>;
} = {
  ReviseCourse: {
    type: 'ReviseCourse',
    course: revisedDefinition,
    reason: 'Three days instead of four',
    at: at(20),
    by: 'user-trainer-1',
  },
  PublishCourse: { type: 'PublishCourse', at: at(10), by: 'user-trainer-1' },
  RetireCourse: {
    type: 'RetireCourse',
    reason: 'Replaced by SFP-MF-201',
    at: at(300),
    by: 'user-trainer-1',
  },
};

export const created = CourseCreated.of({
  courseId,
  revision: 1,
  course: definition,
  createdBy: 'user-trainer-1',
  createdAt: T0,
});
export const published = CoursePublished.of({
  courseId,
  revision: 1,
  publishedBy: 'user-trainer-1',
  publishedAt: at(10),
});
export const retired = CourseRetired.of({
  courseId,
  reason: 'Replaced by SFP-MF-201',
  retiredBy: 'user-trainer-1',
  retiredAt: at(300),
});
/** A published course revised: revision 2. */
export const revisedToTwo = CourseRevised.of({
  courseId,
  revision: 2,
  course: revisedDefinition,
  reason: 'Three days instead of four',
  revisedBy: 'user-trainer-1',
  revisedAt: at(20),
});

/** The events that bring the course to each status (published at revision 1). */
export const history: Record<CourseStatus, CourseEvent[]> = {
  draft: [created],
  published: [created, published],
  retired: [created, published, retired],
};
