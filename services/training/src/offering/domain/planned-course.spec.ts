import { courseDecider } from '../../course/domain/course.decider';
import { history, revisedToTwo } from '../../course/domain/testing/course.fixtures';
import { plannedCourseOf } from './planned-course';

describe('plannedCourseOf', () => {
  const decider = courseDecider();

  it("takes the course's current revision, status, completion rule and approval", () => {
    const state = [...history.published, revisedToTwo].reduce(
      decider.evolve,
      decider.initialState(),
    );
    if (state.status === 'none') throw new Error('The course was not created');
    expect(plannedCourseOf(state)).toEqual({
      courseId: state.courseId,
      revision: 2,
      code: 'SFP-MF-101',
      title: 'Microfinance for decent work',
      status: 'published',
      completionRule: { minAttendancePercent: 75, minPostTestScore: 60 },
      supervisorApprovalRequired: true,
    });
  });
});
