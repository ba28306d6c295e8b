import type { DomainEvent } from '../event-type/event-type.definition';

/**
 * A decider: the pure heart of an aggregate.
 *  - `initialState()`: the state of a stream with no events;
 *  - `decide(command, state)`: the events the command produces, or a thrown
 *    typed domain error when the command is refused;
 *  - `evolve(state, event)`: the state after one event (never throws for an
 *    event it once produced).
 * No I/O, no clock: time comes in with the command.
 */
export interface Decider<State, Command, Event extends DomainEvent = DomainEvent> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** The state after `events`, starting from `state` (the initial state by default). */
export function foldEvents<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
  state: State = decider.initialState(),
): State {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}
