import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import { foldEvents, type Decider } from '../decider/decider';
import type { DomainEvent } from '../event-type/event-type.definition';

/** Any Error class, to match a refusal by type. */
export type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

export interface DeciderThen<State, Event extends DomainEvent> {
  /** The command produces exactly these events, in order (and `evolve` accepts them). */
  then(expected: readonly Event[]): void;
  /** The command produces no event. */
  thenNothingHappens(): void;
  /** The command is refused with an instance of `errorClass`; `check` may look closer. */
  thenThrows<E extends Error>(errorClass: ErrorClass<E>, check?: (error: E) => void): void;
  /** The state after the produced events equals `expected`. */
  thenState(expected: State): void;
}

export interface DeciderWhen<State, Command, Event extends DomainEvent> {
  when(command: Command): DeciderThen<State, Event>;
}

export interface DeciderSpecification<State, Command, Event extends DomainEvent> {
  /** The stream's history before the command (oldest first); none for a new stream. */
  given(events?: readonly Event[]): DeciderWhen<State, Command, Event>;
}

/**
 * given / when / then for a decider, with no store:
 *
 * ```ts
 * const spec = deciderSpec(serviceRequestDecider);
 * spec.given([submitted]).when(triage).then([triaged]);
 * spec.given([]).when(triage).thenThrows(ServiceRequestNotFoundError);
 * ```
 * Call `then…` directly; a specification is not a promise (awaiting it fails).
 */
export function deciderSpec<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
): DeciderSpecification<State, Command, Event> {
  return {
    given: (history = []) => ({
      when: (command) => {
        const run = (): Event[] => decider.decide(command, foldEvents(decider, history));
        const produced = (): Event[] => {
          try {
            return run();
          } catch (error) {
            throw new AssertionError({
              message: `Expected the command to produce events, but decide threw: ${describeError(error)}`,
            });
          }
        };
        return {
          then(expected) {
            if (typeof expected === 'function') {
              throw new TypeError(
                'A decider specification is not a promise: call .then([...]) without await',
              );
            }
            const events = produced();
            deepStrictEqual(
              events,
              [...expected],
              'The command produced other events than expected',
            );
            foldEvents(decider, events, foldEvents(decider, history));
          },
          thenNothingHappens() {
            deepStrictEqual(produced(), [], 'The command was expected to produce no event');
          },
          thenThrows(errorClass, check) {
            let events: Event[];
            try {
              events = run();
            } catch (error) {
              if (!(error instanceof errorClass)) {
                throw new AssertionError({
                  message: `Expected decide to throw ${errorClass.name}, but it threw ${describeError(error)}`,
                });
              }
              check?.(error);
              return;
            }
            throw new AssertionError({
              message: `Expected decide to throw ${errorClass.name}, but it produced ${JSON.stringify(events)}`,
            });
          },
          thenState(expected) {
            const before = foldEvents(decider, history);
            deepStrictEqual(
              foldEvents(decider, produced(), before),
              expected,
              'The state after the command differs',
            );
          },
        };
      },
    }),
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
