import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, type EventStore, type NewEvent } from '@sfp/event-sourcing';
import { EmbeddedEventBus } from '../bus/embedded/embedded-event-bus';
import type { EventBus, OutgoingMessage, RunningConsumer } from '../bus/event-bus.port';
import { decodeEventMessage } from '../events/event-message.codec';
import type { CheckpointStore } from '../state/consumer-state.port';
import { openSqliteConsumerState } from '../state/sqlite/sqlite-consumer-state';
import { eventually, recordTopic } from '../testing/bus-test-helpers';
import { OutboxRelay } from './outbox-relay';

const TOPIC = 'sfp.test-desk.events';

function event(type: string, n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: `test-desk.${type}`,
    schemaVersion: 1,
    data: { n },
    metadata: {
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: { kind: 'person', id: 'operator-1' },
      occurredAt: '2026-11-29T10:00:00.000Z',
    },
  };
}

describe('outbox relay', () => {
  let store: InMemoryEventStore;
  let bus: EmbeddedEventBus;
  let state: ReturnType<typeof openSqliteConsumerState>;
  const relays: OutboxRelay[] = [];
  const consumers: RunningConsumer[] = [];

  beforeEach(async () => {
    store = new InMemoryEventStore();
    bus = new EmbeddedEventBus({ filename: ':memory:' });
    state = openSqliteConsumerState(':memory:');
    await bus.ensureTopics([{ topic: TOPIC, partitions: 3, replicationFactor: 1 }]);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await bus.close();
    await store.close();
    state.close();
  });

  function relay(
    overrides: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {},
  ): OutboxRelay {
    const r = new OutboxRelay({
      name: 'test-desk.outbox',
      store,
      bus,
      checkpoints: state.checkpoints,
      leases: state.leases,
      topicFor: () => TOPIC,
      idleDelayMs: 5,
      errorDelayMs: 10,
      leaseTtlMs: 300,
      batchSize: 7,
      ...overrides,
    });
    relays.push(r);
    return r;
  }

  /** The state's checkpoints, recording each save's position (`beforeSave` may hold the nth save back). */
  function recordedCheckpoints(beforeSave?: (count: number) => Promise<void>) {
    const saved: number[] = [];
    const checkpoints: CheckpointStore = {
      load: (name) => state.checkpoints.load(name),
      save: async (name, position) => {
        saved.push(position);
        await beforeSave?.(saved.length);
        await state.checkpoints.save(name, position);
      },
    };
    return { saved, checkpoints };
  }

  async function published() {
    const recorder = await recordTopic(bus, TOPIC);
    consumers.push(recorder.consumer);
    return recorder.messages;
  }

  it('publishes events appended while no relay ran, keyed by stream, in order, with envelope headers', async () => {
    for (let i = 1; i <= 10; i++) {
      await store.append('request-a', i - 1, [event('Noted', i)]);
      await store.append('request-b', i - 1, [event('Noted', i)]);
    }
    relay().start();
    const messages = await published();
    await eventually(() => messages.length === 20, 'all 20 events');
    for (const stream of ['request-a', 'request-b']) {
      const ofStream = messages.filter((m) => m.key === stream).map((m) => decodeEventMessage(m));
      expect(ofStream.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    const first = messages.find((m) => m.headers['position'] === '1')!;
    expect(first.headers).toMatchObject({
      type: 'test-desk.Noted',
      schemaVersion: '1',
      streamId: 'request-a',
      correlationId: 'corr-1',
      causationId: 'cause-1',
    });
    expect(first.headers['eventId']).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(
      async () => (await state.checkpoints.load('test-desk.outbox')) === 20,
      'checkpoint 20',
    );
  });

  it("publishes its own appends from the feed and another instance's from the store, in global order, no gap", async () => {
    // This instance's feed leaves out appends to streams other-*, as it leaves out another instance's.
    const partial = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'onAppended') {
          return (listener: Parameters<NonNullable<EventStore['onAppended']>>[0]) =>
            target.onAppended((batch) => {
              if (!batch[0]?.streamId.startsWith('other-')) listener(batch);
            });
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    }) as EventStore;
    await store.append('own-0', 'no-stream', [event('Before', 0)]);
    relay({ store: partial, storePollMs: 5 }).start();
    const messages = await published();
    for (let i = 1; i <= 40; i++) {
      const stream = i % 4 === 0 ? `other-${i % 3}` : `own-${i % 3}`;
      await store.append(stream, 'any', [event('Noted', i), event('Noted', i + 100)]);
      if (i % 9 === 0)
        await eventually(() => messages.length === 1 + 2 * i, `${1 + 2 * i} messages`);
    }
    await eventually(() => messages.length === 81, 'all 81 events');
    await new Promise((r) => setTimeout(r, 30));
    expect(messages.map((m) => Number(m.headers['position'])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 81 }, (_, i) => i + 1),
    );
    expect(messages.filter((m) => m.key?.startsWith('other-'))).toHaveLength(20);
  });

  it('publishes a backlog in batches: one bus call per batch of batchSize, checkpoints in order up to the last', async () => {
    for (let i = 1; i <= 20; i++) await store.append(`s-${i % 3}`, 'any', [event('A', i)]);
    const publishedBatches: number[] = [];
    const countingBus: EventBus = new Proxy(bus, {
      get(target, property, receiver) {
        if (property === 'publish')
          return (topic: string, messages: OutgoingMessage[]) => {
            publishedBatches.push(messages.length);
            return target.publish(topic, messages);
          };
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { saved, checkpoints } = recordedCheckpoints();
    const r = relay({ bus: countingBus, checkpoints });
    r.start();
    await r.waitForPosition(20);
    expect(publishedBatches).toEqual([7, 7, 6]);
    expect(saved.length).toBeLessThanOrEqual(3);
    expect(saved).toEqual([...saved].sort((a, b) => a - b));
    expect(saved[saved.length - 1]).toBe(20);
    expect(await state.checkpoints.load('test-desk.outbox')).toBe(20);
  });

  it('publishes the next batches while a slow checkpoint save runs, then saves the latest position once', async () => {
    for (let i = 1; i <= 20; i++) await store.append(`s-${i % 3}`, 'any', [event('A', i)]);
    let firstSave: (() => void) | undefined;
    const { saved, checkpoints } = recordedCheckpoints(async (count) => {
      if (count === 1) await new Promise<void>((resolve) => (firstSave = resolve));
    });
    const r = relay({ checkpoints });
    const messages = await published();
    r.start();
    await eventually(() => messages.length === 20, 'every batch published during the first save');
    expect(saved).toEqual([7]);
    expect(r.status()).toMatchObject({ position: 20, checkpointed: 0 });
    firstSave?.();
    await r.waitForPosition(20);
    expect(saved).toEqual([7, 20]);
    expect(await state.checkpoints.load('test-desk.outbox')).toBe(20);
  });

  it('saves the checkpoint at most once per checkpointIntervalMs while it publishes, and the last position when it stops', async () => {
    for (let i = 1; i <= 20; i++) await store.append(`s-${i % 3}`, 'any', [event('A', i)]);
    const { saved, checkpoints } = recordedCheckpoints();
    const r = relay({ checkpoints, checkpointIntervalMs: 60_000 });
    const messages = await published();
    r.start();
    await eventually(() => messages.length === 20, 'every batch published');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved).toEqual([7]);
    await r.stop();
    expect(saved).toEqual([7, 20]);
    expect(await state.checkpoints.load('test-desk.outbox')).toBe(20);
  });

  it('resumes from its durable checkpoint after a restart', async () => {
    await store.append('s', 'no-stream', [event('A', 1), event('A', 2)]);
    const first = relay();
    first.start();
    await first.waitForPosition(2);
    await first.stop();
    await store.append('s', 2, [event('A', 3)]);
    relay().start();
    const messages = await published();
    await eventually(() => messages.length === 3, 'three messages');
    await new Promise((r) => setTimeout(r, 50));
    expect(messages.map((m) => m.headers['position'])).toEqual(['1', '2', '3']);
  });

  it('publishes a batch again when it died before saving the checkpoint (at-least-once)', async () => {
    await store.append(
      's',
      'no-stream',
      [1, 2, 3].map((n) => event('A', n)),
    );
    let failures = 0;
    const flaky: CheckpointStore = {
      load: (name) => state.checkpoints.load(name),
      save: async (name, position) => {
        if (failures++ === 0) throw new Error('disk full');
        await state.checkpoints.save(name, position);
      },
    };
    const errors: unknown[] = [];
    relay({ checkpoints: flaky, onError: (e) => errors.push(e) }).start();
    const messages = await published();
    await eventually(() => messages.length === 6, 'the batch twice');
    expect(errors).toHaveLength(1);
    expect(messages.map((m) => m.headers['position'])).toEqual(['1', '2', '3', '1', '2', '3']);
  });

  it('lets one relay of many publish, and another take over when it stops', async () => {
    await store.append('s', 'no-stream', [event('A', 1)]);
    const a = relay({ owner: 'instance-a' });
    const b = relay({ owner: 'instance-b' });
    a.start();
    await a.waitForPosition(1);
    b.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(a.status().active).toBe(true);
    expect(b.status().active).toBe(false);

    await a.stop();
    await store.append('s', 1, [event('A', 2), event('A', 3)]);
    await b.waitForPosition(3, 5_000);
    expect(b.status().active).toBe(true);
    const messages = await published();
    await eventually(() => messages.length >= 3, 'three messages');
    expect(messages.map((m) => m.headers['position'])).toEqual(['1', '2', '3']);
  });
});
