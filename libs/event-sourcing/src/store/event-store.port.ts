import type { NewEvent, RecordedEvent } from '../envelope/event-envelope';

/**
 * What the writer believes about the stream:
 *  - a number n >= 0: the stream is exactly at version n (0 = no events);
 *  - 'no-stream': the stream has no events yet (same as 0);
 *  - 'any': no check.
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  /** Global positions of the appended events, in order. */
  positions: number[];
}

export interface ReadAllOptions {
  /** Return events with position strictly greater than this (0 = from the start). */
  afterPosition: number;
  /** At most this many events (default 1000). */
  limit?: number;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

/**
 * Listener of a store's in-process appended feed: the events of acknowledged
 * appends made through this store instance, as `readAll` would return them.
 */
export type AppendedListener = (events: RecordedEvent[]) => void;

export interface SubscribeOptions {
  /** Deliver events after this position (a checkpoint), in global order. */
  afterPosition: number;
  /** Events fetched per read while catching up (default 500). */
  batchSize?: number;
  /** Called when the handler throws; the subscription stops after it. */
  onError?: (error: unknown, event: RecordedEvent) => void;
}

export interface Subscription {
  /** The position of the last event handled. */
  readonly position: number;
  /**
   * Resolves once the subscription has caught up with the store's head at least
   * once; rejects (SubscriptionStoppedError) if it ends before that.
   */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The system of record. Guarantees, on every adapter:
 *  - an append is atomic: all its events are stored, or none;
 *  - the expected version is checked atomically with the write
 *    (of N concurrent writers with the same expectation, exactly one wins);
 *  - an acknowledged append is durable;
 *  - readAll never skips a position that becomes visible later, never repeats one;
 *    positions are 1, 2, 3, ... with no hole, even where appends failed;
 *  - an eventId is stored at most once (a duplicate fails the whole append with
 *    DuplicateEventError, and nothing of it is stored);
 *  - event data is plain JSON and reads back exactly (anything JSON would change,
 *    like undefined in arrays, NaN or a Date, is refused with InvalidAppendError);
 *  - stream ids starting with `$` are reserved for the store.
 * One contract suite (event-store.contract.ts) checks this on every adapter.
 */
export interface EventStore {
  append(streamId: string, expected: ExpectedVersion, events: NewEvent[]): Promise<AppendResult>;
  /** The stream's events from `fromVersion` (inclusive, default 1), in order; [] when none. */
  readStream(streamId: string, fromVersion?: number): Promise<RecordedEvent[]>;
  /** The stream's current version, 0 when it has no events. */
  streamVersion(streamId: string): Promise<number>;
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last visible event (0 when empty). */
  headPosition(): Promise<number>;
  /** Catch-up then live delivery in global order, one event at a time. */
  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription;
  /**
   * The in-process appended feed, so that a follower in the same process (the
   * outbox relay, a projection runner) can take new events from memory instead
   * of reading them back. `listener` is called once per acknowledged append made
   * through THIS instance, before the append's promise resolves, with its events
   * as `readAll` returns them (a copy of its own for each listener). Calls
   * follow the order in which appends were acknowledged, and positions increase
   * from one call to the next; within a call they are consecutive.
   *
   * Nothing else is promised: appends by other instances or processes are NOT
   * fed, and a listener registered late has missed the earlier ones. So a
   * follower must treat the feed as a cache of `readAll`: it takes events from
   * it only while their positions continue its own without a gap
   * (`afterPosition + 1`, `+ 2`, ...), and reads the store otherwise
   * (FeedFollower does exactly that). Returns the function that removes the
   * listener. Optional: a store without it is followed by `readAll` alone.
   */
  onAppended?(listener: AppendedListener): () => void;
  close(): Promise<void>;
}
