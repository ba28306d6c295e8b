import {
  isRequestCommandAllowed,
  REQUEST_COMMAND_ACTIONS,
  REQUEST_COMMANDS,
  REQUEST_STATUSES,
} from '@sfp/contracts';
import { serviceRequestDecider } from './service-request.decider';
import { IllegalTransitionError } from './service-request.errors';
import { commands, history } from './testing/service-request.fixtures';

/**
 * The decider refuses exactly what the contracts' transition table forbids
 * (libs/contracts), for every status and every command given on a request:
 * the actions the console offers are the ones the help desk accepts. A
 * refusal names the status the request is in.
 */
const pairs = REQUEST_STATUSES.flatMap((status) =>
  REQUEST_COMMANDS.map((command) => [status, REQUEST_COMMAND_ACTIONS[command], command] as const),
);

describe('service request transitions', () => {
  const decider = serviceRequestDecider();

  it.each(pairs)(
    'in status %s, %s (%s) is refused exactly when the contracts forbid it, with the reason',
    (status, _action, type) => {
      const state = history[status].reduce(decider.evolve, decider.initialState());
      expect(state.status).toBe(status);
      const decide = () => decider.decide(commands[type], state);
      if (isRequestCommandAllowed(type, status)) {
        expect(decide).not.toThrow();
      } else {
        expect(decide).toThrow(IllegalTransitionError);
        expect(decide).toThrow(
          expect.objectContaining({
            status,
            message: expect.stringContaining(`while the request is ${status}`),
          }),
        );
      }
    },
  );
});
