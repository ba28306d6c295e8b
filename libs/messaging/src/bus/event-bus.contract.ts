import { useContractFixture } from '@sfp/event-sourcing/testing';
import type { EventBus, IncomingMessage, RunningConsumer } from './event-bus.port';
import { UnknownTopicError } from './event-bus.port';
import { eventually } from '../testing/bus-test-helpers';

export interface EventBusFixture {
  bus: EventBus;
  /** A topic name no other test uses (not yet created). */
  topicName(suffix: string): string;
  /** A fresh bus on the same log (a restarted process). */
  reopen?(): Promise<EventBus>;
  cleanup(): Promise<void>;
}

/**
 * The one contract every EventBus adapter keeps. Run by
 * `embedded-event-bus.contract-spec.ts` and `kafka-event-bus.contract-spec.ts`.
 */
export function describeEventBusContract(
  adapter: string,
  createFixture: () => Promise<EventBusFixture>,
  timing: { settleMs: number } = { settleMs: 300 },
): void {
  describe(`EventBus contract: ${adapter}`, () => {
    let bus: EventBus;
    const running: RunningConsumer[] = [];
    const fixture = useContractFixture(createFixture, {
      opened: (opened) => (bus = opened.bus),
      closing: () => Promise.all(running.splice(0).map((c) => c.stop())),
    });

    async function topic(suffix: string, partitions = 3): Promise<string> {
      const name = fixture.current().topicName(suffix);
      await bus.ensureTopics([{ topic: name, partitions, replicationFactor: 1 }]);
      return name;
    }

    async function consume(
      groupId: string,
      topics: string[],
      handler: (m: IncomingMessage) => Promise<void> | void,
      fromBeginning = true,
    ): Promise<RunningConsumer> {
      const consumer = await bus.consume({
        groupId,
        topics,
        fromBeginning,
        handler: async (m) => handler(m),
      });
      running.push(consumer);
      return consumer;
    }

    it('delivers every message, in publish order per key, with key, value and headers', async () => {
      const t = await topic('order');
      const keys = ['stream-a', 'stream-b', 'stream-c', 'stream-d', 'stream-e'];
      for (let i = 0; i < 40; i++) {
        await bus.publish(
          t,
          keys.map((key) => ({
            key,
            value: `${key}:${i}`,
            headers: { seq: String(i), type: 'T' },
          })),
        );
      }
      const seen = collector();
      await consume(group('order'), [t], seen.add);
      await waitUntil(() => seen.count() >= 200, 'all 200 messages');
      for (const key of keys) {
        expect(seen.values(key)).toEqual(Array.from({ length: 40 }, (_, i) => `${key}:${i}`));
      }
      const one = seen.all()[0]!;
      expect(one.headers['type']).toBe('T');
      expect(one.topic).toBe(t);
      expect(Number.isNaN(Date.parse(one.timestamp))).toBe(false);
    });

    it('delivers the exact bytes of key, value and headers, and their UTF-8 text beside them', async () => {
      const t = await topic('bytes', 1);
      const value = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]);
      const key = Buffer.from([0xc3, 0x28, 0x6b]);
      await bus.publish(t, [
        {
          key,
          value,
          headers: {
            odd: Buffer.from([0xfe, 0x01]),
            twice: [Buffer.from('one'), Buffer.from([0x80])],
          },
        },
        { key: 'text', value: 'héllo', headers: { plain: 'é' } },
      ]);
      const seen = collector();
      await consume(group('bytes'), [t], seen.add);
      await waitUntil(() => seen.count() >= 2, 'two messages');
      const [bytes, textual] = seen.all();
      const hex = (b: Buffer | null | undefined) => b?.toString('hex');
      expect(hex(bytes!.raw?.value)).toBe(value.toString('hex'));
      expect(hex(bytes!.raw?.key)).toBe(key.toString('hex'));
      expect(bytes!.raw?.headers['odd']?.map(hex)).toEqual(['fe01']);
      expect(bytes!.raw?.headers['twice']?.map(hex)).toEqual(['6f6e65', '80']);
      expect(bytes!.headers['twice']).toBe('one');
      expect(textual!.value).toBe('héllo');
      expect(textual!.headers['plain']).toBe('é');
      expect(hex(textual!.raw?.value)).toBe(Buffer.from('héllo').toString('hex'));
    });

    it('keeps one key in one partition', async () => {
      const t = await topic('partition');
      await bus.publish(
        t,
        Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 3}`, value: String(i) })),
      );
      const seen = collector();
      await consume(group('partition'), [t], seen.add);
      await waitUntil(() => seen.count() >= 30, '30 messages');
      for (const key of ['k0', 'k1', 'k2']) {
        const partitions = new Set(
          seen
            .all()
            .filter((m) => m.key === key)
            .map((m) => m.partition),
        );
        expect(partitions.size).toBe(1);
      }
    });

    it('gives each consumer group its own cursor', async () => {
      const t = await topic('groups');
      await bus.publish(
        t,
        [1, 2, 3].map((i) => ({ key: 'k', value: String(i) })),
      );
      const first = collector();
      const second = collector();
      await consume(group('g1'), [t], first.add);
      await consume(group('g2'), [t], second.add);
      await waitUntil(() => first.count() >= 3 && second.count() >= 3, 'both groups');
      expect(first.values('k')).toEqual(['1', '2', '3']);
      expect(second.values('k')).toEqual(['1', '2', '3']);
    });

    it('delivers a message again when its handler throws, and keeps the order', async () => {
      const t = await topic('retry', 1);
      await bus.publish(
        t,
        ['a', 'b', 'c'].map((value) => ({ key: 'k', value })),
      );
      const handled: string[] = [];
      let failures = 0;
      await consume(group('retry'), [t], (m) => {
        if (m.value === 'b' && failures < 2) {
          failures++;
          throw new Error('transient');
        }
        handled.push(m.value!);
      });
      await waitUntil(() => handled.length >= 3, 'a, b and c handled');
      expect(handled).toEqual(['a', 'b', 'c']);
      expect(failures).toBe(2);
    });

    it('with a batch handler: batches of one partition in order, a throwing batch delivered again, resumes after restart', async () => {
      const t = await topic('batches', 2);
      const keys = ['p', 'q', 'r', 's'];
      await bus.publish(
        t,
        Array.from({ length: 80 }, (_, i) => ({ key: keys[i % 4]!, value: `${keys[i % 4]}:${i}` })),
      );
      const groupId = group('batches');
      const handled: IncomingMessage[] = [];
      const batches: IncomingMessage[][] = [];
      let failures = 0;
      const first = await bus.consume({
        groupId,
        topics: [t],
        maxBatchSize: 7,
        batchHandler: async (messages) => {
          batches.push(messages);
          // The batch holding value p:40 fails twice: nothing of it may count as handled.
          if (messages.some((m) => m.value === 'p:40') && failures < 2) {
            failures++;
            throw new Error('transient');
          }
          handled.push(...messages);
        },
      });
      running.push(first);
      await waitUntil(() => handled.length >= 80, 'all 80 messages');
      expect(failures).toBe(2);
      for (const batch of batches) {
        expect(batch.length).toBeGreaterThan(0);
        expect(batch.length).toBeLessThanOrEqual(7);
        expect(new Set(batch.map((m) => m.partition)).size).toBe(1);
        batch.forEach(
          (m, i) => i > 0 && expect(Number(m.offset)).toBe(Number(batch[i - 1]!.offset) + 1),
        );
      }
      for (const key of keys) {
        const values = handled.filter((m) => m.key === key).map((m) => m.value);
        expect(values).toEqual(
          Array.from(
            { length: 20 },
            (_, i) => `${key}:${key === 'p' ? 4 * i : keys.indexOf(key) + 4 * i}`,
          ),
        );
      }
      await first.stop();
      running.splice(running.indexOf(first), 1);
      await bus.publish(
        t,
        keys.map((key) => ({ key, value: `${key}:after` })),
      );
      const again: IncomingMessage[] = [];
      const second = await bus.consume({
        groupId,
        topics: [t],
        batchHandler: async (messages) => void again.push(...messages),
      });
      running.push(second);
      await waitUntil(() => again.length >= 4, 'the 4 new messages');
      await new Promise((r) => setTimeout(r, 300));
      expect(again.map((m) => m.value).sort()).toEqual(keys.map((key) => `${key}:after`));
    });

    it('refuses a consumer with both or neither of handler and batchHandler', async () => {
      const t = await topic('handlers', 1);
      await expect(bus.consume({ groupId: group('none'), topics: [t] })).rejects.toThrow(
        /exactly one/,
      );
      await expect(
        bus.consume({
          groupId: group('both'),
          topics: [t],
          handler: async () => undefined,
          batchHandler: async () => undefined,
        }),
      ).rejects.toThrow(/exactly one/);
    });

    it('resumes a group from its committed position after a restart, losing nothing', async () => {
      const t = await topic('resume', 2);
      const keys = ['x', 'y', 'z'];
      await bus.publish(
        t,
        Array.from({ length: 60 }, (_, i) => ({ key: keys[i % 3]!, value: String(i) })),
      );
      const groupId = group('resume');
      const firstRun = collector();
      const consumer = await consume(groupId, [t], firstRun.add);
      await waitUntil(() => firstRun.count() >= 20, 'first 20');
      await consumer.stop();
      running.splice(running.indexOf(consumer), 1);

      await bus.publish(
        t,
        Array.from({ length: 30 }, (_, i) => ({ key: keys[i % 3]!, value: String(60 + i) })),
      );
      const secondRun = collector();
      await consume(groupId, [t], secondRun.add);
      await waitUntil(
        () => new Set([...firstRun.all(), ...secondRun.all()].map((m) => m.value)).size >= 90,
        'every message across both runs',
      );
      // At-least-once: the second run may repeat what the first had not committed,
      // but it starts no earlier than necessary and never skips.
      for (const key of keys) {
        const merged = dedupe([...firstRun.values(key), ...secondRun.values(key)]);
        const expected = Array.from({ length: 90 }, (_, i) => i)
          .filter((i) => keys[i % 3] === key)
          .map(String);
        expect(merged).toEqual(expected);
      }
      expect(secondRun.count()).toBeLessThan(90);
    });

    it('shares partitions between the members of a group and hands them over when one leaves', async () => {
      const t = await topic('share', 4);
      const groupId = group('share');
      const a = collector();
      const b = collector();
      const memberA = await consume(groupId, [t], a.add);
      await consume(groupId, [t], b.add);
      await sleep(timing.settleMs);
      const keys = Array.from({ length: 12 }, (_, i) => `key-${i}`);
      await bus.publish(
        t,
        keys.map((key) => ({ key, value: `${key}:1` })),
      );
      await waitUntil(() => a.count() + b.count() >= 12, 'first round across both members');
      expect(a.count()).toBeGreaterThan(0);
      expect(b.count()).toBeGreaterThan(0);

      await memberA.stop();
      running.splice(running.indexOf(memberA), 1);
      await bus.publish(
        t,
        keys.map((key) => ({ key, value: `${key}:2` })),
      );
      await waitUntil(
        () => b.all().filter((m) => m.value!.endsWith(':2')).length >= 12,
        'the survivor takes every partition',
      );
      const everything = new Set([...a.all(), ...b.all()].map((m) => m.value));
      expect(everything.size).toBe(24);
    });

    it('starts a new group at the end when asked not to read from the beginning', async () => {
      const t = await topic('latest', 1);
      await bus.publish(t, [{ key: 'k', value: 'old' }]);
      const seen = collector();
      await consume(group('latest'), [t], seen.add, false);
      await sleep(timing.settleMs);
      await bus.publish(t, [{ key: 'k', value: 'new' }]);
      await waitUntil(() => seen.count() >= 1, 'the new message');
      await sleep(100);
      expect(seen.values('k')).toEqual(['new']);
    });

    it("reports a group's lag per partition", async () => {
      const t = await topic('lag', 1);
      await bus.publish(
        t,
        [1, 2, 3, 4].map((i) => ({ key: 'k', value: String(i) })),
      );
      const groupId = group('lag');
      const before = await bus.groupLag(groupId, t);
      expect(before).toEqual([expect.objectContaining({ partition: 0, endOffset: '4', lag: 4 })]);
      const seen = collector();
      await consume(groupId, [t], seen.add);
      await waitUntil(() => seen.count() >= 4, 'four messages');
      await waitUntil(async () => (await bus.groupLag(groupId, t))[0]!.lag === 0, 'lag 0');
    });

    it('refuses to publish to a topic that was never provisioned', async () => {
      await expect(
        bus.publish(fixture.current().topicName('missing'), [{ key: 'k', value: 'v' }]),
      ).rejects.toBeInstanceOf(UnknownTopicError);
    });

    it('provisions topics idempotently', async () => {
      const t = await topic('twice', 2);
      await bus.ensureTopics([{ topic: t, partitions: 2, replicationFactor: 1 }]);
      await bus.publish(t, [{ key: 'k', value: 'v' }]);
      expect((await bus.groupLag(group('twice'), t)).length).toBe(2);
    });
  });
}

let groupCounter = 0;
function group(name: string): string {
  return `contract-${name}-${process.pid}-${Date.now().toString(36)}-${++groupCounter}`;
}

function collector() {
  const messages: IncomingMessage[] = [];
  return {
    add: (m: IncomingMessage) => {
      messages.push(m);
    },
    count: () => messages.length,
    all: () => messages,
    values: (key: string) => messages.filter((m) => m.key === key).map((m) => m.value),
  };
}

function dedupe(values: Array<string | null>): Array<string | null> {
  const seen = new Set<string | null>();
  return values.filter((v) => (seen.has(v) ? false : (seen.add(v), true)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `eventually`, looking every 25 ms. */
function waitUntil(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  return eventually(condition, what, 45_000, 25);
}
