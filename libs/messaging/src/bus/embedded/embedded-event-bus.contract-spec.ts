import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventBusContract } from '../event-bus.contract';
import { EmbeddedEventBus } from './embedded-event-bus';

describeEventBusContract(
  'embedded (SQLite log)',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfp-bus-'));
    const filename = join(dir, 'bus.sqlite');
    const bus = new EmbeddedEventBus({ filename, retryDelayMs: 20 });
    let counter = 0;
    return {
      bus,
      topicName: (suffix) => `sfp.test.${suffix}.${++counter}`,
      reopen: async () => new EmbeddedEventBus({ filename, retryDelayMs: 20 }),
      cleanup: async () => {
        await bus.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { settleMs: 50 },
);
