import { EmbeddedEventBus } from '../../bus/embedded/embedded-event-bus';
import type { RunningConsumer } from '../../bus/event-bus.port';
import { startReliableConsumer } from '../../consumer/reliable-consumer';
import { DeadLetterError } from '../dead-letter.errors';
import { eventually } from '../../testing/bus-test-helpers';
import { contextTopics, provisionContextTopics } from '../../topics/context-topics';
import { redriveDeadLetters } from '../redrive-dead-letters';
import { redriveDeadLetter, startDeadLetterIndexer } from './dead-letter-operations';
import { SqliteDeadLetterIndex } from './sqlite-dead-letter-index';

/** A poison message, dead-lettered by the real reliable consumer, indexed, then re-driven after the fix. */
describe('dead-letter indexer and re-drive (embedded bus)', () => {
  const topics = contextTopics('dlq-ops');
  let bus: EmbeddedEventBus;
  let index: SqliteDeadLetterIndex;
  const running: RunningConsumer[] = [];
  const handled: string[] = [];
  let fixed = false;

  beforeEach(async () => {
    bus = new EmbeddedEventBus({ filename: ':memory:', retryDelayMs: 5 });
    index = new SqliteDeadLetterIndex({ filename: ':memory:' });
    await provisionContextTopics(bus, 'dlq-ops', { partitions: 1, replicationFactor: 1 });
    running.push(
      await startReliableConsumer<string>({
        bus,
        groupId: 'dlq-ops.worker',
        topics: [topics.events],
        deadLetterTopic: () => topics.dlq,
        decode: async (message) => {
          if (!fixed && message.value === 'poison')
            throw new DeadLetterError('schema-invalid', 'poison is not allowed', [
              { field: 'value', messages: ['poison'] },
            ]);
          return message.value ?? '';
        },
        handle: async (value) => void handled.push(value),
        retry: { attempts: 1, initialDelayMs: 1, maxDelayMs: 1 },
      }),
      await startDeadLetterIndexer({
        bus,
        index,
        dlqTopics: [topics.dlq],
        groupId: 'dlq-ops.index',
      }),
    );
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await bus.close();
    await index.close();
  });

  it('indexes the dead letter with its reason and origin, and re-drives it once to its original topic', async () => {
    await bus.publish(topics.events, [
      { key: 's-1', value: 'poison', headers: { 'message-id': 'm-1' } },
      { key: 's-1', value: 'fine', headers: {} },
    ]);
    await eventually(
      async () => (await index.list({})).items.length === 1 && handled.includes('fine'),
      'dead letter indexed',
    );
    const [entry] = (await index.list({})).items;
    expect(entry).toMatchObject({
      dlqTopic: topics.dlq,
      key: 's-1',
      payload: 'poison',
      headers: { 'message-id': 'm-1' },
      reason: 'schema-invalid',
      error: 'poison is not allowed',
      fieldErrors: [{ field: 'value', messages: ['poison'] }],
      originalTopic: topics.events,
      consumerGroup: 'dlq-ops.worker',
      status: 'pending',
    });
    fixed = true;
    const redriven = await redriveDeadLetter({ bus, index, id: entry!.id, by: 'user-admin' });
    expect(redriven).toMatchObject({ status: 'redriven', redrivenBy: 'user-admin' });
    await eventually(
      () => handled.includes('poison'),
      'the fixed consumer handles the re-driven message',
    );
    await expect(
      redriveDeadLetter({ bus, index, id: entry!.id, by: 'user-admin' }),
    ).rejects.toMatchObject({ code: 'DEAD_LETTER_ALREADY_REDRIVEN' });
    await expect(
      redriveDeadLetter({ bus, index, id: 'nope', by: 'user-admin' }),
    ).rejects.toMatchObject({ code: 'DEAD_LETTER_NOT_FOUND' });
    expect(handled.filter((v) => v === 'poison')).toHaveLength(1);
  });

  it('re-drives from the topic, byte for byte, a dead letter the index cannot hold as text (not UTF-8)', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x70, 0x6f, 0x69]);
    const decode = (b: Buffer) => b.toString('hex');
    // A message whose value is not UTF-8, dead-lettered as it is.
    await bus.publish(topics.dlq, [
      {
        key: Buffer.from([0x80]),
        value: bytes,
        headers: {
          'dlq-reason': 'undecodable',
          'dlq-original-topic': topics.events,
          'x-odd': Buffer.from([0xfe]),
        },
      },
    ]);
    await eventually(
      async () => (await index.list({})).items.length === 1,
      'the dead letter',
      3000,
    );
    const lossy = (await index.list({})).items.find((e) => e.reason === 'undecodable');
    expect(lossy?.payloadTruncated).toBe(true);
    await expect(
      redriveDeadLetter({ bus, index, id: lossy!.id, by: 'user-admin' }),
    ).rejects.toMatchObject({ code: 'DEAD_LETTER_TOO_LARGE' });

    const seen: Array<{ key?: string; value?: string; odd?: string[]; from?: string }> = [];
    running.push(
      await bus.consume({
        groupId: 'dlq-ops.bytes',
        topics: [topics.events],
        handler: async (m) => {
          if (m.headers['redriven-from'])
            seen.push({
              key: m.raw?.key ? decode(m.raw.key) : undefined,
              value: m.raw?.value ? decode(m.raw.value) : undefined,
              odd: m.raw?.headers['x-odd']?.map(decode),
              from: m.headers['redriven-from'],
            });
        },
      }),
    );
    await redriveDeadLetters({ bus, dlqTopic: topics.dlq });
    await eventually(() => seen.length === 1, 'the re-driven message', 3000);
    expect(seen[0]).toMatchObject({ key: '80', value: decode(bytes), odd: ['fe'] });
  });
});
