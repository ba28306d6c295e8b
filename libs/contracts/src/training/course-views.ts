/** The training API's answers about courses (GET /courses, GET /courses/{id}), as the console reads them. */
import type { Theme } from '../help-desk/reference-data';
import type {
  CourseKind,
  PriorityArea,
  TrainingAudience,
  TrainingLanguage,
} from './reference-data';
import type { CourseDefinition } from './training';
import type { CourseStatus } from './training.lifecycle';

/**
 * One course of the catalogue: its current revision's definition in brief,
 * with what the list filters on. A course holds no personal data (its owner
 * is a user id).
 */
export interface CourseEntry {
  courseId: string;
  code: string;
  title: string;
  kind: CourseKind;
  status: CourseStatus;
  /** The current revision: what new offerings are planned from. */
  revision: number;
  themes: Theme[];
  audiences: TrainingAudience[];
  priorityArea: PriorityArea;
  languages: TrainingLanguage[];
  durationHours: number;
  owner: string;
  supervisorApprovalRequired: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  retiredAt?: string;
}

/** One revision of a course: its definition as last written, and when it was published. */
export interface CourseRevisionEntry {
  revision: number;
  course: CourseDefinition;
  /** Why it was last edited (absent for the definition as created). */
  reason?: string;
  writtenBy: string;
  writtenAt: string;
  /** When it became the revision offerings are planned from (published, or revised while published). */
  publishedAt?: string;
}

/** A course as read from its stream: where it stands, its current definition and every revision. */
export interface CourseDetail {
  courseId: string;
  /** The course's version: its ETag, for If-Match. */
  streamVersion: number;
  status: CourseStatus;
  revision: number;
  course: CourseDefinition;
  createdBy: string;
  createdAt: string;
  retirement?: { reason: string; retiredBy: string; retiredAt: string };
  /** Oldest first; a draft edited in place keeps its revision (the entry shows the last edit). */
  revisions: CourseRevisionEntry[];
}
