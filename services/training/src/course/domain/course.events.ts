import type { CourseDefinition } from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** A new course, in draft, at revision 1. */
export interface CourseCreatedData {
  courseId: string;
  revision: number;
  course: CourseDefinition;
  createdBy: string;
  createdAt: string;
}

export class CourseCreated extends defineEventType<CourseCreatedData>()({
  type: 'training.CourseCreated',
  schemaVersion: 1,
}) {}

/**
 * The course as edited. A draft is edited in place (same revision); a
 * published course gets the next revision, and offerings already planned keep
 * the revision they were planned with.
 */
export interface CourseRevisedData {
  courseId: string;
  revision: number;
  course: CourseDefinition;
  reason: string;
  revisedBy: string;
  revisedAt: string;
}

export class CourseRevised extends defineEventType<CourseRevisedData>()({
  type: 'training.CourseRevised',
  schemaVersion: 1,
}) {}

/** Published: offerings of it may be planned. */
export interface CoursePublishedData {
  courseId: string;
  revision: number;
  publishedBy: string;
  publishedAt: string;
}

export class CoursePublished extends defineEventType<CoursePublishedData>()({
  type: 'training.CoursePublished',
  schemaVersion: 1,
}) {}

/** Retired: no new offering; offerings already planned run as planned. */
export interface CourseRetiredData {
  courseId: string;
  reason: string;
  retiredBy: string;
  retiredAt: string;
}

export class CourseRetired extends defineEventType<CourseRetiredData>()({
  type: 'training.CourseRetired',
  schemaVersion: 1,
}) {}

export const COURSE_EVENT_CLASSES = [
  CourseCreated,
  CourseRevised,
  CoursePublished,
  CourseRetired,
] as const;

export type CourseEvent =
  | EventOf<typeof CourseCreated>
  | EventOf<typeof CourseRevised>
  | EventOf<typeof CoursePublished>
  | EventOf<typeof CourseRetired>;
