import type { RecordedEvent } from '../../envelope/event-envelope';
import type { ReadAllOptions } from '../event-store.port';
import { newEvents } from '../event-store.fixtures';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { AppendNotifier } from './append-notifier';
import { CatchUpSubscription, type CatchUpSource } from './catch-up.subscription';
import { SubscriptionStoppedError } from './subscription.errors';

describe('CatchUpSubscription', () => {
  let store: InMemoryEventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });
  afterEach(() => store.close());

  it('reads in batches of batchSize, then is caught up', async () => {
    await store.append('a', 'no-stream', newEvents(5));
    const reads: ReadAllOptions[] = [];
    const source: CatchUpSource = {
      readAll: (options) => {
        reads.push(options);
        return store.readAll(options);
      },
    };
    const received: number[] = [];
    const subscription = new CatchUpSubscription(source, (e) => void received.push(e.position), {
      afterPosition: 0,
      batchSize: 2,
      pollIntervalMs: 60_000,
    });
    await subscription.caughtUp;
    expect(received).toEqual([1, 2, 3, 4, 5]);
    expect(reads).toEqual([
      { afterPosition: 0, limit: 2 },
      { afterPosition: 2, limit: 2 },
      { afterPosition: 4, limit: 2 },
    ]);
    await subscription.stop();
  });

  it('is woken by the notifier without waiting for the poll interval', async () => {
    const notifier = new AppendNotifier();
    const received: number[] = [];
    const subscription = new CatchUpSubscription(store, (e) => void received.push(e.position), {
      afterPosition: 0,
      notifier,
      pollIntervalMs: 60_000,
    });
    await subscription.caughtUp;
    await store.append('a', 'no-stream', newEvents(2));
    notifier.notify();
    await until(() => received.length === 2, 1_000);
    await subscription.stop();
    expect(notifier.listenerCount).toBe(0);
  });

  it('finds appends nobody announced by polling', async () => {
    const received: number[] = [];
    const subscription = new CatchUpSubscription(store, (e) => void received.push(e.position), {
      afterPosition: 0,
      pollIntervalMs: 10,
    });
    await subscription.caughtUp;
    await store.append('a', 'no-stream', newEvents(1));
    await until(() => received.length === 1, 1_000);
    await subscription.stop();
  });

  it('rejects caughtUp if stopped before catching up, and stops after the event in hand', async () => {
    await store.append('a', 'no-stream', newEvents(3));
    let enter: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const received: number[] = [];
    const subscription = new CatchUpSubscription(
      store,
      async (event) => {
        enter();
        await finished;
        received.push(event.position);
      },
      { afterPosition: 0 },
    );
    await entered;
    const stopping = subscription.stop();
    finish();
    await stopping;
    expect(received).toEqual([1]);
    expect(subscription.position).toBe(1);
    await expect(subscription.caughtUp).rejects.toBeInstanceOf(SubscriptionStoppedError);
  });

  it('reports a handler failure once, keeps the position before it, and names the cause', async () => {
    await store.append('a', 'no-stream', newEvents(3));
    const failures: Array<[unknown, RecordedEvent]> = [];
    const boom = new Error('boom');
    const subscription = new CatchUpSubscription(
      store,
      (event) => {
        if (event.position === 2) throw boom;
      },
      {
        afterPosition: 0,
        onError: (error, event) => {
          failures.push([error, event]);
          throw new Error('a failing error callback changes nothing');
        },
      },
    );
    const error = await subscription.caughtUp.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SubscriptionStoppedError);
    expect((error as Error).cause).toBe(boom);
    expect(failures).toHaveLength(1);
    expect(failures[0]![1].position).toBe(2);
    expect(subscription.position).toBe(1);
  });

  it('warns when a handler fails and nobody listens', async () => {
    await store.append('a', 'no-stream', newEvents(1));
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const subscription = new CatchUpSubscription(
        store,
        () => {
          throw new Error('nobody hears this');
        },
        { afterPosition: 0 },
      );
      await subscription.caughtUp.catch(() => undefined);
      expect(emitWarning).toHaveBeenCalledWith(
        expect.stringMatching(/nobody hears this/),
        'SubscriptionHandlerError',
      );
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('retries a failed read from the same position', async () => {
    await store.append('a', 'no-stream', newEvents(2));
    let failuresLeft = 2;
    const readErrors: unknown[] = [];
    const source: CatchUpSource = {
      readAll: async (options) => {
        if (failuresLeft-- > 0) throw new Error('connection lost');
        return store.readAll(options);
      },
    };
    const received: number[] = [];
    const subscription = new CatchUpSubscription(source, (e) => void received.push(e.position), {
      afterPosition: 0,
      pollIntervalMs: 5,
      onReadError: (error) => readErrors.push(error),
    });
    await subscription.caughtUp;
    expect(received).toEqual([1, 2]);
    expect(readErrors).toHaveLength(2);
    await subscription.stop();
  });

  it('refuses a position or batch size that is not a count', () => {
    expect(() => new CatchUpSubscription(store, () => undefined, { afterPosition: -1 })).toThrow(
      RangeError,
    );
    expect(
      () => new CatchUpSubscription(store, () => undefined, { afterPosition: 0, batchSize: 0 }),
    ).toThrow(RangeError);
  });

  it('is stopped by closing the store', async () => {
    const subscription = store.subscribe(() => undefined, { afterPosition: 0 });
    await subscription.caughtUp;
    await store.close();
    // close() waited for the subscription to end: stopping it again returns at once.
    await subscription.stop();
    expect(subscription.position).toBe(0);
  });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
