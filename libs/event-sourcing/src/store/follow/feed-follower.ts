import type { RecordedEvent } from '../../envelope/event-envelope';
import type { EventStore } from '../event-store.port';

export interface FeedFollowerOptions {
  /**
   * Events kept from the feed while the follower has not read them (default
   * 20,000). Beyond that the oldest are dropped: a follower that far behind
   * reads them from the store, as it would without a feed.
   */
  maxBuffered?: number;
  /**
   * The feed only carries this instance's appends. When the follower has read
   * everything the store had and everything the feed brought since, it asks the
   * store again (for other instances' appends) at most this often (default
   * 100 ms, the subscriptions' poll interval), and never sooner than four times
   * the last read's duration, so that a slow store is not kept busy by polls.
   * 0: every read goes to the store when the feed has nothing.
   */
  storePollMs?: number;
  /** Called when the feed brings events (e.g. to wake the follower's loop). */
  onEvents?: () => void;
}

export interface FollowedBatch {
  events: RecordedEvent[];
  /** Where the events came from: the appended feed, the store, or nowhere (caught up, store asked recently). */
  source: 'feed' | 'store' | 'none';
}

/**
 * Follows a store's global order from any position, taking events from the
 * store's in-process appended feed (`EventStore.onAppended`) when it can and
 * from `readAll` otherwise. The feed is a cache of readAll and nothing more:
 * events come from it only when they continue the caller's position without a
 * gap (`afterPosition + 1`, `+ 2`, ...). Anything else — start-up, catch-up
 * from a checkpoint, an event another instance appended, events dropped from a
 * full buffer — is a gap, and the store is read. So the events returned are
 * exactly those readAll would return, in order, with no hole and no repeat.
 *
 * Used by the outbox relay and the projection runner: in the process that
 * appends, they then read nothing back from the store on the hot path.
 */
export class FeedFollower {
  private buffer: RecordedEvent[] = [];
  /** Index of the first event of `buffer` still kept (dropping from the front without shifting). */
  private first = 0;
  private unlisten: (() => void) | undefined;
  private readonly maxBuffered: number;
  private readonly storePollMs: number;
  private readonly onEvents: (() => void) | undefined;
  /** The position a store read found to be the head, when that read ended, and how long to trust it. */
  private caughtUpAt = { position: -1, at: 0, forMs: 0 };
  private waiter: (() => void) | undefined;
  /** Events taken from the feed and read from the store, since start. */
  readonly counts = { feed: 0, store: 0, storeReads: 0 };

  constructor(
    private readonly store: Pick<EventStore, 'readAll' | 'onAppended'>,
    options: FeedFollowerOptions = {},
  ) {
    this.maxBuffered = Math.max(1, options.maxBuffered ?? 20_000);
    this.storePollMs = Math.max(0, options.storePollMs ?? 100);
    this.onEvents = options.onEvents;
  }

  /** Whether the store has a feed (else every read is a store read). */
  get hasFeed(): boolean {
    return typeof this.store.onAppended === 'function';
  }

  /** Starts listening to the feed (idempotent). Events appended before are read from the store. */
  start(): void {
    if (this.unlisten || !this.store.onAppended) return;
    this.unlisten = this.store.onAppended((events) => this.accept(events));
  }

  /** Stops listening and forgets what it kept. */
  stop(): void {
    this.unlisten?.();
    this.unlisten = undefined;
    this.buffer = [];
    this.first = 0;
    this.wakeWaiter();
  }

  /** Events kept from the feed and not yet read past. */
  get buffered(): number {
    return this.buffer.length - this.first;
  }

  /**
   * The events after `afterPosition`, at most `limit`, in global order: from
   * the feed when it continues `afterPosition`, else from the store.
   */
  async read(afterPosition: number, limit: number): Promise<FollowedBatch> {
    this.trim(afterPosition);
    const fromFeed = this.take(afterPosition, limit);
    if (fromFeed.length > 0) {
      this.counts.feed += fromFeed.length;
      return { events: fromFeed, source: 'feed' };
    }
    if (
      this.unlisten &&
      this.buffered === 0 &&
      afterPosition >= this.caughtUpAt.position &&
      this.caughtUpAt.position >= 0 &&
      Date.now() - this.caughtUpAt.at < this.caughtUpAt.forMs
    ) {
      // Everything the store had, and everything appended here since: only
      // another instance's appends could be missing, and the store was asked recently.
      return { events: [], source: 'none' };
    }
    const startedAt = Date.now();
    const events = await this.store.readAll({ afterPosition, limit });
    this.counts.storeReads++;
    this.counts.store += events.length;
    if (events.length < limit) {
      const endedAt = Date.now();
      this.caughtUpAt = {
        position: events[events.length - 1]?.position ?? afterPosition,
        at: endedAt,
        // A slow store (FerretDB v1 scans its collection for any query) is asked
        // less often: such polls take at most a fifth of the time.
        forMs: this.storePollMs === 0 ? 0 : Math.max(this.storePollMs, 4 * (endedAt - startedAt)),
      };
    }
    return { events, source: 'store' };
  }

  /**
   * Resolves when the feed brings events, or after `ms` (the caller then reads
   * anyway: another instance may have appended). Without a feed, after `ms`.
   */
  waitForEvents(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      const previous = this.waiter;
      this.waiter = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      previous?.();
    });
  }

  /** Ends a pending waitForEvents at once (e.g. when stopping). */
  wakeWaiter(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  private accept(events: RecordedEvent[]): void {
    let added = false;
    for (const event of events) {
      const tail = this.buffer[this.buffer.length - 1]?.position ?? 0;
      // The feed's positions increase; anything else is ignored (the store has it).
      if (event.position <= tail) continue;
      this.buffer.push(event);
      added = true;
    }
    if (this.buffered > this.maxBuffered) this.first = this.buffer.length - this.maxBuffered;
    this.compact();
    if (added) {
      this.wakeWaiter();
      this.onEvents?.();
    }
  }

  /** Forgets the events at or before `position`. */
  private trim(position: number): void {
    while (
      this.first < this.buffer.length &&
      (this.buffer[this.first] as RecordedEvent).position <= position
    )
      this.first++;
    this.compact();
  }

  /** The kept events that continue `afterPosition` with no gap, at most `limit`. */
  private take(afterPosition: number, limit: number): RecordedEvent[] {
    const taken: RecordedEvent[] = [];
    let expected = afterPosition + 1;
    for (let index = this.first; index < this.buffer.length && taken.length < limit; index++) {
      const event = this.buffer[index] as RecordedEvent;
      if (event.position !== expected) break;
      taken.push(event);
      expected++;
    }
    return taken;
  }

  private compact(): void {
    if (this.first === this.buffer.length) {
      this.buffer = [];
      this.first = 0;
    } else if (this.first > 1_024 && this.first * 2 > this.buffer.length) {
      this.buffer = this.buffer.slice(this.first);
      this.first = 0;
    }
  }
}
