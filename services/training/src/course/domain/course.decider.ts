import {
  COURSE_COMMAND_ALLOWED_FROM,
  type CourseCommandType,
  type CourseDefinition,
  type CourseStatus,
} from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import type { CourseCommand } from './course.commands';
import {
  CourseAlreadyCreatedError,
  CourseNotFoundError,
  IllegalTransitionError,
  TrainingRuleError,
} from './course.errors';
import {
  CourseCreated,
  CoursePublished,
  CourseRetired,
  CourseRevised,
  type CourseEvent,
} from './course.events';

export interface ExistingCourse {
  status: CourseStatus;
  courseId: string;
  revision: number;
  /** The current definition: offerings are planned from it (code, title, completion rule, approval). */
  course: CourseDefinition;
}

/** No personal data in state: the owner is a user id. */
export type CourseState = { status: 'none' } | ExistingCourse;

export function courseDecider(): Decider<CourseState, CourseCommand, CourseEvent> {
  return { initialState: () => ({ status: 'none' }), decide, evolve };
}

function decide(command: CourseCommand, state: CourseState): CourseEvent[] {
  if (command.type === 'CreateCourse') {
    if (state.status !== 'none') throw new CourseAlreadyCreatedError(state.courseId);
    checkDefinition(command.course);
    return [
      CourseCreated.of({
        courseId: command.courseId,
        revision: 1,
        course: command.course,
        createdBy: command.by,
        createdAt: command.at,
      }),
    ];
  }
  if (state.status === 'none') throw new CourseNotFoundError();
  allowedFrom(command.type, state);
  const courseId = state.courseId;

  switch (command.type) {
    case 'ReviseCourse':
      checkDefinition(command.course);
      return [
        CourseRevised.of({
          courseId,
          revision: state.status === 'published' ? state.revision + 1 : state.revision,
          course: command.course,
          reason: command.reason,
          revisedBy: command.by,
          revisedAt: command.at,
        }),
      ];
    case 'PublishCourse':
      return [
        CoursePublished.of({
          courseId,
          revision: state.revision,
          publishedBy: command.by,
          publishedAt: command.at,
        }),
      ];
    case 'RetireCourse':
      return [
        CourseRetired.of({
          courseId,
          reason: command.reason,
          retiredBy: command.by,
          retiredAt: command.at,
        }),
      ];
    default:
      return assertNever(command);
  }
}

export function evolve(state: CourseState, event: CourseEvent): CourseState {
  if (event.type === 'training.CourseCreated') {
    return {
      status: 'draft',
      courseId: event.data.courseId,
      revision: event.data.revision,
      course: event.data.course,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'training.CourseRevised':
      return { ...state, revision: event.data.revision, course: event.data.course };
    case 'training.CoursePublished':
      return { ...state, status: 'published' };
    case 'training.CourseRetired':
      return { ...state, status: 'retired' };
    default:
      return assertNever(event);
  }
}

/** Refuses a command its status does not allow, by the contracts' table. */
function allowedFrom(command: CourseCommandType, state: ExistingCourse): void {
  const statuses = COURSE_COMMAND_ALLOWED_FROM[command];
  if (!statuses.includes(state.status))
    throw new IllegalTransitionError(command, state.status, statuses);
}

/** The rules a well-formed course definition must still meet. */
function checkDefinition(course: CourseDefinition): void {
  const { minAttendancePercent, minPostTestScore } = course.completionRule;
  if (!isPercent(minAttendancePercent)) {
    throw new TrainingRuleError(
      'course.completionRule.minAttendancePercent',
      'The minimum attendance is a percentage from 0 to 100',
    );
  }
  if (minPostTestScore !== undefined && !isPercent(minPostTestScore)) {
    throw new TrainingRuleError(
      'course.completionRule.minPostTestScore',
      'The minimum post-test score is a percentage from 0 to 100',
    );
  }
  if (!(course.durationHours > 0)) {
    throw new TrainingRuleError('course.durationHours', 'A course lasts more than 0 hours');
  }
  nonEmpty(course.learningObjectives, 'course.learningObjectives', 'learning objective');
  nonEmpty(course.audiences, 'course.audiences', 'audience');
  nonEmpty(course.languages, 'course.languages', 'language');
}

function isPercent(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

function nonEmpty(values: readonly string[], field: string, what: string): void {
  if (values.length === 0 || values.some((value) => value.trim() === '')) {
    throw new TrainingRuleError(field, `A course has at least one ${what}, none of them blank`);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
