import {
  OFFERING_COMMAND_ALLOWED_FROM,
  OFFERING_COMMANDS,
  OFFERING_STATUSES,
} from '@sfp/contracts';
import { IllegalTransitionError } from '../../course/domain/course.errors';
import { offeringDecider } from './offering.decider';
import { commands, history } from './testing/offering.fixtures';

/**
 * The decider refuses exactly what the contracts' transition table forbids
 * (libs/contracts), for every status and every command given on an offering:
 * the actions the console offers are the ones the training service accepts.
 */
const pairs = OFFERING_STATUSES.flatMap((status) =>
  OFFERING_COMMANDS.map((command) => [status, command] as const),
);

describe('offering transitions', () => {
  const decider = offeringDecider();

  it.each(pairs)(
    'in status %s, %s is refused exactly when the contracts forbid it',
    (status, type) => {
      const state = history[status].reduce(decider.evolve, decider.initialState());
      expect(state.status).toBe(status);
      const decide = () => decider.decide(commands[type], state);
      if (OFFERING_COMMAND_ALLOWED_FROM[type].includes(status)) {
        expect(decide).not.toThrow();
        expect(decide().length).toBeGreaterThan(0);
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
