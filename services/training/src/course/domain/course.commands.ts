import type { CourseDefinition } from '@sfp/contracts';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

export interface CreateCourse extends Timed {
  type: 'CreateCourse';
  courseId: string;
  course: CourseDefinition;
}

export interface ReviseCourse extends Timed {
  type: 'ReviseCourse';
  course: CourseDefinition;
  reason: string;
}

export interface PublishCourse extends Timed {
  type: 'PublishCourse';
}

export interface RetireCourse extends Timed {
  type: 'RetireCourse';
  reason: string;
}

export type CourseCommand = CreateCourse | ReviseCourse | PublishCourse | RetireCourse;
