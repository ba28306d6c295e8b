import type { CourseDetail, CourseRevisionEntry } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { CourseEvent } from '../domain/course.events';

/** Folds a course's stream (oldest first) into its detail; undefined for an empty stream. */
export function buildCourseDetail(recorded: readonly RecordedEvent[]): CourseDetail | undefined {
  let detail: CourseDetail | undefined;
  for (const r of recorded) {
    const event = { type: r.type, data: r.data } as CourseEvent;
    if (event.type === 'training.CourseCreated') {
      const d = event.data;
      detail = {
        courseId: d.courseId,
        streamVersion: r.streamVersion,
        status: 'draft',
        revision: d.revision,
        course: d.course,
        createdBy: d.createdBy,
        createdAt: d.createdAt,
        revisions: [
          {
            revision: d.revision,
            course: d.course,
            writtenBy: d.createdBy,
            writtenAt: d.createdAt,
          },
        ],
      };
      continue;
    }
    if (!detail) continue;
    detail.streamVersion = r.streamVersion;
    switch (event.type) {
      case 'training.CourseRevised': {
        const d = event.data;
        const entry: CourseRevisionEntry = {
          revision: d.revision,
          course: d.course,
          reason: d.reason,
          writtenBy: d.revisedBy,
          writtenAt: d.revisedAt,
          // A published course's new revision is the one offerings are planned from at once.
          ...(detail.status === 'published' ? { publishedAt: d.revisedAt } : {}),
        };
        const same = detail.revisions.findIndex((rev) => rev.revision === d.revision);
        if (same >= 0) detail.revisions[same] = entry;
        else detail.revisions.push(entry);
        detail.revision = d.revision;
        detail.course = d.course;
        break;
      }
      case 'training.CoursePublished': {
        const d = event.data;
        detail.status = 'published';
        const entry = detail.revisions.find((rev) => rev.revision === d.revision);
        if (entry) entry.publishedAt = d.publishedAt;
        break;
      }
      case 'training.CourseRetired':
        detail.status = 'retired';
        detail.retirement = {
          reason: event.data.reason,
          retiredBy: event.data.retiredBy,
          retiredAt: event.data.retiredAt,
        };
        break;
      default: {
        const unhandled: never = event;
        throw new Error(`Unhandled course event ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return detail;
}
