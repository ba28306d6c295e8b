import { mongo } from 'mongoose';
import { useContractFixture } from '@sfp/event-sourcing/testing';
import type { EventBus, RunningConsumer } from '../bus/event-bus.port';
import { DEAD_LETTER_HEADERS } from '../dead-letters/dead-letter-headers';
import { DeadLetterError, PermanentFailure } from '../dead-letters/dead-letter.errors';
import { redriveDeadLetters } from '../dead-letters/redrive-dead-letters';
import { openSqliteConsumerState } from '../state/sqlite/sqlite-consumer-state';
import { eventually, recordTopic } from '../testing/bus-test-helpers';
import { startReliableConsumer, type ReliableConsumerOptions } from './reliable-consumer';

export interface ReliableConsumerFixture {
  bus: EventBus;
  /** Fresh topic names for one test (not yet created). */
  topics(): { in: string; dlq: string };
  cleanup(): Promise<void>;
}

/**
 * The consumer runtime's guarantees, on every bus adapter: dead letters with
 * their origin, retries with backoff, idempotency, re-drive after a fix.
 */
export function describeReliableConsumerContract(
  adapter: string,
  createFixture: () => Promise<ReliableConsumerFixture>,
): void {
  describe(`reliable consumer: ${adapter}`, () => {
    let bus: EventBus;
    let IN: string;
    let DLQ: string;
    let group: string;
    let groups = 0;
    const fixture = useContractFixture(createFixture, {
      opened: async (opened) => {
        bus = opened.bus;
        ({ in: IN, dlq: DLQ } = opened.topics());
        group = `reliable-${process.pid}-${Date.now().toString(36)}-${++groups}`;
        await bus.ensureTopics([
          { topic: IN, partitions: 2, replicationFactor: 1 },
          { topic: DLQ, partitions: 1, replicationFactor: 1 },
        ]);
      },
    });
    /** Stops a consumer the test started once the test is over. */
    const stopAfterTest = (consumer: RunningConsumer): void =>
      fixture.release(() => consumer.stop());

    const decodeJson = (m: { value: string | null }) => {
      try {
        return JSON.parse(m.value ?? '') as { id: string; n: number };
      } catch {
        throw new DeadLetterError('undecodable', 'not JSON');
      }
    };

    type Decoded = { id: string; n: number };
    async function start(
      handle: (d: Decoded) => Promise<void>,
      extra: Partial<ReliableConsumerOptions<Decoded>> = {},
    ) {
      const c = await startReliableConsumer({
        bus,
        groupId: group,
        topics: [IN],
        deadLetterTopic: () => DLQ,
        decode: decodeJson,
        handle,
        retry: { attempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
        ...extra,
      });
      stopAfterTest(c);
      return c;
    }

    it('sends an undecodable message to the dead-letter topic with its origin, and moves on', async () => {
      const handled: number[] = [];
      await start(async (d) => void handled.push(d.n));
      await bus.publish(IN, [
        { key: 'k', value: 'not json {', headers: { type: 'T' } },
        { key: 'k', value: JSON.stringify({ id: 'a', n: 2 }) },
      ]);
      const dlq = await recordTopic(bus, DLQ);
      stopAfterTest(dlq.consumer);
      await eventually(
        () => handled.length === 1 && dlq.messages.length === 1,
        'dead letter and next message',
      );
      expect(handled).toEqual([2]);
      const letter = dlq.messages[0]!;
      expect(letter.value).toBe('not json {');
      expect(letter.key).toBe('k');
      expect(letter.headers).toMatchObject({
        type: 'T',
        [DEAD_LETTER_HEADERS.reason]: 'undecodable',
        [DEAD_LETTER_HEADERS.originalTopic]: IN,
        [DEAD_LETTER_HEADERS.originalOffset]: '0',
        [DEAD_LETTER_HEADERS.consumerGroup]: group,
      });
      expect(letter.headers[DEAD_LETTER_HEADERS.originalPartition]).toMatch(/^[01]$/);
    });

    it('retries a transient failure with backoff and dead-letters nothing', async () => {
      let calls = 0;
      const retries: number[] = [];
      await start(
        async () => {
          if (++calls < 3) throw new Error('database busy');
        },
        { onRetry: (_e, attempt) => void retries.push(attempt) },
      );
      await bus.publish(IN, [{ key: 'k', value: JSON.stringify({ id: 'a', n: 1 }) }]);
      await eventually(() => calls === 3, 'third attempt');
      expect(retries).toEqual([1, 2]);
      expect((await bus.groupLag('nobody', DLQ))[0]!.endOffset).toBe('0');
    });

    it('retries past the policy while the store cannot be reached, and dead-letters nothing', async () => {
      let calls = 0;
      await start(async () => {
        // Twice the policy's attempts: a database outage, not a bad message.
        if (++calls <= 6) throw new mongo.MongoNetworkError('connection refused');
      });
      await bus.publish(IN, [{ key: 'k', value: JSON.stringify({ id: 'a', n: 1 }) }]);
      await eventually(() => calls === 7, 'seventh attempt');
      expect((await bus.groupLag('nobody', DLQ))[0]!.endOffset).toBe('0');
    });

    it('stops while a message keeps failing, and leaves it to be delivered again instead of dead-lettering it', async () => {
      let failing = 0;
      const stopping = await start(async () => {
        ++failing;
        // The store was closed under the handler (a service stopping), or is away for good.
        throw new mongo.MongoTopologyClosedError();
      });
      await bus.publish(IN, [{ key: 'k', value: JSON.stringify({ id: 'a', n: 8 }) }]);
      await eventually(() => failing >= 2, 'the failing message retried');
      await stopping.stop();
      const handled: number[] = [];
      await start(async (d) => void handled.push(d.n));
      await eventually(() => handled.length === 1, 'the message delivered to the next consumer');
      expect(handled).toEqual([8]);
      expect((await bus.groupLag('nobody', DLQ))[0]!.endOffset).toBe('0');
    });

    it('stops while a batch keeps failing, leaving every message of it to be delivered again', async () => {
      let failing = 0;
      const stopping = await start(async () => undefined, {
        handle: undefined,
        handleBatch: async () => {
          ++failing;
          throw new Error('The MongoDB event store is closed');
        },
        retry: { attempts: 1000, initialDelayMs: 1, maxDelayMs: 2 },
      });
      await bus.publish(IN, [
        { key: 'k', value: JSON.stringify({ id: 'a', n: 1 }) },
        { key: 'k', value: JSON.stringify({ id: 'b', n: 2 }) },
      ]);
      await eventually(() => failing >= 2, 'the failing batch retried');
      await stopping.stop();
      const handled: number[] = [];
      await start(async (d) => void handled.push(d.n));
      await eventually(() => handled.length === 2, 'the batch delivered to the next consumer');
      expect(handled).toEqual([1, 2]);
      expect((await bus.groupLag('nobody', DLQ))[0]!.endOffset).toBe('0');
    });

    it('does not dead-letter a message whose decoding needs a store that cannot be reached', async () => {
      let decodes = 0;
      const handled: number[] = [];
      await start(async (d) => void handled.push(d.n), {
        decode: (m) => {
          if (++decodes <= 2)
            throw new mongo.MongoNetworkTimeoutError('server selection timed out');
          return decodeJson(m);
        },
      });
      await bus.publish(IN, [{ key: 'k', value: JSON.stringify({ id: 'a', n: 5 }) }]);
      await eventually(() => handled.length === 1, 'the message handled once the store is back');
      expect(handled).toEqual([5]);
      expect((await bus.groupLag('nobody', DLQ))[0]!.endOffset).toBe('0');
    });

    it('dead-letters a message that keeps failing, with the error and attempts, then handles the next', async () => {
      const handled: number[] = [];
      await start(async (d) => {
        if (d.n === 1) throw new Error('boom');
        handled.push(d.n);
      });
      await bus.publish(
        IN,
        [1, 2].map((n) => ({ key: 'k', value: JSON.stringify({ id: `m${n}`, n }) })),
      );
      const dlq = await recordTopic(bus, DLQ);
      stopAfterTest(dlq.consumer);
      await eventually(() => handled.length === 1 && dlq.messages.length === 1, 'dlq + next');
      expect(dlq.messages[0]!.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.reason]: 'failed',
        [DEAD_LETTER_HEADERS.error]: 'Error: boom',
        [DEAD_LETTER_HEADERS.attempts]: '3',
      });
    });

    it('dead-letters a permanent failure at once', async () => {
      let calls = 0;
      await start(async () => {
        calls++;
        throw new PermanentFailure('cannot apply');
      });
      const dlq = await recordTopic(bus, DLQ);
      stopAfterTest(dlq.consumer);
      await bus.publish(IN, [{ key: 'k', value: JSON.stringify({ id: 'x', n: 1 }) }]);
      await eventually(() => dlq.messages.length === 1, 'dead letter');
      expect(calls).toBe(1);
      expect(dlq.messages[0]!.headers[DEAD_LETTER_HEADERS.attempts]).toBe('1');
    });

    it('handles a message id once per group (idempotent)', async () => {
      const state = openSqliteConsumerState(':memory:');
      const handled: string[] = [];
      await start(async (d) => void handled.push(d.id), {
        idempotency: { store: state.processed, messageId: (d) => d.id },
      });
      await bus.publish(
        IN,
        ['a', 'b', 'a', 'c', 'b'].map((id) => ({ key: 'k', value: JSON.stringify({ id, n: 0 }) })),
      );
      await eventually(() => handled.length >= 3, 'three distinct');
      await new Promise((r) => setTimeout(r, 50));
      expect(handled).toEqual(['a', 'b', 'c']);
      state.close();
    });

    it('in batches: skips what was processed, dead-letters only the poison and the undecodable, handles the rest once', async () => {
      const state = openSqliteConsumerState(':memory:');
      await state.processed.record(group, 'done-before');
      const handled: Array<{ id: string; n: number }> = [];
      const batchSizes: number[] = [];
      let failures = 0;
      const c = await startReliableConsumer<Decoded>({
        bus,
        groupId: group,
        topics: [IN],
        deadLetterTopic: () => DLQ,
        decode: decodeJson,
        idempotency: { store: state.processed, messageId: (d) => d.id },
        retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 2 },
        handleBatch: async (items) => {
          batchSizes.push(items.length);
          if (items.some((item) => item.decoded.n === 13)) {
            failures++;
            throw new Error('cannot apply 13');
          }
          handled.push(...items.map((item) => item.decoded));
        },
      });
      stopAfterTest(c);
      const dlq = await recordTopic(bus, DLQ);
      stopAfterTest(dlq.consumer);
      const messages = Array.from({ length: 30 }, (_, n) => ({
        key: `k${n % 3}`,
        value: JSON.stringify({ id: `m${n}`, n }),
      }));
      messages.push({ key: 'k0', value: 'not json {' });
      messages.push({ key: 'k1', value: JSON.stringify({ id: 'done-before', n: 99 }) });
      messages.push({ key: 'k2', value: JSON.stringify({ id: 'm5', n: 5 }) }); // a duplicate
      await bus.publish(IN, messages);
      await eventually(
        () => handled.length === 29 && dlq.messages.length === 2,
        '29 handled, 2 dead letters',
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(handled.map((d) => d.n).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 30 }, (_, n) => n).filter((n) => n !== 13),
      );
      expect(dlq.messages.map((m) => m.headers[DEAD_LETTER_HEADERS.reason]).sort()).toEqual([
        'failed',
        'undecodable',
      ]);
      expect(
        dlq.messages.find((m) => m.headers[DEAD_LETTER_HEADERS.reason] === 'failed')?.value,
      ).toContain('"n":13');
      expect(Math.max(...batchSizes)).toBeGreaterThan(1);
      expect(failures).toBeGreaterThan(0);
      expect(await state.processed.findMany!(group, ['m0', 'm29', 'm13'])).toEqual(
        new Set(['m0', 'm29']),
      );
      for (const n of [0, 12, 14, 29]) {
        expect(handled.filter((d) => d.n === n)).toHaveLength(1);
      }
      state.close();
    });

    it('re-drives dead letters to their original topic after a fix', async () => {
      let fixed = false;
      const handled: number[] = [];
      await start(async (d) => {
        if (!fixed) throw new PermanentFailure('bug');
        handled.push(d.n);
      });
      await bus.publish(
        IN,
        [7, 8].map((n) => ({
          key: `k${n}`,
          value: JSON.stringify({ id: `m${n}`, n }),
          headers: { type: 'T' },
        })),
      );
      await eventually(
        async () => (await bus.groupLag('nobody', DLQ))[0]!.endOffset === '2',
        'two dead letters',
      );

      fixed = true;
      const result = await redriveDeadLetters({ bus, dlqTopic: DLQ });
      expect(result).toEqual({ redriven: 2, skipped: 0, byTopic: { [IN]: 2 } });
      await eventually(() => handled.length === 2, 're-driven messages handled');
      expect(handled.sort()).toEqual([7, 8]);
      // a second re-drive finds nothing new
      expect((await redriveDeadLetters({ bus, dlqTopic: DLQ })).redriven).toBe(0);
    });
  });
}
