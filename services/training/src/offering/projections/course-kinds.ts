import type { CourseKind } from '@sfp/contracts';
import type { ProjectionHandler, ViewWriter } from '@sfp/projections';
import type { CourseEvent } from '../../course/domain/course.events';

/**
 * The kind of each revision of a course, kept inside a view that joins
 * offerings to their course: an offering carries its course's code, title and
 * revision but not its kind, and a revision's kind never changes once the
 * offering is planned from it (course events come before, in global order).
 */
export interface CourseKindsDocument {
  record: 'course';
  courseId: string;
  /** Revision (as text) → kind. */
  kinds: Record<string, CourseKind>;
}

export const courseKindsId = (courseId: string) => `course:${courseId}`;

/** The handlers that keep a course's kinds by revision in any view whose documents include them. */
export function courseKindHandlers<TDoc extends object>(): Record<string, ProjectionHandler<TDoc>> {
  const handler: ProjectionHandler<TDoc> = async (recorded, view) => {
    const event = { type: recorded.type, data: recorded.data } as CourseEvent;
    if (event.type !== 'training.CourseCreated' && event.type !== 'training.CourseRevised') return;
    const { courseId, revision, course } = event.data;
    const writer = view as unknown as ViewWriter<CourseKindsDocument>;
    await writer.update(courseKindsId(courseId), (current) => ({
      record: 'course',
      courseId,
      kinds: { ...current?.kinds, [String(revision)]: course.kind },
    }));
  };
  return { 'training.CourseCreated': handler, 'training.CourseRevised': handler };
}

/** The kind of the revision an offering was planned from (undefined if that course was never seen). */
export async function kindOfRevision(
  view: ViewWriter<object>,
  courseId: string,
  revision: number,
): Promise<CourseKind | undefined> {
  const doc = (await view.get(courseKindsId(courseId))) as CourseKindsDocument | undefined;
  return doc?.kinds[String(revision)];
}
