import { COURSE_COMMAND_ALLOWED_FROM, COURSE_COMMANDS, COURSE_STATUSES } from '@sfp/contracts';
import { courseDecider } from './course.decider';
import { IllegalTransitionError } from './course.errors';
import { commands, history } from './testing/course.fixtures';

/**
 * The decider refuses exactly what the contracts' transition table forbids
 * (libs/contracts), for every status and every command given on a course.
 */
const pairs = COURSE_STATUSES.flatMap((status) =>
  COURSE_COMMANDS.map((command) => [status, command] as const),
);

describe('course transitions', () => {
  const decider = courseDecider();

  it.each(pairs)(
    'in status %s, %s is refused exactly when the contracts forbid it',
    (status, type) => {
      const state = history[status].reduce(decider.evolve, decider.initialState());
      expect(state.status).toBe(status);
      const decide = () => decider.decide(commands[type], state);
      if (COURSE_COMMAND_ALLOWED_FROM[type].includes(status)) {
        expect(decide).not.toThrow();
      } else {
        expect(decide).toThrow(IllegalTransitionError);
        expect(decide).toThrow(
          expect.objectContaining({
            status,
            message: expect.stringContaining(`while it is ${status}`),
          }),
        );
      }
    },
  );
});
