import {
  RESEARCH_COMMAND_ALLOWED_FROM,
  RESEARCH_PROJECT_COMMANDS,
  RESEARCH_PROJECT_STATUSES,
} from '@sfp/contracts';
import { researchProjectDecider, statusOf } from './research-project.decider';
import { IllegalTransitionError } from './research-project.errors';
import { commands, history } from './testing/research-project.fixtures';

/**
 * The decider refuses exactly what the contracts' table forbids
 * (RESEARCH_COMMAND_ALLOWED_FROM), for every status and every command given
 * on a project: the actions the console offers are those the service accepts.
 * In an allowed status a command may still meet a guard or a rule, never
 * ILLEGAL_TRANSITION.
 */
const pairs = RESEARCH_PROJECT_STATUSES.flatMap((status) =>
  RESEARCH_PROJECT_COMMANDS.map((command) => [status, command] as const),
);

describe('research project transitions', () => {
  const decider = researchProjectDecider();

  it.each(pairs)(
    'in status %s, %s is refused exactly when the contracts forbid it',
    (status, type) => {
      const state = history[status].reduce(decider.evolve, decider.initialState());
      expect(statusOf(state)).toBe(status);
      const decide = () => decider.decide(commands[type], state);
      if (RESEARCH_COMMAND_ALLOWED_FROM[type].includes(status)) {
        let refusal: unknown;
        try {
          decide();
        } catch (error) {
          refusal = error;
        }
        expect(refusal).not.toBeInstanceOf(IllegalTransitionError);
      } else {
        expect(decide).toThrow(IllegalTransitionError);
        expect(decide).toThrow(
          expect.objectContaining({
            code: 'ILLEGAL_TRANSITION',
            status,
            message: expect.stringContaining(`while the project is ${status}`),
          }),
        );
      }
    },
  );
});
