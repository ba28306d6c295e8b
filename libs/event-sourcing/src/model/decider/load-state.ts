import type { RecordedEvent } from '../../envelope/event-envelope';
import type { EventStore } from '../../store/event-store.port';
import type { DomainEvent } from '../event-type/event-type.definition';
import type { EventTypeRegistry } from '../event-type/event-type.registry';
import type { Snapshot, SnapshotStore } from '../snapshot/snapshot-store.port';
import { isUsable, validatePolicy, type SnapshotPolicy } from '../snapshot/snapshot.policy';
import type { Decider } from './decider';

/** A snapshot policy with the store it saves to. */
export interface DeciderSnapshots<State> extends SnapshotPolicy<State> {
  store: SnapshotStore;
  /**
   * Called when loading or saving a snapshot fails. Snapshots are an optimisation:
   * the command still succeeds (a failed load falls back to full replay).
   * Default: `process.emitWarning`.
   */
  onError?: (error: unknown, operation: 'load' | 'save', streamId: string) => void;
}

export interface LoadStateOptions<State> {
  eventTypes: EventTypeRegistry;
  snapshots?: DeciderSnapshots<State>;
}

export interface LoadedState<State> {
  state: State;
  /** The stream's version the state includes (0: no events). */
  version: number;
  /** The version of the snapshot the fold started from (0: replayed from the first event). */
  snapshotVersion: number;
}

/**
 * Rebuilds a decider's state from its stream: from the latest usable snapshot
 * plus the events after it, else by replaying every event. Each event is upcast
 * to its current schema version before `evolve`.
 */
export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  options: LoadStateOptions<State>,
): Promise<LoadedState<State>> {
  const { eventTypes, snapshots } = options;
  const snapshot = snapshots ? await loadUsableSnapshot(streamId, snapshots) : undefined;
  if (snapshot && snapshots) {
    const tail = await store.readStream(streamId, snapshot.version + 1);
    const first = tail[0];
    // The tail must start right after the snapshot; with no tail, the stream must end at it.
    const fits = first
      ? first.streamVersion === snapshot.version + 1
      : (await store.streamVersion(streamId)) === snapshot.version;
    if (fits) {
      const state = decode(snapshots, snapshot);
      if (state.ok) {
        return {
          state: fold(decider, eventTypes, tail, state.value),
          version: tail.at(-1)?.streamVersion ?? snapshot.version,
          snapshotVersion: snapshot.version,
        };
      }
    }
    // The snapshot does not fit the stream (reset store, undecodable state): replay instead.
  }
  const events = await store.readStream(streamId, 1);
  return {
    state: fold(decider, eventTypes, events, decider.initialState()),
    version: events.at(-1)?.streamVersion ?? 0,
    snapshotVersion: 0,
  };
}

/** Saves the state as the stream's snapshot at `version`; failures go to `onError`, never to the caller. */
export async function saveSnapshot<State>(
  streamId: string,
  version: number,
  state: State,
  snapshots: DeciderSnapshots<State>,
): Promise<void> {
  try {
    const json = snapshots.toSnapshot ? snapshots.toSnapshot(state) : state;
    await snapshots.store.save({
      streamId,
      version,
      schemaVersion: snapshots.schemaVersion,
      state: json,
    });
  } catch (error) {
    report(snapshots, error, 'save', streamId);
  }
}

function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, unknown, Event>, 'evolve'>,
  eventTypes: EventTypeRegistry,
  events: readonly RecordedEvent[],
  initial: State,
): State {
  let state = initial;
  for (const recorded of events) {
    const current = eventTypes.upcast(recorded);
    state = decider.evolve(state, { type: current.type, data: current.data } as Event);
  }
  return state;
}

async function loadUsableSnapshot<State>(
  streamId: string,
  snapshots: DeciderSnapshots<State>,
): Promise<Snapshot | undefined> {
  validatePolicy(snapshots as SnapshotPolicy<unknown>);
  try {
    const snapshot = await snapshots.store.load(streamId);
    return snapshot && isUsable(snapshot, snapshots.schemaVersion) ? snapshot : undefined;
  } catch (error) {
    report(snapshots, error, 'load', streamId);
    return undefined;
  }
}

function decode<State>(
  snapshots: DeciderSnapshots<State>,
  snapshot: Snapshot,
): { ok: true; value: State } | { ok: false } {
  try {
    return {
      ok: true,
      value: snapshots.fromSnapshot
        ? snapshots.fromSnapshot(snapshot.state)
        : (snapshot.state as State),
    };
  } catch (error) {
    report(snapshots, error, 'load', snapshot.streamId);
    return { ok: false };
  }
}

function report<State>(
  snapshots: DeciderSnapshots<State>,
  error: unknown,
  operation: 'load' | 'save',
  streamId: string,
): void {
  if (snapshots.onError) {
    snapshots.onError(error, operation, streamId);
    return;
  }
  const reason = error instanceof Error ? error.message : String(error);
  process.emitWarning(`Snapshot ${operation} failed for stream ${streamId}: ${reason}`, {
    code: 'SFP_SNAPSHOT',
  });
}
