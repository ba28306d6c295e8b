import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EmbeddedEventBus } from './embedded-event-bus';

/**
 * The bus's file refusing a write under a consumer (a full disk in
 * production; here another connection holding the write lock past the busy
 * timeout, so SQLite answers SQLITE_BUSY to the offset commit): the consumer
 * loop survives, and delivers again what it could not commit.
 */
describe('the embedded bus when its file refuses the offset commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-bus-storage-'));
  const filename = join(dir, 'bus.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps consuming once the file can be written again, at least once', async () => {
    const bus = new EmbeddedEventBus({ filename, retryDelayMs: 50 });
    const topic = 'sfp.test.storage-failure';
    await bus.ensureTopics([{ topic, partitions: 1, replicationFactor: 1 }]);
    const locker = new Database(filename);
    const seen: string[] = [];
    let locked = false;
    const consumer = await bus.consume({
      groupId: 'storage-failure',
      topics: [topic],
      handler: async (message) => {
        seen.push(String(message.value));
        if (String(message.value) === 'second' && !locked) {
          // Held through this message's commit (which waits out the busy timeout, then throws).
          locked = true;
          locker.exec('BEGIN EXCLUSIVE');
          setTimeout(() => locker.exec('COMMIT'), 100);
        }
      },
    });
    const until = async (what: () => boolean) => {
      const deadline = Date.now() + 15_000;
      while (!what() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    await bus.publish(topic, [{ key: 'a', value: 'first' }]);
    await until(() => seen.length === 1);
    await bus.publish(topic, [{ key: 'a', value: 'second' }]);
    await until(() => seen.length === 3);
    await bus.publish(topic, [{ key: 'a', value: 'third' }]);
    await until(() => seen.includes('third'));
    await consumer.stop();
    await bus.close();
    locker.close();

    // "second" twice: its commit failed, so it was delivered again; then the loop went on.
    expect(seen).toEqual(['first', 'second', 'second', 'third']);
  }, 30_000);
});
