import type { CourseDefinition } from '@sfp/contracts';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { courseDecider } from './course.decider';
import {
  CourseAlreadyCreatedError,
  CourseNotFoundError,
  IllegalTransitionError,
  TrainingRuleError,
} from './course.errors';
import { CourseRevised } from './course.events';
import {
  commands,
  create,
  created,
  definition,
  history,
  published,
  retired,
  revisedDefinition,
  revisedToTwo,
} from './testing/course.fixtures';

const spec = deciderSpec(courseDecider());
const decider = courseDecider();

describe('course decider', () => {
  describe('creation', () => {
    it('records a new course in draft at revision 1', () => {
      spec.given([]).when(create).then([created]);
    });

    it('refuses to create the same course twice', () => {
      spec.given([created]).when(create).thenThrows(CourseAlreadyCreatedError);
    });

    it('refuses any other command on a course that does not exist', () => {
      for (const command of Object.values(commands)) {
        spec.given([]).when(command).thenThrows(CourseNotFoundError);
      }
    });
  });

  describe('rules of a definition', () => {
    const broken: Array<[string, Partial<CourseDefinition>, string]> = [
      [
        'an attendance above 100 %',
        { completionRule: { minAttendancePercent: 101 } },
        'course.completionRule.minAttendancePercent',
      ],
      [
        'a negative attendance',
        { completionRule: { minAttendancePercent: -1 } },
        'course.completionRule.minAttendancePercent',
      ],
      [
        'a post-test score above 100 %',
        { completionRule: { minAttendancePercent: 80, minPostTestScore: 120 } },
        'course.completionRule.minPostTestScore',
      ],
      ['a duration of 0 hours', { durationHours: 0 }, 'course.durationHours'],
      ['no learning objective', { learningObjectives: [] }, 'course.learningObjectives'],
      ['a blank learning objective', { learningObjectives: ['  '] }, 'course.learningObjectives'],
      ['no audience', { audiences: [] }, 'course.audiences'],
      ['no language', { languages: [] }, 'course.languages'],
    ];

    it.each(broken)('refuses %s, naming the field', (_title, change, field) => {
      const course = { ...definition, ...change };
      spec
        .given([])
        .when({ ...create, course })
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe(field));
      spec
        .given(history.published)
        .when({ ...commands.ReviseCourse, course })
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe(field));
    });

    it('accepts the bounds: 0 and 100 %, no post-test', () => {
      const course = { ...definition, completionRule: { minAttendancePercent: 100 } };
      spec
        .given([])
        .when({ ...create, course })
        .then([{ ...created, data: { ...created.data, course } }]);
      const none = {
        ...definition,
        completionRule: { minAttendancePercent: 0, minPostTestScore: 0 },
      };
      spec
        .given([])
        .when({ ...create, course: none })
        .then([{ ...created, data: { ...created.data, course: none } }]);
    });
  });

  describe('the lifecycle', () => {
    it('edits a draft in place: the revision stays 1', () => {
      spec
        .given(history.draft)
        .when(commands.ReviseCourse)
        .then([CourseRevised.of({ ...revisedToTwo.data, revision: 1 })]);
    });

    it('gives a revised published course the next revision', () => {
      spec.given(history.published).when(commands.ReviseCourse).then([revisedToTwo]);
      spec
        .given([...history.published, revisedToTwo])
        .when(commands.ReviseCourse)
        .then([CourseRevised.of({ ...revisedToTwo.data, revision: 3 })]);
    });

    it('publishes a draft at its revision', () => {
      spec.given(history.draft).when(commands.PublishCourse).then([published]);
    });

    it('retires a draft or a published course', () => {
      spec.given(history.draft).when(commands.RetireCourse).then([retired]);
      spec.given(history.published).when(commands.RetireCourse).then([retired]);
    });

    it('refuses to publish twice, or to touch a retired course', () => {
      spec.given(history.published).when(commands.PublishCourse).thenThrows(IllegalTransitionError);
      spec.given(history.retired).when(commands.ReviseCourse).thenThrows(IllegalTransitionError);
    });

    it('keeps the current definition and revision in its state', () => {
      const state = [...history.published, revisedToTwo].reduce(
        decider.evolve,
        decider.initialState(),
      );
      expect(state).toEqual({
        status: 'published',
        courseId: created.data.courseId,
        revision: 2,
        course: revisedDefinition,
      });
    });
  });
});
