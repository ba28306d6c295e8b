import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedSecret } from './stored-secret';

describe('storedSecret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-secret-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the secret once, keeps it readable by its owner only, and gives it back', () => {
    const file = join(dir, 'nested', 'secrets.json');
    let made = 0;
    const make = () => `secret-${++made}`;
    expect(storedSecret(file, 'tokenSecret', make)).toBe('secret-1');
    expect(storedSecret(file, 'tokenSecret', make)).toBe('secret-1');
    expect(made).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ tokenSecret: 'secret-1' });
  });
});
