import type { RecordedEvent } from '../../envelope/event-envelope';
import type {
  EventHandler,
  ReadAllOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { AppendNotifier } from './append-notifier';
import { SubscriptionStoppedError } from './subscription.errors';

/** What a subscription reads from: any store's readAll. */
export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
}

export const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 500;
export const DEFAULT_POLL_INTERVAL_MS = 100;

export interface CatchUpSubscriptionOptions extends SubscribeOptions {
  /** Wakes the subscription after appends made in this process. */
  notifier?: AppendNotifier;
  /**
   * How often to look for events appended by other processes once caught up
   * (default 100 ms). Also the pause before a failed read is tried again.
   */
  pollIntervalMs?: number;
  /** Called when a read fails; the subscription keeps its position and tries again. */
  onReadError?: (error: unknown) => void;
}

/**
 * A catch-up-then-live subscription over `readAll`, the same on every adapter:
 *  - reads batches after its position and hands events to the handler one at a
 *    time, in global order, awaiting each: `position` only moves past an event
 *    once its handler has returned;
 *  - a batch shorter than asked means it reached what is visible now: it is
 *    caught up (`caughtUp` resolves the first time) and waits for the notifier
 *    or the poll interval, whichever comes first;
 *  - a handler error calls onError, then stops the subscription with `position`
 *    on the event before: nothing is skipped, and a new subscription from that
 *    checkpoint gets the failed event again;
 *  - a failed read (store unreachable) is retried after the poll interval.
 * `caughtUp` rejects with SubscriptionStoppedError if the subscription ends
 * before catching up (that rejection is handled here, so an unobserved one is
 * harmless).
 */
export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  /** Settles when the subscription has ended (after stop(), a handler error or close). */
  readonly finished: Promise<void>;

  private current: number;
  private stopping = false;
  private pokes = 0;
  private wake: (() => void) | undefined;
  private caughtUpSettled = false;
  private resolveCaughtUp: () => void = () => undefined;
  private rejectCaughtUp: (error: unknown) => void = () => undefined;
  private readonly unlisten: (() => void) | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly source: CatchUpSource,
    private readonly handler: EventHandler,
    private readonly options: CatchUpSubscriptionOptions,
  ) {
    if (!Number.isSafeInteger(options.afterPosition) || options.afterPosition < 0) {
      throw new RangeError(
        `subscribe: afterPosition must be an integer >= 0 (got ${options.afterPosition})`,
      );
    }
    this.current = options.afterPosition;
    this.batchSize = options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH_SIZE;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) {
      throw new RangeError(`subscribe: batchSize must be an integer >= 1 (got ${this.batchSize})`);
    }
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    this.caughtUp.catch(() => undefined);
    this.unlisten = options.notifier?.listen(() => this.poke());
    this.finished = this.run();
  }

  get position(): number {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.finished;
  }

  private poke(): void {
    this.pokes++;
    this.wake?.();
  }

  private async run(): Promise<void> {
    // Let the constructor return (and the caller keep the object) before the first read.
    await Promise.resolve();
    let failure: unknown;
    try {
      while (!this.stopping) {
        const pokesBefore = this.pokes;
        let batch: RecordedEvent[];
        try {
          batch = await this.source.readAll({ afterPosition: this.current, limit: this.batchSize });
        } catch (error) {
          if (this.stopping) break;
          this.report(() => this.options.onReadError?.(error));
          await this.sleep();
          continue;
        }
        for (const event of batch) {
          if (this.stopping) return;
          try {
            await this.handler(event);
          } catch (error) {
            failure = error;
            this.stopping = true;
            this.handlerFailed(error, event);
            return;
          }
          this.current = event.position;
        }
        if (batch.length < this.batchSize) {
          this.settleCaughtUp();
          // An append that happened during the read or the handlers: read again at once.
          if (this.pokes === pokesBefore) await this.sleep();
        }
      }
    } finally {
      this.unlisten?.();
      this.settleCaughtUp(new SubscriptionStoppedError(this.current, failure));
    }
  }

  private handlerFailed(error: unknown, event: RecordedEvent): void {
    const onError = this.options.onError;
    if (onError) {
      this.report(() => onError(error, event));
    } else {
      // Nobody asked to hear about it: say so rather than stop in silence.
      process.emitWarning(
        `Subscription stopped: the handler failed on event ${event.eventId} at position ${event.position}: ${
          error instanceof Error ? error.message : String(error)
        }`,
        'SubscriptionHandlerError',
      );
    }
  }

  /** Runs a user callback; its own failure must not break the subscription's bookkeeping. */
  private report(callback: () => void): void {
    try {
      callback();
    } catch {
      // ignored on purpose: the callback is the error channel
    }
  }

  private settleCaughtUp(error?: unknown): void {
    if (this.caughtUpSettled) return;
    this.caughtUpSettled = true;
    if (error === undefined) this.resolveCaughtUp();
    else this.rejectCaughtUp(error);
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }
}

/** The subscriptions an adapter has started, so that close() can stop them all. */
export class SubscriptionSet {
  private readonly open = new Set<CatchUpSubscription>();

  start(
    source: CatchUpSource,
    handler: EventHandler,
    options: CatchUpSubscriptionOptions,
  ): Subscription {
    const subscription = new CatchUpSubscription(source, handler, options);
    this.open.add(subscription);
    void subscription.finished.finally(() => this.open.delete(subscription));
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.stop()));
  }
}
