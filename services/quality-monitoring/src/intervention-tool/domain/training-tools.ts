import type { InterventionTool } from '@sfp/contracts';
import { PayloadReader, type SourceEvent } from './source-event';
import { toolOf, withStatus } from './tool-of';
import { knownThemes } from './tool-vocabulary';

/** The training context's public events that describe its courses and programmes. */
export const TRAINING_TOOL_EVENTS = [
  'training.CourseCreated',
  'training.CourseRevised',
  'training.CoursePublished',
  'training.CourseRetired',
  'training.ProgrammeLaunched',
  'training.ProgrammeClosed',
] as const;

/** The id of the tool a training event concerns. */
export function trainingToolRefOf(event: SourceEvent): string {
  const read = new PayloadReader(event);
  const course = event.type.startsWith('training.Course');
  const id = read.text(course ? 'courseId' : 'programmeId', 100);
  read.done();
  return `${course ? 'course' : 'programme'}:${id}`;
}

/**
 * A course or programme as a training event leaves it: a course from its
 * definition (themes, title, learning objectives), retired ones inactive; a
 * programme from its title and scope (its country or region), closed ones
 * inactive. Undefined for a status event about a tool not noted before.
 */
export function trainingToolOf(
  event: SourceEvent,
  previous: InterventionTool | undefined,
): InterventionTool | undefined {
  const read = new PayloadReader(event);
  switch (event.type) {
    case 'training.CourseCreated':
    case 'training.CourseRevised': {
      const courseId = read.text('courseId', 100);
      const title = read.text('course.title', 300);
      const themes = knownThemes(read.texts('course.themes'));
      const objectives = read.optionalTexts('course.learningObjectives');
      read.done();
      return toolOf(
        {
          kind: 'course',
          toolId: courseId,
          title,
          texts: objectives,
          themes,
          countries: [],
          regions: [],
          partnerInstitutionIds: [],
          active: previous?.active ?? true,
        },
        event.occurredAt,
      );
    }
    case 'training.CoursePublished':
      return withStatus(previous, true, event.occurredAt);
    case 'training.CourseRetired':
      return withStatus(previous, false, event.occurredAt);
    case 'training.ProgrammeLaunched': {
      const programmeId = read.text('programmeId', 100);
      const title = read.text('title', 300);
      const kind = read.text('scope.kind', 20);
      const country = read.optionalText('scope.country');
      const region = read.optionalText('scope.region');
      const organisation = read.optionalText('scope.organisation');
      read.done();
      return toolOf(
        {
          kind: 'programme',
          toolId: programmeId,
          title,
          texts: organisation ? [organisation] : [],
          themes: [],
          countries: kind !== 'region' && country ? [country] : [],
          regions: kind === 'region' && region ? [region] : [],
          partnerInstitutionIds: [],
          active: true,
        },
        event.occurredAt,
      );
    }
    case 'training.ProgrammeClosed':
      return withStatus(previous, false, event.occurredAt);
    default:
      return undefined;
  }
}
