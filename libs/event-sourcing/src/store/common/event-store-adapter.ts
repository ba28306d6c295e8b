import type { NewEvent, RecordedEvent } from '../../envelope/event-envelope';
import type {
  AppendedListener,
  AppendResult,
  EventHandler,
  ExpectedVersion,
  ReadAllOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { prepareAppend, type PreparedEvent } from './prepare-append';
import { AppendNotifier } from '../subscription/append-notifier';
import { SubscriptionSet } from '../subscription/catch-up.subscription';
import { AppendedFeed } from './appended-feed';

/**
 * What the EventStore adapters share: whether the store is closed, and how it
 * tells others in its process about its appends: the `onAppended` listeners
 * (AppendedFeed) and the catch-up subscriptions over its `readAll`, woken after
 * appends (AppendNotifier) and stopped when it closes.
 */
export abstract class EventStoreAdapter {
  protected closed = false;
  private readonly feed = new AppendedFeed();
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new SubscriptionSet();

  /** `pollIntervalMs`: of the subscriptions (undefined: the subscriptions' default). */
  protected constructor(private readonly pollIntervalMs: number | undefined) {}

  abstract readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * Appends to an open store the events checked and serialised by
   * prepareAppend; a refusal (closed, malformed) is a rejected promise.
   */
  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
  ): Promise<AppendResult> {
    this.assertOpen();
    return this.appendPrepared(streamId, expected, prepareAppend(streamId, expected, events));
  }

  /** Writes prepared events as one append: all or none, checked against `expected`. */
  protected abstract appendPrepared(
    streamId: string,
    expected: ExpectedVersion,
    prepared: PreparedEvent[],
  ): Promise<AppendResult>;

  /** The store as the error of a call after `close` names it, e.g. `in-memory event store`. */
  protected abstract storeName(): string;

  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription {
    this.assertOpen();
    return this.subscriptions.start(this, handler, {
      ...options,
      notifier: this.notifier,
      ...(this.pollIntervalMs === undefined ? {} : { pollIntervalMs: this.pollIntervalMs }),
    });
  }

  onAppended(listener: AppendedListener): () => void {
    return this.feed.listen(listener);
  }

  /** Gives the `onAppended` listeners the events of one append (see AppendedFeed.emit). */
  protected emitAppended(build: () => RecordedEvent[]): void {
    this.feed.emit(build);
  }

  /** Wakes the subscriptions after appends. */
  protected notifyAppended(): void {
    this.notifier.notify();
  }

  protected stopSubscriptions(): Promise<void> {
    return this.subscriptions.stopAll();
  }

  protected assertOpen(): void {
    if (this.closed) throw new Error(`The ${this.storeName()} is closed`);
  }
}
