import type { EventMetadata, NewEvent } from '../../envelope/event-envelope';
import { newEventId } from '../../envelope/event-id';
import { WrongExpectedVersionError } from '../../store/event-store.errors';
import type { EventStore, ExpectedVersion } from '../../store/event-store.port';
import type { DomainEvent } from '../event-type/event-type.definition';
import type { EventTypeRegistry } from '../event-type/event-type.registry';
import { PersonalDataUnprotectedError } from '../personal-data/personal-data.errors';
import { crossesSnapshotBoundary } from '../snapshot/snapshot.policy';
import { protectsPersonalData } from '../personal-data/protects-personal-data';
import { foldEvents, type Decider } from './decider';
import { loadState, saveSnapshot, type DeciderSnapshots } from './load-state';

export interface HandleCommandOptions<State> {
  /** The registry of the decider's event types (schema versions, upcasters). */
  eventTypes: EventTypeRegistry;
  /** Correlation, causation, actor and time of the command; copied onto every event. */
  metadata: EventMetadata;
  /**
   * The version the caller saw (e.g. from `If-Match`). When given, a stream at another
   * version is refused with WrongExpectedVersionError before deciding. `'any'` or
   * absent: no check of the caller's own, but the append still expects the version
   * that was loaded, so a concurrent write is a conflict, never a lost update.
   */
  expectedVersion?: ExpectedVersion;
  /** Load from the latest snapshot plus the tail, and save one when an append crosses a multiple of `every`. */
  snapshots?: DeciderSnapshots<State>;
  /**
   * Ids of the new events (default: random UUIDs). Derive them from the command's
   * message id to make a redelivered command's append a DuplicateEventError.
   */
  eventId?: (event: DomainEvent, index: number) => string;
}

export interface CommandResult<State, Event extends DomainEvent> {
  /** The stream's version after the command: the ETag to hand back. Unchanged when no event was decided. */
  nextExpectedVersion: number;
  /** Global positions of the appended events ([] when none). */
  positions: number[];
  /** The events the decider produced, in order. */
  events: Event[];
  /** The same events as appended: with eventId, schemaVersion and metadata. */
  newEvents: NewEvent[];
  /** The state after the events. */
  state: State;
}

/**
 * The whole of one command: load the stream's state (snapshot + tail when configured,
 * each event upcast), decide, append with the loaded version as the expectation,
 * save a snapshot when due. Domain errors thrown by `decide` propagate unchanged; a
 * concurrent write raises the store's WrongExpectedVersionError (the caller retries
 * or answers 409).
 *
 * Give a TypedEventStore with a key store when the events carry personal data: a
 * store that would keep them in clear is refused.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  options: HandleCommandOptions<State>,
): Promise<CommandResult<State, Event>> {
  const { eventTypes, metadata, snapshots } = options;
  const loaded = await loadState(store, streamId, decider, { eventTypes, snapshots });
  assertExpectedVersion(streamId, options.expectedVersion, loaded.version);

  const events = decider.decide(command, loaded.state);
  if (events.length === 0) {
    return {
      nextExpectedVersion: loaded.version,
      positions: [],
      events,
      newEvents: [],
      state: loaded.state,
    };
  }
  assertProtected(store, eventTypes, events);

  const eventId = options.eventId ?? (() => newEventId());
  const newEvents = events.map((event, index) =>
    eventTypes.toNewEvent(event, metadata, eventId(event, index)),
  );
  const appended = await store.append(streamId, loaded.version, newEvents);
  const state = foldEvents(decider, events, loaded.state);

  if (
    snapshots &&
    crossesSnapshotBoundary(loaded.version, appended.nextExpectedVersion, snapshots.every)
  ) {
    await saveSnapshot(streamId, appended.nextExpectedVersion, state, snapshots);
  }
  return {
    nextExpectedVersion: appended.nextExpectedVersion,
    positions: appended.positions,
    events,
    newEvents,
    state,
  };
}

function assertExpectedVersion(
  streamId: string,
  expected: ExpectedVersion | undefined,
  actual: number,
): void {
  if (expected === undefined || expected === 'any') return;
  const wanted = expected === 'no-stream' ? 0 : expected;
  if (wanted !== actual) throw new WrongExpectedVersionError(streamId, expected, actual);
}

function assertProtected(
  store: EventStore,
  eventTypes: EventTypeRegistry,
  events: readonly DomainEvent[],
): void {
  if (protectsPersonalData(store)) return;
  const personal = events.find((event) => eventTypes.personalDataOf(event.type));
  if (personal) {
    throw new PersonalDataUnprotectedError(
      personal.type,
      'handleCommand was given a store without personal-data protection (use a TypedEventStore with a key store)',
    );
  }
}
