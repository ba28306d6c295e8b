import { EventTypeRegistry } from '@sfp/event-sourcing';
import { COURSE_EVENT_CLASSES } from './course/domain/course.events';
import { PROPOSAL_LINK_EVENT_CLASSES } from './linked-proposal/domain/proposal-link.events';
import { OFFERING_EVENT_CLASSES } from './offering/domain/offering.events';
import { PROGRAMME_ERROR_STATUSES } from './programme/domain/programme.errors';
import { PROGRAMME_EVENT_CLASSES } from './programme/domain/programme.events';

export const TRAINING_CONTEXT = 'training';

/** The training context's event types: what its store accepts and what it publishes on sfp.training.events. */
export function trainingEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry().register(
    ...COURSE_EVENT_CLASSES,
    ...OFFERING_EVENT_CLASSES,
    ...PROGRAMME_EVENT_CLASSES,
    ...PROPOSAL_LINK_EVENT_CLASSES,
  );
}

/** HTTP status of each refusal code of the training domain. */
export const TRAINING_ERROR_STATUSES: Record<string, number> = {
  COURSE_NOT_FOUND: 404,
  COURSE_ALREADY_CREATED: 409,
  COURSE_NOT_PUBLISHED: 409,
  OFFERING_NOT_FOUND: 404,
  OFFERING_ALREADY_PLANNED: 409,
  ENROLMENT_NOT_FOUND: 404,
  ALREADY_ENROLLED: 409,
  ENROLMENT_STATUS_CONFLICT: 409,
  CAPACITY_BELOW_ENROLMENT: 400,
  CERTIFICATE_NOT_FOUND: 404,
  EVALUATION_ALREADY_SUBMITTED: 409,
  ILLEGAL_TRANSITION: 409,
  RULE_VIOLATED: 400,
  ...PROGRAMME_ERROR_STATUSES,
};

export const courseStreamId = (courseId: string): string => `course-${courseId}`;
export const offeringStreamId = (offeringId: string): string => `offering-${offeringId}`;
