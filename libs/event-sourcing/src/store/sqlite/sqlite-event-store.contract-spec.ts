import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../event-store.port';
import { describeEventStoreContract } from '../event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

// A real file per test (WAL and synchronous=FULL only apply to files), and
// peers on the same file stand for other processes. Both writers: the worker
// thread (the default) and the store's own connection.
for (const writer of ['thread', 'inline'] as const) {
  describeEventStoreContract(`SQLite (${writer} writer)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfp-sqlite-event-store-'));
    const filename = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename, pollIntervalMs: 20, writer });
    return {
      store,
      openPeer: async (): Promise<EventStore> =>
        new SqliteEventStore({ filename, pollIntervalMs: 20, writer }),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}
