import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrationEnv, uniqueName } from '@sfp/testing';
import { EmbeddedEventBus } from './embedded/embedded-event-bus';
import type { EventBus } from './event-bus.port';
import { KafkaEventBus } from './kafka/kafka-event-bus';
import { handledLines, killHard, startCrashConsumer } from '../testing/crash-consumer.harness';

/**
 * A consumer process killed with SIGKILL in the middle of a stream, then
 * started again, loses nothing: every message is handled at least once, and
 * each key's messages in order within each run.
 */
describe.each([
  ['Kafka (real broker)', 'kafka'],
  ['embedded bus', 'embedded'],
] as const)('consumer killed mid-stream: %s', (_name, mode) => {
  let dir: string;
  let bus: EventBus;
  let address: string;
  let topic: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sfp-crash-'));
    topic = `${uniqueName('crash')}.events`;
    if (mode === 'kafka') {
      address = integrationEnv().kafkaBrokers.join(',');
      bus = new KafkaEventBus({ brokers: address.split(','), clientId: 'crash-test' });
    } else {
      address = join(dir, 'bus.sqlite');
      bus = new EmbeddedEventBus({ filename: address });
    }
    await bus.ensureTopics([{ topic, partitions: 3, replicationFactor: 1 }]);
  });

  afterAll(async () => {
    await bus.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('handles every message after a SIGKILL and a restart', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const total = 300;
    await bus.publish(
      topic,
      Array.from({ length: total }, (_, i) => ({ key: keys[i % keys.length]!, value: String(i) })),
    );
    const out = join(dir, 'handled.txt');
    const group = uniqueName('crash-group');
    const args = [mode, address, topic, group, out, '2'];

    const first = await startCrashConsumer(args);
    const deadline = Date.now() + 60_000;
    while (handledLines(out).length < 60 && Date.now() < deadline) await sleep(20);
    await killHard(first);
    const beforeRestart = handledLines(out).length;
    expect(beforeRestart).toBeGreaterThanOrEqual(60);
    expect(beforeRestart).toBeLessThan(total);

    const second = await startCrashConsumer(args);
    try {
      const until = Date.now() + 90_000;
      while (Date.now() < until) {
        const values = new Set(handledLines(out).map((l) => l.split('|')[1]));
        if (values.size === total) break;
        await sleep(50);
      }
    } finally {
      await killHard(second);
    }
    const lines = handledLines(out);
    const values = new Set(lines.map((l) => l.split('|')[1]));
    expect(values.size).toBe(total);

    // Within the second run, each key's values arrive in increasing order.
    const secondRun = lines.slice(beforeRestart);
    for (const key of keys) {
      const seq = secondRun
        .filter((l) => l.startsWith(`${key}|`))
        .map((l) => Number(l.split('|')[1]));
      expect(seq).toEqual([...seq].sort((x, y) => x - y));
    }
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
