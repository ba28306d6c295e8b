import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadLetterIndexContract } from './dead-letter-index.contract';
import { SqliteDeadLetterIndex } from './sqlite-dead-letter-index';

deadLetterIndexContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-dlq-index-'));
  return {
    index: new SqliteDeadLetterIndex({ filename: join(dir, 'dead-letters.sqlite') }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
