import type { RecordedEvent } from '../../envelope/event-envelope';
import { AppendedFeed } from '../common/appended-feed';
import type {
  AppendedListener,
  EventHandler,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { AppendNotifier } from './append-notifier';
import { SubscriptionSet, type CatchUpSource } from './catch-up.subscription';

/**
 * What an adapter tells others in its process about its appends, in one place:
 * the `onAppended` listeners (AppendedFeed), the catch-up subscriptions it
 * started, woken after appends (AppendNotifier) and stopped when it closes.
 */
export class AppendBroadcast {
  private readonly feed = new AppendedFeed();
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new SubscriptionSet();

  /** `pollIntervalMs`: of the subscriptions (undefined: the subscriptions' default). */
  constructor(private readonly pollIntervalMs: number | undefined) {}

  /** A catch-up subscription reading `source`, woken by `notify`. */
  subscribe(source: CatchUpSource, handler: EventHandler, options: SubscribeOptions): Subscription {
    return this.subscriptions.start(source, handler, {
      ...options,
      notifier: this.notifier,
      ...(this.pollIntervalMs === undefined ? {} : { pollIntervalMs: this.pollIntervalMs }),
    });
  }

  /** EventStore.onAppended: registers a listener, returns its removal. */
  onAppended(listener: AppendedListener): () => void {
    return this.feed.listen(listener);
  }

  /** Gives the listeners the events of one append (see AppendedFeed.emit). */
  emit(build: () => RecordedEvent[]): void {
    this.feed.emit(build);
  }

  /** Wakes the subscriptions after appends. */
  notify(): void {
    this.notifier.notify();
  }

  stopSubscriptions(): Promise<void> {
    return this.subscriptions.stopAll();
  }
}
