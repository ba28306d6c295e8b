import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWrite } from '../read-model.document';
import type { ReadModelTable } from '../read-model.types';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import { startWalCheckpointer } from './wal-checkpointer';

const table: ReadModelTable = {
  projection: 'checkpointed',
  generation: 1,
  fields: { status: 'string', rank: 'number' },
};

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('WAL checkpoints in a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sfp-wal-checkpointer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** 3,000 documents of ~1 KB: about 1,000 pages of log, under the store's own threshold of 10,000. */
  async function fill(store: SqliteReadModelStore): Promise<void> {
    await store.ensureTable(table);
    const writes = Array.from({ length: 3_000 }, (_, i) =>
      prepareWrite(table, `doc-${i}`, i + 1, {
        status: `s${i % 7}`,
        rank: i,
        text: 'x'.repeat(900),
      }),
    );
    await store.write({ table, writes });
  }

  it("copies a read-model store's log into its file, which the store's connection leaves to it", async () => {
    const filename = join(dir, 'read-models.sqlite');
    const store = new SqliteReadModelStore({ filename });
    try {
      expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
      await fill(store);
      // Written to the log only, until the thread checkpoints it.
      await until(() => statSync(filename).size > 3_000_000);
      expect(await store.load(table, ['doc-2999'])).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('is the connection\'s own job with checkpoints: "inline" (SQLite\'s default threshold)', async () => {
    const store = new SqliteReadModelStore({
      filename: join(dir, 'inline.sqlite'),
      checkpoints: 'inline',
    });
    try {
      expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    } finally {
      await store.close();
    }
  });

  it('checkpoints a file written by another connection, and closes once', async () => {
    const filename = join(dir, 'other.sqlite');
    const db = new Database(filename);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run('y'.repeat(1_000));
    })();
    const before = statSync(filename).size;
    const checkpointer = startWalCheckpointer(filename, { intervalMs: 20 });
    try {
      await until(() => statSync(filename).size > before + 1_000_000);
    } finally {
      await checkpointer.close();
      await checkpointer.close();
      db.close();
    }
  });
});
