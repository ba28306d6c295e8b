import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityStoreContract } from '../testing/identity-store.contract';
import { SqliteIdentityStore } from './sqlite-identity-store';

const dir = mkdtempSync(join(tmpdir(), 'sfp-identities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

identityStoreContract(
  'SQLite',
  async () => new SqliteIdentityStore({ filename: join(dir, `identities-${++n}.sqlite`) }),
);
