import type { CourseDefinition } from '@sfp/contracts';
import { defineProjection, type ReadModelFields } from '@sfp/projections';
import type { CourseEvent } from '../domain/course.events';
import { COURSE_FLAG_FIELDS, courseFlags, type CourseCatalogueDocument } from './course-entry';

export const COURSE_CATALOGUE_PROJECTION = 'training-courses';

/** What the catalogue filters and sorts on. */
const fields: ReadModelFields = {
  code: 'string',
  title: 'string',
  kind: 'string',
  status: 'string',
  priorityArea: 'string',
  createdAt: 'string',
  updatedAt: 'string',
  ...COURSE_FLAG_FIELDS,
};

/** The entry's part that comes from a definition. */
function fromDefinition(course: CourseDefinition) {
  return {
    code: course.code,
    title: course.title,
    kind: course.kind,
    themes: course.themes,
    audiences: course.audiences,
    priorityArea: course.priorityArea,
    languages: course.languages,
    durationHours: course.durationHours,
    owner: course.owner,
    supervisorApprovalRequired: course.supervisorApprovalRequired,
    ...courseFlags(course),
  };
}

/** The entry after a course event (undefined: nothing to write). */
export function applyCourseEvent(
  event: CourseEvent,
  current: CourseCatalogueDocument | undefined,
): CourseCatalogueDocument | undefined {
  if (event.type === 'training.CourseCreated') {
    const d = event.data;
    return {
      courseId: d.courseId,
      ...fromDefinition(d.course),
      status: 'draft',
      revision: d.revision,
      createdAt: d.createdAt,
      updatedAt: d.createdAt,
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case 'training.CourseRevised':
      return {
        ...current,
        ...fromDefinition(event.data.course),
        revision: event.data.revision,
        updatedAt: event.data.revisedAt,
      };
    case 'training.CoursePublished':
      return {
        ...current,
        status: 'published',
        revision: event.data.revision,
        publishedAt: current.publishedAt ?? event.data.publishedAt,
        updatedAt: event.data.publishedAt,
      };
    case 'training.CourseRetired':
      return {
        ...current,
        status: 'retired',
        retiredAt: event.data.retiredAt,
        updatedAt: event.data.retiredAt,
      };
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled course event ${JSON.stringify(unhandled)}`);
    }
  }
}

const COURSE_EVENT_TYPES: readonly CourseEvent['type'][] = [
  'training.CourseCreated',
  'training.CourseRevised',
  'training.CoursePublished',
  'training.CourseRetired',
];

/**
 * The course catalogue: one document per course, its current revision in
 * brief, filtered by kind, status, theme, priority area, audience and
 * language. Each course's revisions are read from its stream (the detail).
 */
export const courseCatalogueProjection = defineProjection<CourseCatalogueDocument>({
  name: COURSE_CATALOGUE_PROJECTION,
  version: 1,
  fields,
  handlers: Object.fromEntries(
    COURSE_EVENT_TYPES.map((type) => [
      type,
      async (recorded, view) => {
        const event = { type: recorded.type, data: recorded.data } as CourseEvent;
        await view.update(event.data.courseId, (current) => applyCourseEvent(event, current));
      },
    ]),
  ),
});
